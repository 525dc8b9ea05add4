import { ELECTION } from './check-in.fixtures';
import { pollingDayOf, wallClock } from './polling-day';

describe('the polling day of an election', () => {
  it('given 07:00–20:00 Asia/Bishkek (UTC+6, no DST), when converted, then the polls open at 01:00Z and close at 14:00Z', () => {
    expect(pollingDayOf(ELECTION)).toEqual({
      electionId: ELECTION.electionId,
      electionDate: '2030-11-24',
      timeZone: 'Asia/Bishkek',
      opensAt: '2030-11-24T01:00:00.000Z',
      closesAt: '2030-11-24T14:00:00.000Z',
    });
  });

  it('given an election configured in another time zone and hours, when converted, then its own zone applies', () => {
    const day = pollingDayOf({
      ...ELECTION,
      timeZone: 'Europe/Moscow',
      pollsOpenAt: '08:00',
      pollsCloseAt: '20:00',
    });

    expect([day.opensAt, day.closesAt]).toEqual(['2030-11-24T05:00:00.000Z', '2030-11-24T17:00:00.000Z']);
  });

  it('given an instant, when shown to a poll worker, then it reads as the wall clock of the election zone', () => {
    expect(wallClock('2030-11-24T13:59:59.999Z', 'Asia/Bishkek')).toBe('2030-11-24 19:59:59 Asia/Bishkek');
    expect(wallClock('2030-11-23T18:00:00.000Z', 'Asia/Bishkek')).toBe('2030-11-24 00:00:00 Asia/Bishkek');
  });
});
