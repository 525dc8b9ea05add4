import type { IntegritySignal } from '@vl/contracts';
import { localMidnightOf, millisOf, wallClock, type PollingDay } from './polling-day';

/** One stream of alerts per precinct and election: an alert id already in it is not raised again. */
export const alertsStreamId = (electionId: string, precinctId: string) =>
  `integrity-alerts-${electionId}-${precinctId}`;

/** When turnout raises an integrity signal (issue "polling day"; DOMAIN "election forensics"). */
export interface IntegrityThresholds {
  /** a precinct at or above this share of its registered voters */
  readonly highTurnoutPercent: number;
  /** more check-ins than this in one minute at one precinct: more than a station can physically process */
  readonly checkInsPerMinute: number;
  /** polling-day inclusions above this share of a precinct's check-ins */
  readonly inclusionSharePercent: number;
  /** mobile-box check-ins above this share of a precinct's check-ins */
  readonly mobileBoxSharePercent: number;
  /** check-ins of the last polling hour above this share of a precinct's check-ins */
  readonly lastHourSharePercent: number;
  /** the share signals need at least this many check-ins at the precinct: small numbers make wild shares */
  readonly shareMinCheckIns: number;
}

export const DEFAULT_INTEGRITY_THRESHOLDS: IntegrityThresholds = {
  highTurnoutPercent: 95,
  checkInsPerMinute: 6,
  inclusionSharePercent: 10,
  mobileBoxSharePercent: 15,
  lastHourSharePercent: 25,
  shareMinCheckIns: 20,
};

/** A signal with its evidence; `occurrence` tells apart repeated signals of one kind (check-in-rate: the minute). */
export interface RaisedSignal {
  readonly signal: IntegritySignal;
  readonly precinctId: string;
  readonly observedAt: string;
  readonly occurrence: string;
  readonly evidence: Readonly<Record<string, number | string>>;
  readonly summary: string;
}

const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;

/** A precinct's standing check-ins against its register, at the check-in that was just counted. */
export interface PrecinctStanding {
  readonly precinctId: string;
  readonly registered: number;
  readonly checkedIn: number;
  readonly observedAt: string;
}

export function highTurnout(standing: PrecinctStanding, thresholds: IntegrityThresholds): RaisedSignal[] {
  const { precinctId, registered, checkedIn, observedAt } = standing;
  // compared in whole numbers: 19 of 20 is exactly 95%, with no rounding in between
  if (registered === 0 || checkedIn * 100 < thresholds.highTurnoutPercent * registered) return [];
  return [
    {
      signal: 'high-turnout',
      precinctId,
      observedAt,
      occurrence: 'day',
      evidence: {
        registered,
        checkedIn,
        percent: percent(checkedIn, registered),
        thresholdPercent: thresholds.highTurnoutPercent,
      },
      summary: `precinct ${precinctId}: ${checkedIn} of ${registered} registered voters checked in (${percent(checkedIn, registered)}%, threshold ${thresholds.highTurnoutPercent}%)`,
    },
  ];
}

/** Check-ins counted in one minute at a precinct, before and after the ones just applied. */
export interface MinuteCount {
  readonly precinctId: string;
  /** the minute's start, ISO UTC */
  readonly minute: string;
  readonly before: number;
  readonly after: number;
}

// raised by the check-in that goes past the limit, so each minute raises it at most once
export function checkInRate(count: MinuteCount, thresholds: IntegrityThresholds): RaisedSignal[] {
  const limit = thresholds.checkInsPerMinute;
  if (!(count.before <= limit && count.after > limit)) return [];
  return [
    {
      signal: 'check-in-rate',
      precinctId: count.precinctId,
      observedAt: count.minute,
      occurrence: count.minute,
      evidence: { minute: count.minute, checkInsInMinute: limit + 1, limitPerMinute: limit },
      summary: `precinct ${count.precinctId}: more than ${limit} check-ins in the minute from ${count.minute}, more than a station can process`,
    },
  ];
}

/** A check-in as recorded, against the official close of its polling day. */
export interface RecordedCheckIn {
  readonly precinctId: string;
  readonly personalNumber: string;
  readonly checkedInAt: string;
  /** when turnout received and recorded it (the event's occurrence time) */
  readonly recordedAt: string;
  readonly officialCloseAt: string;
}

// the official close instant itself is closed time (20:00:00.000 does not count as polling hours)
export function checkInAfterClose(checkIn: RecordedCheckIn): RaisedSignal[] {
  if (Date.parse(checkIn.recordedAt) < Date.parse(checkIn.officialCloseAt)) return [];
  const minutesLate = Math.floor(
    (Date.parse(checkIn.recordedAt) - Date.parse(checkIn.officialCloseAt)) / 60_000,
  );
  return [
    {
      signal: 'check-in-after-close',
      precinctId: checkIn.precinctId,
      observedAt: checkIn.recordedAt,
      occurrence: 'day',
      evidence: {
        personalNumber: checkIn.personalNumber,
        checkedInAt: checkIn.checkedInAt,
        recordedAt: checkIn.recordedAt,
        officialCloseAt: checkIn.officialCloseAt,
        minutesAfterClose: minutesLate,
      },
      summary: `precinct ${checkIn.precinctId}: a check-in of ${checkIn.checkedInAt} reached turnout ${minutesLate} min after the official close (late offline sync)`,
    },
  ];
}

/** A check-in a poll book reported with its own time, against the opening of the precinct's polling day. */
export interface DeviceReportedCheckIn {
  readonly precinctId: string;
  readonly personalNumber: string;
  /** the trusted time the check-in stands at (the server's, when the device's was not believed) */
  readonly checkedInAt: string;
  readonly deviceId: string;
  readonly deviceTime: string;
  /** the precinct's polling day: its date, zone and official opening */
  readonly day: PollingDay;
}

// accepted at the server's time (a wrong clock must not make a real voter absent), but the commission must ask why
export function checkInBeforeOpening(checkIn: DeviceReportedCheckIn): RaisedSignal[] {
  const { day, deviceTime } = checkIn;
  const claimed = millisOf(deviceTime);
  if (claimed < millisOf(localMidnightOf(day)) || claimed >= millisOf(day.opensAt)) return [];
  const minutesEarly = Math.ceil((millisOf(day.opensAt) - claimed) / 60_000);
  return [
    {
      signal: 'check-in-before-opening',
      precinctId: checkIn.precinctId,
      observedAt: deviceTime,
      occurrence: checkIn.deviceId,
      evidence: {
        personalNumber: checkIn.personalNumber,
        deviceId: checkIn.deviceId,
        deviceTime,
        checkedInAt: checkIn.checkedInAt,
        officialOpeningAt: day.opensAt,
        minutesBeforeOpening: minutesEarly,
      },
      summary: `precinct ${checkIn.precinctId}: poll book ${checkIn.deviceId} reported a check-in at ${wallClock(deviceTime, day.timeZone)}, before the official opening at ${wallClock(day.opensAt, day.timeZone)}; it stands at ${wallClock(checkIn.checkedInAt, day.timeZone)}`,
    },
  ];
}

/** One precinct's whole day, as the close-of-day signals read it. */
export interface PrecinctDayFigures {
  readonly precinctId: string;
  readonly checkedIn: number;
  /** voters included on the precinct's list on polling day */
  readonly inclusions: number;
  readonly mobileBox: number;
  /** standing check-ins in the last polling hour (official close − 1 h to the close) */
  readonly lastHour: number;
  /** the official close, ISO UTC: the moment these signals refer to */
  readonly closesAt: string;
}

const shareSignal = (
  signal: IntegritySignal,
  day: PrecinctDayFigures,
  part: number,
  partName: string,
  thresholdPercent: number,
  minCheckIns: number,
  what: string,
): RaisedSignal[] => {
  // strictly above the share, compared in whole numbers
  if (day.checkedIn < minCheckIns || part * 100 <= thresholdPercent * day.checkedIn) return [];
  const share = percent(part, day.checkedIn);
  return [
    {
      signal,
      precinctId: day.precinctId,
      observedAt: day.closesAt,
      occurrence: 'day',
      evidence: {
        checkedIn: day.checkedIn,
        [partName]: part,
        sharePercent: share,
        thresholdPercent,
        minCheckIns,
      },
      summary: `precinct ${day.precinctId}: ${what} ${part} of ${day.checkedIn} check-ins (${share}%, threshold ${thresholdPercent}%)`,
    },
  ];
};

/** The signals that need the whole day: decided once the polls have closed, per precinct. */
export function closeOfDaySignals(
  precincts: readonly PrecinctDayFigures[],
  thresholds: IntegrityThresholds,
): RaisedSignal[] {
  const min = thresholds.shareMinCheckIns;
  return precincts.flatMap((day) => [
    ...shareSignal(
      'inclusion-share',
      day,
      day.inclusions,
      'inclusions',
      thresholds.inclusionSharePercent,
      min,
      'polling-day inclusions were',
    ),
    ...shareSignal(
      'mobile-box-share',
      day,
      day.mobileBox,
      'mobileBox',
      thresholds.mobileBoxSharePercent,
      min,
      'mobile-box check-ins were',
    ),
    ...shareSignal(
      'last-hour-spike',
      day,
      day.lastHour,
      'lastHour',
      thresholds.lastHourSharePercent,
      min,
      'the last polling hour had',
    ),
  ]);
}
