import type { Actor, Decider, PollsClosed, PollsOpened, Result } from '@vl/contracts';
import { participationClosed, type Participation } from './participation';
import { millisOf, wallClock, type PollingDay } from './polling-day';

/** One precinct's polls in one election: opened once by its commission, closed once. */
export type Polls =
  | { readonly status: 'not-opened' }
  | { readonly status: 'open'; readonly openedAt: string; readonly openedBy: Actor }
  | {
      readonly status: 'closed';
      readonly openedAt: string;
      readonly openedBy: Actor;
      readonly closedAt: string;
      readonly closedBy: Actor;
    };

export type PollsEvent = PollsOpened | PollsClosed;

export const pollsNotOpened: Polls = { status: 'not-opened' };

export const pollsStreamId = (electionId: string, precinctId: string) => `polls-${electionId}-${precinctId}`;

export function evolvePolls(state: Polls, event: PollsEvent): Polls {
  switch (event.type) {
    case 'PollsOpened':
      return { status: 'open', openedAt: event.payload.openedAt, openedBy: event.payload.openedBy };
    case 'PollsClosed':
      return state.status === 'not-opened'
        ? state
        : {
            status: 'closed',
            openedAt: state.openedAt,
            openedBy: state.openedBy,
            closedAt: event.payload.closedAt,
            closedBy: event.payload.closedBy,
          };
    default:
      return exhaustive(event, state);
  }
}

function exhaustive(_: never, state: Polls): Polls {
  return state;
}

export interface OpenPolls {
  readonly type: 'OpenPolls';
  readonly electionId: string;
  readonly precinctId: string;
  readonly openedBy: Actor;
  /** the server's clock when the commission asked */
  readonly now: string;
}

export interface ClosePolls {
  readonly type: 'ClosePolls';
  readonly electionId: string;
  readonly precinctId: string;
  readonly closedBy: Actor;
  readonly now: string;
}

export type PollsCommand = OpenPolls | ClosePolls;

/** The election's polling hours, and its participation: once finalized, no polls open any more. */
export interface PollsContext {
  readonly day: PollingDay;
  readonly participation: Participation;
}

export type PollsRejection = {
  readonly code:
    | 'participation-finalized'
    | 'already-open'
    | 'already-closed'
    | 'not-open'
    | 'before-official-opening'
    | 'after-official-closing'
    | 'before-official-closing';
  readonly message: string;
};

export type PollsDecision = Result<readonly PollsEvent[], PollsRejection>;

const reject = (code: PollsRejection['code'], message: string): PollsDecision => ({
  ok: false,
  error: { code, message },
});

/** A commission opens its polls from the official opening minute on polling day, and only once. */
export function openPolls(
  command: OpenPolls,
  state: Polls,
  { day, participation }: PollsContext,
): PollsDecision {
  const at = (instant: string) => wallClock(instant, day.timeZone);
  const closed = participationClosed(participation, day.timeZone);
  if (closed) return { ok: false, error: closed };
  if (state.status === 'open')
    return reject('already-open', `polls at ${command.precinctId} were opened at ${at(state.openedAt)}`);
  if (state.status === 'closed')
    return reject('already-closed', `polls at ${command.precinctId} were closed at ${at(state.closedAt)}`);
  if (millisOf(command.now) < millisOf(day.opensAt)) {
    return reject(
      'before-official-opening',
      `polls open at ${at(day.opensAt)} at the earliest; it is ${at(command.now)}`,
    );
  }
  if (millisOf(command.now) >= millisOf(day.closesAt)) {
    return reject(
      'after-official-closing',
      `polling hours ended at ${at(day.closesAt)}; it is ${at(command.now)}`,
    );
  }
  const { electionId, precinctId, openedBy, now } = command;
  return {
    ok: true,
    value: [{ type: 'PollsOpened', payload: { electionId, precinctId, openedAt: now, openedBy } }],
  };
}

/** A commission closes its polls at or after the official closing minute, once. */
export function closePolls(command: ClosePolls, state: Polls, { day }: PollsContext): PollsDecision {
  const at = (instant: string) => wallClock(instant, day.timeZone);
  if (state.status === 'not-opened')
    return reject('not-open', `polls at ${command.precinctId} were never opened`);
  if (state.status === 'closed')
    return reject('already-closed', `polls at ${command.precinctId} were closed at ${at(state.closedAt)}`);
  if (millisOf(command.now) < millisOf(day.closesAt)) {
    return reject(
      'before-official-closing',
      `polls close at ${at(day.closesAt)}, not before; it is ${at(command.now)}`,
    );
  }
  const { electionId, precinctId, closedBy, now } = command;
  return {
    ok: true,
    value: [{ type: 'PollsClosed', payload: { electionId, precinctId, closedAt: now, closedBy } }],
  };
}

/** One precinct's polls in one election, folded from its stream `polls-<electionId>-<precinctId>`. */
export const pollsDecider: Decider<PollsCommand, Polls, PollsEvent, PollsRejection, PollsContext> = {
  initialState: pollsNotOpened,
  evolve: evolvePolls,
  decide(command, state, context) {
    switch (command.type) {
      case 'OpenPolls':
        return openPolls(command, state, context);
      case 'ClosePolls':
        return closePolls(command, state, context);
      default:
        return unknownCommand(command);
    }
  },
};

function unknownCommand(command: never): never {
  throw new Error(`not a polls command: ${JSON.stringify(command)}`);
}
