import { defaultDrillDate } from './drill-settings';
import {
  excusesOf,
  expectedExcuses,
  over70On,
  participantsOf,
  type AbsentVoterRow,
} from './expected-excuses';
import { planPollingDay } from './plan';
import { listedVotersOf } from './roll';

const ELECTION_DATE = '2027-11-28';
const voter = (personalNumber: string, birthDate: string, registeredDisability = false): AbsentVoterRow => ({
  personalNumber,
  birthDate,
  registeredDisability,
});

describe('the excuse outcomes a drill expects', () => {
  it('given a 70th birthday the day before, on or after polling day, when read, then only the day before is over 70', () => {
    expect(over70On('1957-11-27', ELECTION_DATE)).toBe(true);
    expect(over70On('1957-11-28', ELECTION_DATE)).toBe(false);
    expect(over70On('1957-11-29', ELECTION_DATE)).toBe(false);
  });

  it('given a 29 February birth, when its 70th birthday comes (a leap year plus 70 is never leap), then it is on 1 March', () => {
    expect(over70On('1956-02-29', '2026-03-01')).toBe(false);
    expect(over70On('1956-02-29', '2026-03-02')).toBe(true);
  });

  it('given absent voters disabled, over 70, both or neither, when counted, then the policy order excuses each once and the rest stay open', () => {
    const listed = [
      voter('disabled', '1990-05-01', true),
      voter('over-70', '1950-01-01'),
      voter('disabled-and-over-70', '1940-01-01', true),
      voter('seventy-on-polling-day', '1957-11-28'),
      voter('neither', '1980-01-01'),
      voter('took-part', '1940-01-01', true),
    ];
    expect(excusesOf(ELECTION_DATE, listed, new Set(['took-part']))).toEqual({
      absent: 5,
      excused: 3,
      excusedBy: { 'registered-disability': 2, 'over-70': 1 },
      open: 2,
    });
  });

  it("given the system test's country, when planned, then its absent voters include the disabled, those over 70, both, and many with no reason", () => {
    const options = {
      seed: 'system-test',
      citizens: 3_000,
      electionDate: defaultDrillDate(),
      timeZone: 'Asia/Bishkek',
    };
    const plan = planPollingDay(options);
    const participants = participantsOf(plan);
    const expected = expectedExcuses(plan);
    expect(participants.size).toBe(plan.expected.participated);
    expect(expected.absent).toBe(plan.expected.absent);
    expect(expected.excusedBy['registered-disability']).toBeGreaterThan(0);
    expect(expected.excusedBy['over-70']).toBeGreaterThan(0);
    expect(expected.open).toBeGreaterThan(expected.excused);
    const absentDisabledOver70 = [...listedVotersOf(options)].filter(
      (row) =>
        !participants.has(row.personalNumber) &&
        row.registeredDisability &&
        over70On(row.birthDate, options.electionDate),
    );
    expect(absentDisabledOver70.length).toBeGreaterThan(0);
  });
});
