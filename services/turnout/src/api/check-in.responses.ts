import type { CheckInOutcome } from '../application/check-in-voters/check-in-voters.handler';

export const ALREADY_TOOK_PART =
  'the voter has already taken part in this election; this attempt is recorded as an integrity alert for the commission and the CEC';

/**
 * What a poll book reads back for one check-in; never a personal number, which the poll book already has, and of
 * an earlier check-in only that it exists.
 */
export type CheckInAnswer =
  | {
      readonly outcome: 'accepted';
      readonly checkInId: string;
      readonly precinctId: string;
      readonly checkedInAt: string;
      readonly clock: 'device' | 'server';
    }
  | {
      readonly outcome: 'duplicate';
      readonly checkInId: string;
      readonly attemptedPrecinctId: string;
      readonly attemptedAt: string;
      readonly message: string;
    }
  | {
      readonly outcome: 'rejected';
      readonly checkInId: string;
      readonly code: string;
      readonly message: string;
    };

export function answerOf(checkInId: string, outcome: CheckInOutcome): CheckInAnswer {
  if (!outcome.ok)
    return { outcome: 'rejected', checkInId, code: outcome.error.code, message: outcome.error.message };
  const decided = outcome.value;
  if (decided.kind === 'accepted') {
    const { kind: _kind, ...accepted } = decided;
    return { outcome: 'accepted', ...accepted };
  }
  // a poll worker learns that the voter took part, never where or when: the commission and the CEC read that in
  // the integrity alert (docs/ballot-secrecy.md)
  return {
    outcome: 'duplicate',
    checkInId: decided.checkInId,
    attemptedPrecinctId: decided.attemptedPrecinctId,
    attemptedAt: decided.attemptedAt,
    message: ALREADY_TOOK_PART,
  };
}

const REJECTION_STATUS: Readonly<Record<string, number>> = {
  'unknown-election': 404,
  'check-in-id-reused': 409,
};

/** 201 accepted, 409 duplicate (or a reused checkInId), 422 a rule of polling day, 404 an unknown election. */
export function statusOf(answer: CheckInAnswer): number {
  if (answer.outcome === 'accepted') return 201;
  if (answer.outcome === 'duplicate') return 409;
  return REJECTION_STATUS[answer.code] ?? 422;
}
