import type { DeviceStamp } from '@vl/contracts';
import { hours, minutes, seconds, type CheckInPolicy } from './check-in-policy';
import { instantOf, millisOf, type PollingDay } from './polling-day';

/** When a check-in happened, and whose clock says so. */
export interface CheckInMoment {
  readonly at: string;
  readonly clock: 'device' | 'server';
  /** why the device's clock was not believed; absent when it was, or when no device reported a time */
  readonly distrust?: string;
}

/**
 * How clocks are trusted: the server's receive time always; a poll book's own time only when it lies
 *  - no more than deviceClockMaxAheadSeconds after the server received it (a clock running fast is caught),
 *  - no more than deviceClockMaxBehindHours before it (an offline book syncing later in the day), and
 *  - within the polling day: from the official opening to the official close plus the grace period.
 * Otherwise the server's receive time stands for the check-in, and the event keeps the device's reported
 * time beside it (checkedInAt differs from device.deviceTime), so an auditor sees every distrusted clock.
 */
export function checkInMoment(
  device: DeviceStamp | null,
  receivedAt: string,
  day: PollingDay,
  policy: CheckInPolicy,
): CheckInMoment {
  if (device === null) return { at: receivedAt, clock: 'server' };
  const claimed = millisOf(device.deviceTime);
  const received = millisOf(receivedAt);
  const distrust = (reason: string): CheckInMoment => ({ at: receivedAt, clock: 'server', distrust: reason });
  if (claimed > received + seconds(policy.deviceClockMaxAheadSeconds)) {
    return distrust(
      `device time runs more than ${policy.deviceClockMaxAheadSeconds} s ahead of the server's receive time`,
    );
  }
  if (claimed < received - hours(policy.deviceClockMaxBehindHours)) {
    return distrust(
      `device time is more than ${policy.deviceClockMaxBehindHours} h before the server's receive time`,
    );
  }
  const dayEnds = millisOf(day.closesAt) + minutes(policy.graceAfterCloseMinutes);
  if (claimed < millisOf(day.opensAt) || claimed >= dayEnds) {
    return distrust(
      `device time is outside the polling day (${day.opensAt} to ${instantOf(dayEnds)} with the grace period)`,
    );
  }
  return { at: device.deviceTime, clock: 'device' };
}
