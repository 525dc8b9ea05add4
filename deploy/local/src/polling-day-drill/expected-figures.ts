import { CHECK_IN_METHODS, type CheckInMethod } from '@vl/contracts';
import type { AreaFigures, DrillPrecinct, DrillStep, ExpectedFigures, PlannedCheckIn } from './plan-types';
import { localInstant } from './precinct-hours';
import { PUBLICATION_TIMES } from './turnout-curve';

/** turnout's default integrity thresholds (services/turnout, DEFAULT_INTEGRITY_THRESHOLDS) */
export const SIGNAL_THRESHOLDS = {
  highTurnoutPercent: 95,
  checkInsPerMinute: 6,
  mobileBoxSharePercent: 15,
  lastHourSharePercent: 25,
  shareMinCheckIns: 20,
} as const;

export const percentOf = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 100;

/** The figures the stack must report when every step of the plan has been sent. */
export function expectedFigures(
  electionDate: string,
  precincts: readonly DrillPrecinct[],
  checkIns: readonly PlannedCheckIn[],
  steps: readonly DrillStep[],
): ExpectedFigures {
  const standing = checkIns.filter((checkIn) => !checkIn.revoked);
  const regionOf = new Map(precincts.map((precinct) => [precinct.precinctId, precinct]));
  const regions = new Map<string, { name: string; registered: number; checkedIn: number }>();
  for (const precinct of precincts) {
    const region = regions.get(precinct.regionCode) ?? {
      name: precinct.regionName,
      registered: 0,
      checkedIn: 0,
    };
    region.registered += precinct.registered;
    regions.set(precinct.regionCode, region);
  }
  for (const checkIn of standing) {
    const region = regions.get((regionOf.get(checkIn.precinctId) as DrillPrecinct).regionCode);
    if (region) region.checkedIn += 1;
  }
  const registered = precincts.reduce((sum, precinct) => sum + precinct.registered, 0);
  const byMethod = Object.fromEntries(
    CHECK_IN_METHODS.map((method) => [
      method,
      standing.filter((checkIn) => checkIn.method === method).length,
    ]),
  ) as Record<CheckInMethod, number>;
  // the CEC counts each precinct up to the publication time on its own clock (10:00 Moscow at a Moscow precinct)
  const byHour = PUBLICATION_TIMES.map((at) => {
    const boundaryOf = new Map(
      precincts.map((precinct) => [precinct.precinctId, localInstant(electionDate, precinct.timeZone, at)]),
    );
    const checkedIn = standing.filter(
      (checkIn) => checkIn.at < (boundaryOf.get(checkIn.precinctId) as string),
    ).length;
    return { at, checkedIn, percent: percentOf(checkedIn, registered) };
  });
  const alertPrecincts = expectedAlerts(precincts, checkIns, standing, steps);
  return {
    registered,
    checkedIn: standing.length,
    regions: [...regions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, region]): AreaFigures => ({
        code,
        name: region.name,
        registered: region.registered,
        checkedIn: region.checkedIn,
        percent: percentOf(region.checkedIn, region.registered),
      })),
    byMethod,
    byHour,
    alerts: Object.fromEntries(Object.entries(alertPrecincts).map(([signal, list]) => [signal, list.length])),
    alertPrecincts,
    participated: standing.length,
    absent: registered - standing.length,
    precincts: precincts.length,
  };
}

// the rules of turnout's integrity signals, applied to the plan (one entry per alert, naming its precinct)
function expectedAlerts(
  precincts: readonly DrillPrecinct[],
  checkIns: readonly PlannedCheckIn[],
  standing: readonly PlannedCheckIn[],
  steps: readonly DrillStep[],
): Record<string, string[]> {
  const t = SIGNAL_THRESHOLDS;
  const alerts: Record<string, string[]> = {
    'duplicate-check-in': steps.flatMap((step) => (step.kind === 'double-vote' ? [step.precinctId] : [])),
    'high-turnout': [],
    'check-in-rate': [],
    'check-in-after-close': [],
    'mobile-box-share': [],
    'last-hour-spike': [],
  };
  for (const precinct of precincts) {
    // the last hour and the close are the precinct's own
    const closesAt = Date.parse(precinct.closesAt);
    const lastHourFrom = closesAt - 3_600_000;
    const mine = standing.filter((checkIn) => checkIn.precinctId === precinct.precinctId);
    const count = mine.length;
    if (precinct.registered > 0 && count * 100 >= t.highTurnoutPercent * precinct.registered)
      alerts['high-turnout']?.push(precinct.precinctId);
    const perMinute = new Map<number, number>();
    for (const checkIn of checkIns) {
      if (checkIn.precinctId !== precinct.precinctId) continue;
      const minute = Math.floor(Date.parse(checkIn.at) / 60_000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    for (const inMinute of perMinute.values())
      if (inMinute > t.checkInsPerMinute) alerts['check-in-rate']?.push(precinct.precinctId);
    const synced = steps.some(
      (step) =>
        step.kind === 'sync' && step.precinctId === precinct.precinctId && Date.parse(step.at) >= closesAt,
    );
    if (synced) alerts['check-in-after-close']?.push(precinct.precinctId);
    if (count >= t.shareMinCheckIns) {
      const mobile = mine.filter((checkIn) => checkIn.method === 'mobile-box').length;
      if (mobile * 100 > t.mobileBoxSharePercent * count)
        alerts['mobile-box-share']?.push(precinct.precinctId);
      const lastHour = mine.filter((checkIn) => Date.parse(checkIn.at) >= lastHourFrom).length;
      if (lastHour * 100 > t.lastHourSharePercent * count)
        alerts['last-hour-spike']?.push(precinct.precinctId);
    }
  }
  for (const list of Object.values(alerts)) list.sort();
  return alerts;
}
