import type { Actor, Decider, PollWorkerRegistered, Result } from '@vl/contracts';

/** The chair of a precinct commission registers a poll worker and their devices for an election. */
export interface RegisterPollWorker {
  readonly electionId: string;
  readonly precinctId: string;
  readonly subject: string;
  readonly deviceIds: readonly string[];
  readonly registeredBy: Actor;
}

/** What the registration is decided against: the election, the precinct and its commission's chair. */
export interface PollWorkerRegistrationContext {
  readonly electionCalled: boolean;
  readonly precinctRegistered: boolean;
  /** the personal number of the precinct commission's chair, from the commission members imported */
  readonly chair: string | undefined;
}

/** One polling station's poll workers in one election: each subject with the devices registered last. */
export type PollWorkers = ReadonlyMap<string, readonly string[]>;

export type PollWorkerRegistrationRejection = {
  readonly code: 'unknown-election' | 'unknown-precinct' | 'not-the-chair';
  readonly message: string;
};

export function registerPollWorker(
  command: RegisterPollWorker,
  state: PollWorkers,
  context: PollWorkerRegistrationContext,
): Result<readonly PollWorkerRegistered[], PollWorkerRegistrationRejection> {
  const { electionId, precinctId, subject, registeredBy } = command;
  if (!context.electionCalled) return reject('unknown-election', `election ${electionId} was not called`);
  if (!context.precinctRegistered)
    return reject('unknown-precinct', `precinct ${precinctId} is not registered: import it first`);
  // a commission member's token names them by their personal number, as the appointment does
  if (context.chair === undefined || context.chair !== registeredBy.subject)
    return reject(
      'not-the-chair',
      `only the chair of precinct ${precinctId}'s commission registers its poll workers: the token's subject must be the chair's personal number`,
    );
  const deviceIds = [...new Set(command.deviceIds)].sort();
  const registered = state.get(subject);
  // the same registration again changes nothing
  if (registered && registered.join(' ') === deviceIds.join(' ')) return { ok: true, value: [] };
  return {
    ok: true,
    value: [
      { type: 'PollWorkerRegistered', payload: { electionId, precinctId, subject, deviceIds, registeredBy } },
    ],
  };
}

export function evolvePollWorkers(state: PollWorkers, event: PollWorkerRegistered): PollWorkers {
  return new Map(state).set(event.payload.subject, event.payload.deviceIds);
}

export const pollWorkerRegistrationDecider: Decider<
  RegisterPollWorker,
  PollWorkers,
  PollWorkerRegistered,
  PollWorkerRegistrationRejection,
  PollWorkerRegistrationContext
> = {
  initialState: new Map(),
  evolve: evolvePollWorkers,
  decide: registerPollWorker,
};

function reject(code: PollWorkerRegistrationRejection['code'], message: string) {
  return { ok: false as const, error: { code, message } };
}
