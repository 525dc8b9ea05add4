import { advancedDrillTime, drillTimeAt, type DrillEpoch } from './drill-epoch';

const epoch: DrillEpoch = {
  drillId: 'drill-1',
  drillAtMs: Date.parse('2027-11-28T00:30:00Z'),
  realAtMs: 1_000_000,
  speed: 300,
};

describe('drill clock arithmetic', () => {
  it('given an epoch, when real time passes, then the drill time runs speed times faster from its instant', () => {
    expect(drillTimeAt(epoch, 1_000_000)).toBe(Date.parse('2027-11-28T00:30:00Z'));
    expect(new Date(drillTimeAt(epoch, 1_012_000)).toISOString()).toBe('2027-11-28T01:30:00.000Z');
  });

  it('given a drill time, when advanced by P5Y, then it reads the same date and hour five years on', () => {
    const advanced = advancedDrillTime(Date.parse('2027-11-28T02:00:00Z'), { by: 'P5Y' });
    expect(advanced).toEqual({ ok: true, value: Date.parse('2032-11-28T02:00:00Z') });
  });

  it('given a drill time, when advanced by P14D (ten working days) or PT6H, then it moves that far', () => {
    const at = Date.parse('2027-11-28T02:00:00Z');
    expect(advancedDrillTime(at, { by: 'P14D' })).toEqual({
      ok: true,
      value: Date.parse('2027-12-12T02:00:00Z'),
    });
    expect(advancedDrillTime(at, { by: 'PT6H' })).toEqual({ ok: true, value: at + 6 * 3_600_000 });
  });

  it('given a later instant, when advanced to it, then the clock reads it', () => {
    const advanced = advancedDrillTime(Date.parse('2027-11-28T02:00:00Z'), {
      to: '2028-01-10T09:00:00+06:00',
    });
    expect(advanced).toEqual({ ok: true, value: Date.parse('2028-01-10T03:00:00Z') });
  });

  it('given an earlier instant, a zero or negative duration, when advanced, then it is refused: never backwards', () => {
    const at = Date.parse('2027-11-28T02:00:00Z');
    expect(advancedDrillTime(at, { to: '2027-11-27T02:00:00Z' })).toEqual({
      ok: false,
      error: 'to: the drill clock reads 2027-11-28T02:00:00.000Z and never goes back to 2027-11-27T02:00:00Z',
    });
    expect(advancedDrillTime(at, { by: 'PT0S' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^by: /),
    });
    expect(advancedDrillTime(at, { by: '-P1D' })).toMatchObject({ ok: false });
  });

  it('given malformed input, when advanced, then the error names the field and what it expects', () => {
    expect(advancedDrillTime(0, { by: '5 years' })).toEqual({
      ok: false,
      error: 'by: expected an ISO 8601 duration such as P5Y, P14D or PT6H, got 5 years',
    });
    expect(advancedDrillTime(0, { to: '2028-01-10' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^to: /),
    });
  });
});
