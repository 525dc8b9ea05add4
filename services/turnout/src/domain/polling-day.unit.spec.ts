import { ELECTION } from './check-in.fixtures';
import { lastToClose, pollingDayOf, wallClock } from './polling-day';

describe('the polling day of an election', () => {
  it('given 07:00–20:00 Asia/Bishkek (UTC+6, no DST), when converted, then the polls open at 01:00Z and close at 14:00Z', () => {
    expect(pollingDayOf(ELECTION, 'Asia/Bishkek')).toEqual({
      electionId: ELECTION.electionId,
      electionDate: '2030-11-24',
      timeZone: 'Asia/Bishkek',
      opensAt: '2030-11-24T01:00:00.000Z',
      closesAt: '2030-11-24T14:00:00.000Z',
    });
  });

  it('given an election called with other hours and a precinct in Moscow, when converted, then the hours are Moscow time', () => {
    const day = pollingDayOf({ ...ELECTION, pollsOpenAt: '08:00', pollsCloseAt: '20:00' }, 'Europe/Moscow');

    expect([day.opensAt, day.closesAt]).toEqual(['2030-11-24T05:00:00.000Z', '2030-11-24T17:00:00.000Z']);
  });

  it('given precincts in Moscow (UTC+3) and Seoul (UTC+9), when converted, then each opens at 07:00 on its own clock on the election date', () => {
    const moscow = pollingDayOf(ELECTION, 'Europe/Moscow');
    const seoul = pollingDayOf(ELECTION, 'Asia/Seoul');

    expect([moscow.opensAt, moscow.closesAt]).toEqual([
      '2030-11-24T04:00:00.000Z',
      '2030-11-24T17:00:00.000Z',
    ]);
    expect([seoul.opensAt, seoul.closesAt]).toEqual(['2030-11-23T22:00:00.000Z', '2030-11-24T11:00:00.000Z']);
  });

  it('given the days of Bishkek, Moscow and Seoul precincts, when the last to close is asked, then it is Moscow', () => {
    const days = ['Asia/Bishkek', 'Europe/Moscow', 'Asia/Seoul'].map((zone) => pollingDayOf(ELECTION, zone));

    expect(lastToClose(days)?.timeZone).toBe('Europe/Moscow');
    expect(lastToClose([])).toBeUndefined();
  });

  it('given an instant, when shown to a poll worker, then it reads as the wall clock of the election zone', () => {
    expect(wallClock('2030-11-24T13:59:59.999Z', 'Asia/Bishkek')).toBe('2030-11-24 19:59:59 Asia/Bishkek');
    expect(wallClock('2030-11-23T18:00:00.000Z', 'Asia/Bishkek')).toBe('2030-11-24 00:00:00 Asia/Bishkek');
  });
});
