/**
 * The polling-day tolerances turnout applies; configuration of the service (TURNOUT_* variables), so a
 * commission's decision to change them is a deployment, not a code change.
 */
export interface CheckInPolicy {
  /** after PollsClosed, how long check-ins made before the official close may still arrive (offline poll books) */
  readonly graceAfterCloseMinutes: number;
  /** how far a device clock may run ahead of the server's and still be trusted */
  readonly deviceClockMaxAheadSeconds: number;
  /** how long before the server received it a device may claim to have checked a voter in (offline time) */
  readonly deviceClockMaxBehindHours: number;
}

export const DEFAULT_CHECK_IN_POLICY: CheckInPolicy = {
  graceAfterCloseMinutes: 30,
  deviceClockMaxAheadSeconds: 120,
  deviceClockMaxBehindHours: 16,
};

export const minutes = (count: number) => count * 60_000;
export const seconds = (count: number) => count * 1000;
export const hours = (count: number) => count * 3_600_000;
