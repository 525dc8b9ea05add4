import type { ElectionCalledPayload } from '@vl/contracts';
import {
  evolveElection,
  initialElection,
  type Election,
  type ElectionDecision,
  type ElectionEvent,
  type ElectionRejection,
} from './election';

/** Calling an election fixes its date, time zone and polling hours (DOMAIN: 07:00–20:00 by default). */
export interface CallElection extends ElectionCalledPayload {
  /** the calendar date in the election's time zone when the command is given */
  readonly today: string;
}

export function callElection(command: CallElection, state: Election): ElectionDecision {
  if (state.status === 'called') {
    return reject({ code: 'already-called', message: `election ${state.electionId} is already called` });
  }
  // ISO dates compare correctly as strings
  if (command.electionDate <= command.today) {
    return reject({
      code: 'date-not-in-future',
      message: `electionDate ${command.electionDate} must be after today (${command.today} in ${command.timeZone})`,
    });
  }
  const { today: _today, ...payload } = command;
  return { ok: true, value: [{ type: 'ElectionCalled', payload }] };
}

const reject = (rejection: ElectionRejection): ElectionDecision => ({ ok: false, error: rejection });

export const electionDecider = {
  initialState: initialElection,
  evolve: evolveElection,
  decide: callElection,
} satisfies {
  initialState: Election;
  evolve: (state: Election, event: ElectionEvent) => Election;
  decide: (command: CallElection, state: Election) => ElectionDecision;
};

export const electionStreamId = (electionId: string) => `election-${electionId}`;
