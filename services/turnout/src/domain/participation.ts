import type {
  Actor,
  Decider,
  ParticipationFinalized,
  ParticipationFinalizedPayload,
  Result,
} from '@vl/contracts';
import { minutes, type CheckInPolicy } from './check-in-policy';
import { instantOf, millisOf, wallClock, type PollingDay } from './polling-day';
import type { Polls } from './polls';

/** One election's participation: open while check-ins may still arrive, then final once and for all. */
export type Participation =
  { readonly status: 'open' } | ({ readonly status: 'finalized' } & ParticipationFinalizedPayload);

export const participationOpen: Participation = { status: 'open' };

/** One stream per election: its single event is the finalization, so expecting no stream refuses a second. */
export const participationStreamId = (electionId: string) => `participation-${electionId}`;

export function evolveParticipation(_: Participation, event: ParticipationFinalized): Participation {
  return { status: 'finalized', ...event.payload };
}

/** The CEC operator finalizes the election's participation. */
export interface FinalizeParticipation {
  readonly electionId: string;
  readonly finalizedBy: Actor;
  /** the server's clock when the operator asked */
  readonly now: string;
}

/** One precinct's polls as the log holds them at the request. */
export interface PrecinctPolls {
  readonly precinctId: string;
  readonly polls: Polls;
}

/** Counted from the log once the preconditions hold (registered: each voter once, nationwide). */
export interface ParticipationFigures {
  readonly precincts: number;
  readonly registered: number;
  readonly participated: number;
}

export type FinalizeRejection = {
  readonly code: 'before-official-close' | 'polls-still-open' | 'grace-period-not-over';
  readonly message: string;
};

/** What finalizing reads besides the participation stream: the polls, the hours, the policy and the figures. */
export interface FinalizeContext {
  readonly precincts: readonly PrecinctPolls[];
  readonly day: PollingDay;
  readonly policy: CheckInPolicy;
  readonly figures: ParticipationFigures;
}

/** How many precincts a refusal names: enough to phone them, short enough to read. */
export const PRECINCTS_NAMED = 5;

/**
 * Participation is final only when no check-in can arrive any more: at or after the official close plus the
 * grace period, every precinct whose polls opened has closed them, and each one's grace after PollsClosed is
 * over. Precincts that never opened took no check-ins, so they do not hold finalization back.
 */
export function finalizationRefusal(
  command: FinalizeParticipation,
  precincts: readonly PrecinctPolls[],
  day: PollingDay,
  policy: CheckInPolicy,
): FinalizeRejection | null {
  const now = millisOf(command.now);
  const at = (instant: string) => wallClock(instant, day.timeZone);
  const grace = minutes(policy.graceAfterCloseMinutes);
  const earliest = millisOf(day.closesAt) + grace;
  if (now < earliest) {
    return {
      code: 'before-official-close',
      message: `participation can be finalized from ${at(instantOf(earliest))} (official close ${at(day.closesAt)} + ${policy.graceAfterCloseMinutes} min grace); it is ${at(command.now)}`,
    };
  }
  const stillOpen = precincts.filter(({ polls }) => polls.status === 'open').map((p) => p.precinctId);
  if (stillOpen.length > 0) {
    return {
      code: 'polls-still-open',
      message: `polls are still open at ${stillOpen.length} precinct(s): ${named(stillOpen)}; their commissions must close them first`,
    };
  }
  const inGrace = precincts.flatMap(({ precinctId, polls }) =>
    polls.status === 'closed' && millisOf(polls.closedAt) + grace > now
      ? [`${precinctId} (until ${at(instantOf(millisOf(polls.closedAt) + grace))})`]
      : [],
  );
  if (inGrace.length > 0) {
    return {
      code: 'grace-period-not-over',
      message: `late check-ins may still arrive at ${inGrace.length} precinct(s) for ${policy.graceAfterCloseMinutes} min after PollsClosed: ${named(inGrace)}`,
    };
  }
  return null;
}

/** Finalizing again answers with what stands and appends nothing. */
export function finalizeParticipation(
  command: FinalizeParticipation,
  state: Participation,
  context: FinalizeContext,
): Result<readonly ParticipationFinalized[], FinalizeRejection> {
  if (state.status === 'finalized') return { ok: true, value: [] };
  const refusal = finalizationRefusal(command, context.precincts, context.day, context.policy);
  if (refusal) return { ok: false, error: refusal };
  const { precincts, registered, participated } = context.figures;
  const payload: ParticipationFinalizedPayload = {
    electionId: command.electionId,
    finalizedAt: command.now,
    finalizedBy: command.finalizedBy,
    precincts,
    registered,
    participated,
    // DOMAIN "Participation": every registered voter without a standing check-in is absent
    absent: registered - participated,
  };
  return { ok: true, value: [{ type: 'ParticipationFinalized', payload }] };
}

/** One election's participation, folded from its stream `participation-<electionId>`. */
export const participationDecider: Decider<
  FinalizeParticipation,
  Participation,
  ParticipationFinalized,
  FinalizeRejection,
  FinalizeContext
> = { initialState: participationOpen, evolve: evolveParticipation, decide: finalizeParticipation };

/** After finalization the record of who took part is closed: no polls open, no check-in made or withdrawn. */
export function participationClosed(
  participation: Participation,
  timeZone: string,
): { readonly code: 'participation-finalized'; readonly message: string } | null {
  return participation.status === 'finalized'
    ? {
        code: 'participation-finalized',
        message: `participation in election ${participation.electionId} was finalized at ${wallClock(participation.finalizedAt, timeZone)}: check-ins and polls are closed for good`,
      }
    : null;
}

function named(precincts: readonly string[]): string {
  const first = precincts.slice(0, PRECINCTS_NAMED).join(', ');
  return precincts.length > PRECINCTS_NAMED
    ? `${first} and ${precincts.length - PRECINCTS_NAMED} more`
    : first;
}
