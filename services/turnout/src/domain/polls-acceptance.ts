import type { Result } from '@vl/contracts';
import { minutes, type CheckInPolicy } from './check-in-policy';
import type { CheckInMoment } from './device-clock';
import { instantOf, millisOf, wallClock, type PollingDay } from './polling-day';
import type { Polls } from './polls';

export type PollsRefusal = { readonly code: 'polls-not-open' | 'polls-closed'; readonly message: string };

/**
 * A check-in is accepted from PollsOpened until the official close (by the check-in's trusted time). After the
 * commission records PollsClosed, check-ins made before the official close may still arrive for the grace
 * period (offline poll books syncing, the queue at closing); once it ends the precinct's check-ins are complete.
 */
export function pollsAccept(
  polls: Polls,
  moment: CheckInMoment,
  attempt: { readonly precinctId: string; readonly receivedAt: string },
  day: PollingDay,
  policy: CheckInPolicy,
): Result<null, PollsRefusal> {
  const at = (instant: string) => wallClock(instant, day.timeZone);
  const refuse = (code: PollsRefusal['code'], message: string): Result<never, PollsRefusal> => ({
    ok: false,
    error: { code, message: moment.distrust ? `${message} (server time used: ${moment.distrust})` : message },
  });
  if (polls.status === 'not-opened')
    return refuse('polls-not-open', `polls at ${attempt.precinctId} have not been opened`);
  if (millisOf(moment.at) < millisOf(polls.openedAt)) {
    return refuse(
      'polls-not-open',
      `the check-in was made at ${at(moment.at)}, before polls at ${attempt.precinctId} opened at ${at(polls.openedAt)}`,
    );
  }
  if (millisOf(moment.at) >= millisOf(day.closesAt)) {
    return refuse(
      'polls-closed',
      `polls closed at ${at(day.closesAt)}; the check-in was made at ${at(moment.at)}`,
    );
  }
  if (polls.status === 'closed') {
    const graceEnds = millisOf(polls.closedAt) + minutes(policy.graceAfterCloseMinutes);
    if (millisOf(attempt.receivedAt) >= graceEnds) {
      return refuse(
        'polls-closed',
        `polls at ${attempt.precinctId} closed at ${at(polls.closedAt)} and late check-ins were accepted until ${at(instantOf(graceEnds))}; this one arrived at ${at(attempt.receivedAt)}`,
      );
    }
  }
  return { ok: true, value: null };
}
