import { DateTime } from 'luxon';
import { planPollingDay } from './plan';
import type { DrillOptions, DrillPrecinct, PlannedCheckIn } from './plan-types';

const options: DrillOptions = {
  seed: 'unit',
  citizens: 4_000,
  electionDate: '2030-11-24',
  timeZone: 'Asia/Bishkek',
};
const plan = planPollingDay(options);
const checkIns: PlannedCheckIn[] = plan.steps.flatMap((step) =>
  step.kind === 'check-in' ? [step.checkIn] : step.kind === 'sync' ? [...step.checkIns] : [],
);
const precinctOf = (precinctId: string) =>
  plan.precincts.find((precinct) => precinct.precinctId === precinctId) as DrillPrecinct;
// the hour on the precinct's own clock
const localHour = (checkIn: PlannedCheckIn) =>
  DateTime.fromISO(checkIn.at, { zone: precinctOf(checkIn.precinctId).timeZone }).hour;

describe('the polling-day drill plan', () => {
  it('given the same options, when planned twice, then the steps and figures are the same', () => {
    const again = planPollingDay(options);
    expect(again.steps).toEqual(plan.steps);
    expect(again.expected).toEqual(plan.expected);
  });

  it('given another seed, when planned, then other voters come', () => {
    expect(planPollingDay({ ...options, seed: 'other' }).expected.checkedIn).not.toBe(
      plan.expected.checkedIn,
    );
  });

  it("given the plan, when its steps are read, then they are in time order within each precinct's polling hours 07:00–20:00", () => {
    expect(plan.steps.map((step) => step.at)).toEqual([...plan.steps.map((step) => step.at)].sort());
    // the first to open is at home (Bishkek, the easternmost zone of this roll); the last to close in Moscow
    expect(plan.opensAt).toBe('2030-11-24T01:00:00.000Z');
    expect(plan.closesAt).toBe('2030-11-24T17:00:00.000Z');
    for (const precinct of plan.precincts.filter((precinct) => !precinct.abroad)) {
      expect(precinct).toMatchObject({
        timeZone: 'Asia/Bishkek',
        opensAt: '2030-11-24T01:00:00.000Z',
        closesAt: '2030-11-24T14:00:00.000Z',
      });
    }
    for (const checkIn of checkIns) {
      const precinct = precinctOf(checkIn.precinctId);
      expect(checkIn.at > precinct.opensAt && checkIn.at < precinct.closesAt).toBe(true);
    }
  });

  it('given an abroad precinct in Europe/Moscow, when planned, then it opens at 07:00 Moscow (04:00 UTC), closes at 20:00 Moscow and its check-ins fall in its local hours', () => {
    const moscow = plan.precincts.find((precinct) => precinct.timeZone === 'Europe/Moscow') as DrillPrecinct;
    expect(moscow).toMatchObject({
      abroad: true,
      opensAt: '2030-11-24T04:00:00.000Z',
      closesAt: '2030-11-24T17:00:00.000Z',
    });
    const polls = plan.steps.flatMap((step) =>
      (step.kind === 'open' || step.kind === 'close') && step.precinctId === moscow.precinctId
        ? [{ kind: step.kind, at: step.at }]
        : [],
    );
    expect(polls).toEqual([
      { kind: 'open', at: moscow.opensAt },
      { kind: 'close', at: moscow.closesAt },
    ]);
    const mine = checkIns.filter((checkIn) => checkIn.precinctId === moscow.precinctId);
    expect(mine.length).toBeGreaterThan(0);
    for (const checkIn of mine) {
      expect(checkIn.at > moscow.opensAt && checkIn.at < moscow.closesAt).toBe(true);
      expect(localHour(checkIn)).toBeGreaterThanOrEqual(7);
      expect(localHour(checkIn)).toBeLessThan(20);
    }
    // at 07:00 Bishkek it is 04:00 in Moscow: no check-in of Moscow's falls before its own opening
    expect(mine.some((checkIn) => checkIn.at < '2030-11-24T04:45:00.000Z')).toBe(false);
  });

  it('given the hourly curve, when check-ins are counted by hour, then the morning and evening peaks beat midday and the last hour', () => {
    const ordinary = checkIns.filter((checkIn) => checkIn.precinctId !== plan.anomalyPrecinctId);
    const inHour = (hour: number) => ordinary.filter((checkIn) => localHour(checkIn) === hour).length;
    expect(inHour(9)).toBeGreaterThan(inHour(13));
    expect(inHour(17)).toBeGreaterThan(inHour(13));
    expect(inHour(19)).toBeLessThan(inHour(17));
  });

  it('given the plan, when its figures are added up, then absent is registered minus participated', () => {
    const { expected } = plan;
    expect(expected.participated).toBe(expected.checkedIn);
    expect(expected.absent).toBe(expected.registered - expected.participated);
    expect(expected.regions.reduce((sum, region) => sum + region.registered, 0)).toBe(expected.registered);
    expect(expected.regions.reduce((sum, region) => sum + region.checkedIn, 0)).toBe(expected.checkedIn);
    expect(expected.byHour.at(-1)).toEqual({
      at: '20:00',
      checkedIn: expected.checkedIn,
      percent: Math.round((expected.checkedIn / expected.registered) * 10_000) / 100,
    });
  });

  it('given one voter revoked and back, another revoked for good, when counted, then each voter stands at most once', () => {
    const standing = checkIns.filter((checkIn) => !checkIn.revoked);
    expect(new Set(standing.map((checkIn) => checkIn.personalNumber)).size).toBe(standing.length);
    expect(standing).toHaveLength(plan.expected.checkedIn);
    expect(plan.steps.filter((step) => step.kind === 'revoke')).toHaveLength(2);
    expect(checkIns.length - standing.length).toBe(2);
  });

  it('given the double votes, when planned, then each voter already checked in tries at another precinct later', () => {
    const doubles = plan.steps.flatMap((step) => (step.kind === 'double-vote' ? [step] : []));
    expect(doubles.length).toBeGreaterThanOrEqual(3);
    expect(plan.expected.alerts['duplicate-check-in']).toBe(doubles.length);
    for (const double of doubles) {
      const first = checkIns.find(
        (checkIn) => checkIn.personalNumber === double.personalNumber,
      ) as PlannedCheckIn;
      expect(first.precinctId).toBe(double.firstPrecinctId);
      expect(double.precinctId).not.toBe(first.precinctId);
      expect(double.at > first.at).toBe(true);
    }
  });

  it('given the planted anomaly, when its precinct is counted, then it reaches 95% and only it raises the rate, turnout and last-hour signals', () => {
    const anomaly = plan.precincts.find((precinct) => precinct.precinctId === plan.anomalyPrecinctId);
    const mine = checkIns.filter((checkIn) => checkIn.precinctId === plan.anomalyPrecinctId);
    expect(mine.length * 100).toBeGreaterThanOrEqual(95 * (anomaly?.registered ?? 0));
    expect(plan.expected.alertPrecincts['high-turnout']).toEqual([plan.anomalyPrecinctId]);
    expect(plan.expected.alertPrecincts['last-hour-spike']).toEqual([plan.anomalyPrecinctId]);
    expect(new Set(plan.expected.alertPrecincts['check-in-rate'])).toEqual(new Set([plan.anomalyPrecinctId]));
  });

  it('given offline poll books, when planned, then their check-ins are synced in pages with device times, some after the close', () => {
    const syncs = plan.steps.flatMap((step) => (step.kind === 'sync' ? [step] : []));
    expect(syncs.length).toBeGreaterThanOrEqual(2);
    for (const sync of syncs) {
      expect(sync.checkIns.length).toBeLessThanOrEqual(400);
      expect(sync.checkIns.every((checkIn) => checkIn.at < sync.at)).toBe(true);
    }
    // after the close of the syncing precinct's own polls
    const afterClose = syncs.filter((sync) => sync.at >= precinctOf(sync.precinctId).closesAt);
    expect(afterClose.length).toBeGreaterThan(0);
    expect(plan.expected.alerts['check-in-after-close']).toBe(
      new Set(afterClose.map((sync) => sync.precinctId)).size,
    );
  });
});
