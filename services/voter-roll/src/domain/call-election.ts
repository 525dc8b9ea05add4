import type { Actor, Decider, ElectionCalledPayload } from '@vl/contracts';
import {
  evolveElection,
  initialElection,
  type Election,
  type ElectionDecision,
  type ElectionEvent,
  type ElectionRejection,
} from './election';

/** Calling an election fixes its date, time zone and polling hours (DOMAIN: 07:00–20:00 by default). */
export interface CallElection extends Omit<ElectionCalledPayload, 'calledBy'> {
  readonly calledBy: Actor;
}

export interface CallElectionContext {
  /** the calendar date in the election's time zone when the command is given */
  readonly today: string;
}

export function callElection(
  command: CallElection,
  state: Election,
  context: CallElectionContext,
): ElectionDecision {
  if (state.status === 'called') {
    return reject({ code: 'already-called', message: `election ${state.electionId} is already called` });
  }
  // ISO dates compare correctly as strings
  if (command.electionDate <= context.today) {
    return reject({
      code: 'date-not-in-future',
      message: `electionDate ${command.electionDate} must be after today (${context.today} in ${command.timeZone})`,
    });
  }
  return { ok: true, value: [{ type: 'ElectionCalled', payload: command }] };
}

const reject = (rejection: ElectionRejection): ElectionDecision => ({ ok: false, error: rejection });

/** The election aggregate: its stream is `election-<electionId>` (stream-ids.ts). */
export const electionDecider: Decider<
  CallElection,
  Election,
  ElectionEvent,
  ElectionRejection,
  CallElectionContext
> = {
  initialState: initialElection,
  evolve: evolveElection,
  decide: callElection,
};
