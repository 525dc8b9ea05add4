import type { CheckInMethod, IdentificationMethod } from '@vl/contracts';
import { DrillRandom } from './drill-random';
import { expectedFigures } from './expected-figures';
import type { DrillOptions, DrillPlan, DrillPrecinct, DrillStep, PlannedCheckIn } from './plan-types';
import { pollingHoursOf } from './precinct-hours';
import { rollOf, type RollPrecinct } from './roll';
import {
  FIRST_CHECK_IN_MINUTE,
  HOURLY_CURVE,
  LAST_CHECK_IN_MINUTE,
  NORMAL_MAX_PER_MINUTE,
} from './turnout-curve';

const MINUTE = 60_000;
const POLLING_MINUTES = 13 * 60;
// the sync endpoint's page limit
const SYNC_PAGE = 400;
// about one poll book in eight is offline for part of the day
const OFFLINE_SHARE = 0.12;
const MOBILE_BOX_SHARE = 0.03;
// the planted anomaly: from 19:05, more check-ins a minute than turnout's rate signal allows (6)
const BURST_FROM = 12 * 60 + 5;
const BURST_PER_MINUTE = 8;
const REVOCATION_REASON = 'the poll worker checked in a namesake; the voter has not yet come';

/** An instant `minute` minutes (and seconds, millis) after a precinct's opening on its own clock. */
type LocalInstant = (minute: number, seconds?: number, millis?: number) => string;

/**
 * Polling day for a synthetic country, decided in advance and seeded: who comes and when (the hourly curve),
 * which poll books are offline and sync late, a few double-vote attempts elsewhere, two revocations (one voter
 * comes back), and one precinct where the last hour brings turnout to 100% (a ballot-stuffing pattern).
 */
export function planPollingDay(options: DrillOptions): DrillPlan {
  const random = new DrillRandom(`polling-day-drill:${options.seed}`);
  const roll = rollOf(options);
  // each precinct's day runs on its own clock: its minutes count from its own 07:00
  const localOf = new Map(
    roll.map((precinct): [string, LocalInstant] => {
      const opening = Date.parse(pollingHoursOf(options.electionDate, precinct.timeZone).opensAt);
      return [
        precinct.precinctId,
        (minute, seconds = 0, millis = 0) =>
          new Date(opening + minute * MINUTE + seconds * 1000 + millis).toISOString(),
      ];
    }),
  );
  const local = (precinctId: string) => localOf.get(precinctId) as LocalInstant;
  const regionRates = new Map(
    [...new Set(roll.map((precinct) => precinct.regionCode))]
      .sort()
      .map((code) => [code, random.between(55, 75) / 100]),
  );
  // the anomaly is one of the larger precincts at home, where a burst of check-ins stands out
  const home = roll
    .filter((precinct) => !precinct.abroad && precinct.voters.length >= 40)
    .sort((a, b) => b.voters.length - a.voters.length);
  const anomaly = (
    random.sample(home.length > 0 ? home.slice(0, Math.ceil(home.length / 2)) : roll, 1)[0] as RollPrecinct
  ).precinctId;
  const offline = random
    .sample(
      roll.filter((precinct) => precinct.precinctId !== anomaly && precinct.voters.length > 0),
      Math.max(2, Math.round(roll.length * OFFLINE_SHARE)),
    )
    .map((precinct) => precinct.precinctId);
  const precincts: DrillPrecinct[] = roll.map((precinct) => ({
    precinctId: precinct.precinctId,
    regionCode: precinct.regionCode,
    regionName: precinct.regionName,
    abroad: precinct.abroad,
    timeZone: precinct.timeZone,
    ...pollingHoursOf(options.electionDate, precinct.timeZone),
    registered: precinct.voters.length,
    deviceId: `poll-book-${precinct.precinctId}-1`,
    ...(offline.includes(precinct.precinctId)
      ? { outage: outageOf(offline.indexOf(precinct.precinctId), random, local(precinct.precinctId)) }
      : {}),
  }));

  const checkIns: PlannedCheckIn[] = [];
  for (const precinct of roll) {
    const minutesTaken = new Map<number, number>();
    const take = (minute: number, limit: number): number => {
      // the next minute with room, so that a normal station never looks faster than a person can be served
      let chosen = minute;
      while ((minutesTaken.get(chosen) ?? 0) >= limit)
        chosen = chosen >= LAST_CHECK_IN_MINUTE ? FIRST_CHECK_IN_MINUTE : chosen + 1;
      minutesTaken.set(chosen, (minutesTaken.get(chosen) ?? 0) + 1);
      return chosen;
    };
    const rate = regionRates.get(precinct.regionCode) ?? 0.6;
    const instant = local(precinct.precinctId);
    const stayedHome: string[] = [];
    const mine: Omit<PlannedCheckIn, 'sequence'>[] = [];
    for (const personalNumber of precinct.voters) {
      if (!random.chance(rate)) {
        stayedHome.push(personalNumber);
        continue;
      }
      const hour = random.weighted(HOURLY_CURVE);
      const minute = Math.min(
        LAST_CHECK_IN_MINUTE,
        Math.max(FIRST_CHECK_IN_MINUTE, hour * 60 + random.between(0, 59)),
      );
      mine.push({
        personalNumber,
        precinctId: precinct.precinctId,
        at: instant(take(minute, NORMAL_MAX_PER_MINUTE), random.between(1, 58), random.between(0, 999)),
        method: methodOf(precinct, random),
        identification: identificationOf(random),
      });
    }
    if (precinct.precinctId === anomaly) {
      // everyone else, in the last hour, faster than a station can serve: 8 a minute from 19:05
      const perMinute = Math.max(
        BURST_PER_MINUTE,
        Math.ceil(stayedHome.length / (LAST_CHECK_IN_MINUTE - BURST_FROM)),
      );
      stayedHome.forEach((personalNumber, index) =>
        mine.push({
          personalNumber,
          precinctId: precinct.precinctId,
          at: instant(
            BURST_FROM + Math.floor(index / perMinute),
            random.between(1, 58),
            random.between(0, 999),
          ),
          method: 'station',
          identification: 'supervisor-override',
        }),
      );
    }
    mine.sort((a, b) => a.at.localeCompare(b.at));
    mine.forEach((checkIn, index) => checkIns.push({ ...checkIn, sequence: index + 1 }));
  }

  const outageOf_ = new Map(precincts.map((precinct) => [precinct.precinctId, precinct.outage]));
  const isOffline = (checkIn: { precinctId: string; at: string }) => {
    const outage = outageOf_.get(checkIn.precinctId);
    return !!outage && checkIn.at >= outage.from && checkIn.at < outage.until;
  };
  const steps: DrillStep[] = [];
  const online = checkIns.filter((checkIn) => !isOffline(checkIn));
  const ordinary = online.filter(
    (checkIn) => checkIn.precinctId !== anomaly && !checkIn.precinctId.startsWith('9999'),
  );

  // whether a check-in's device time lies in [from, until) minutes after its precinct's own opening
  const withinLocal = (checkIn: PlannedCheckIn, from: number, until: number) =>
    checkIn.at >= local(checkIn.precinctId)(from) && checkIn.at < local(checkIn.precinctId)(until);
  // double votes: a voter already checked in tries again at another precinct, later the same day
  const doubleVoters = random.sample(
    ordinary.filter((checkIn) => withinLocal(checkIn, 60, 11 * 60)),
    Math.max(3, Math.min(12, Math.round(checkIns.length / 5000))),
  );
  const elsewhere = [...new Set(ordinary.map((checkIn) => checkIn.precinctId))];
  for (const first of doubleVoters) {
    const at = new Date(Date.parse(first.at) + random.between(20, 60) * MINUTE).toISOString();
    // the other precinct's polls must be open then, by its own clock
    const candidates = elsewhere.filter(
      (precinctId) =>
        precinctId !== first.precinctId &&
        !isOffline({ precinctId, at }) &&
        at >= local(precinctId)(FIRST_CHECK_IN_MINUTE) &&
        at < local(precinctId)(LAST_CHECK_IN_MINUTE),
    );
    steps.push({
      kind: 'double-vote',
      at,
      personalNumber: first.personalNumber,
      precinctId: random.sample(candidates, 1)[0] as string,
      firstPrecinctId: first.precinctId,
    });
  }

  // two revocations between 10:00 and 12:00 (one publication interval): the first voter comes back 20 min later
  const taken = new Set(doubleVoters.map((checkIn) => checkIn.personalNumber));
  const revoked = random.sample(
    ordinary.filter((checkIn) => !taken.has(checkIn.personalNumber) && withinLocal(checkIn, 185, 255)),
    2,
  );
  for (const [index, checkIn] of revoked.entries()) {
    const position = checkIns.indexOf(checkIn);
    checkIns[position] = { ...checkIn, revoked: true };
    steps.push({
      kind: 'revoke',
      at: new Date(Date.parse(checkIn.at) + 20 * MINUTE).toISOString(),
      personalNumber: checkIn.personalNumber,
      reason: REVOCATION_REASON,
    });
    if (index === 0) {
      const again: PlannedCheckIn = {
        ...checkIn,
        at: new Date(Date.parse(checkIn.at) + 40 * MINUTE).toISOString(),
        identification: 'document',
        sequence: checkIns.filter((other) => other.precinctId === checkIn.precinctId).length + 1,
      };
      checkIns.push(again);
    }
  }

  for (const precinct of precincts)
    steps.push(
      { kind: 'open', at: precinct.opensAt, precinctId: precinct.precinctId },
      { kind: 'close', at: precinct.closesAt, precinctId: precinct.precinctId },
    );
  const byPrecinct = new Map<string, PlannedCheckIn[]>();
  for (const checkIn of checkIns) {
    if (!isOffline(checkIn)) {
      steps.push({ kind: 'check-in', at: checkIn.at, checkIn });
      continue;
    }
    byPrecinct.set(checkIn.precinctId, [...(byPrecinct.get(checkIn.precinctId) ?? []), checkIn]);
  }
  for (const precinct of precincts) {
    const synced = (byPrecinct.get(precinct.precinctId) ?? []).sort((a, b) => a.sequence - b.sequence);
    for (let page = 0; page < synced.length; page += SYNC_PAGE)
      steps.push({
        kind: 'sync',
        at: (precinct.outage as { syncAt: string }).syncAt,
        precinctId: precinct.precinctId,
        deviceId: precinct.deviceId,
        checkIns: synced.slice(page, page + SYNC_PAGE),
      });
  }
  steps.sort((a, b) => a.at.localeCompare(b.at));
  const instants = precincts.flatMap((precinct) => [precinct.opensAt, precinct.closesAt]).sort();
  return {
    options,
    opensAt: instants[0] as string,
    closesAt: instants.at(-1) as string,
    precincts,
    steps,
    anomalyPrecinctId: anomaly,
    expected: expectedFigures(options.electionDate, precincts, checkIns, steps),
  };
}

// half the offline poll books lose the network in the afternoon and sync after the close; the others are
// offline in the morning and sync when it comes back
function outageOf(index: number, random: DrillRandom, instant: LocalInstant) {
  if (index % 2 === 0) {
    const from = random.between(5, 9) * 60;
    return {
      from: instant(from),
      until: instant(POLLING_MINUTES + 1),
      syncAt: instant(POLLING_MINUTES + random.between(3, 12)),
    };
  }
  const until = random.between(3, 6) * 60;
  return { from: instant(0), until: instant(until), syncAt: instant(until + 5) };
}

function methodOf(precinct: RollPrecinct, random: DrillRandom): CheckInMethod {
  if (precinct.abroad) return 'abroad';
  return random.chance(MOBILE_BOX_SHARE) ? 'mobile-box' : 'station';
}

function identificationOf(random: DrillRandom): IdentificationMethod {
  const draw = random.next();
  if (draw < 0.85) return 'biometric';
  return draw < 0.99 ? 'document' : 'supervisor-override';
}
