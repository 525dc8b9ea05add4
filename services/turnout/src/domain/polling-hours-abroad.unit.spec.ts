import { deciderSpecification } from '@vl/testing/decider';
import { checkInVoterDecider } from './check-in-voter';
import {
  attempt,
  CHAIR,
  circumstances,
  ELECTION,
  listedAt,
  localTime,
  MOSCOW,
  MOSCOW_DAY,
  SEOUL,
  SEOUL_DAY,
} from './check-in.fixtures';
import { participationOpen } from './participation';
import type { PollingDay } from './polling-day';
import { pollsDecider, type Polls } from './polls';

// A consular precinct keeps the election's hours (07:00–20:00) on its host city's clock, on the election's date.
const polls = deciderSpecification(pollsDecider);
const checkIn = deciderSpecification(checkInVoterDecider);

const abroad = [
  { city: 'Moscow', precinctId: MOSCOW, day: MOSCOW_DAY, zone: 'Europe/Moscow' },
  { city: 'Seoul', precinctId: SEOUL, day: SEOUL_DAY, zone: 'Asia/Seoul' },
] as const;

const open = (precinctId: string, now: string) => ({
  type: 'OpenPolls' as const,
  electionId: ELECTION.electionId,
  precinctId,
  openedBy: CHAIR,
  now,
});
const context = (day: PollingDay) => ({ day, participation: participationOpen });
const openSince = (zone: string): Polls => ({
  status: 'open',
  openedAt: localTime(zone, '07:00'),
  openedBy: CHAIR,
});

describe.each(abroad)('polling hours at the precinct in $city ($zone)', ({ precinctId, day, zone }) => {
  const at = (time: string) => localTime(zone, time);
  const local = (time: string) => `2030-11-24 ${time} ${zone}`;

  it('given 06:59:59.999 local, when the commission opens the polls, then it is refused: they open at 07:00 local', () => {
    polls
      .given()
      .when(open(precinctId, at('06:59:59.999')), context(day))
      .thenRejects({
        code: 'before-official-opening',
        message: `polls open at ${local('07:00:00')} at the earliest; it is ${local('06:59:59')}`,
      });
  });

  it('given 07:00 local, when the commission opens the polls, then PollsOpened', () => {
    polls
      .given()
      .when(open(precinctId, at('07:00')), context(day))
      .then([
        {
          type: 'PollsOpened',
          payload: { electionId: ELECTION.electionId, precinctId, openedAt: at('07:00'), openedBy: CHAIR },
        },
      ]);
  });

  it('given open polls, when a voter is checked in at 19:59 local, then VoterCheckedIn', () => {
    const decision = checkIn
      .given()
      .when(
        attempt({ precinctId, method: 'abroad', receivedAt: at('19:59') }),
        circumstances({ pollingDay: day, polls: openSince(zone), placement: listedAt(precinctId) }),
      )
      .decision();

    expect(decision.ok && decision.value.map((event) => event.type)).toEqual(['VoterCheckedIn']);
  });

  it('given open polls, when a voter is checked in at 20:01 local, then polls-closed on the precinct’s clock', () => {
    checkIn
      .given()
      .when(
        attempt({ precinctId, method: 'abroad', receivedAt: at('20:01') }),
        circumstances({ pollingDay: day, polls: openSince(zone), placement: listedAt(precinctId) }),
      )
      .thenRejects({
        code: 'polls-closed',
        message: `polls closed at ${local('20:00:00')}; the check-in was made at ${local('20:01:00')}`,
      });
  });
});

describe('the same instant at home and abroad', () => {
  it('given 04:00 in Moscow (07:00 in Bishkek), when Moscow’s commission opens, then it is refused', () => {
    polls
      .given()
      .when(open(MOSCOW, localTime('Asia/Bishkek', '07:00')), context(MOSCOW_DAY))
      .thenRejects({
        code: 'before-official-opening',
        message:
          'polls open at 2030-11-24 07:00:00 Europe/Moscow at the earliest; it is 2030-11-24 04:00:00 Europe/Moscow',
      });
  });

  it('given 20:30 in Seoul (17:30 in Bishkek), when a voter is checked in there, then Seoul’s polls have closed', () => {
    const decision = checkIn
      .given()
      .when(
        attempt({ precinctId: SEOUL, method: 'abroad', receivedAt: localTime('Asia/Bishkek', '17:30') }),
        circumstances({ pollingDay: SEOUL_DAY, polls: openSince('Asia/Seoul'), placement: listedAt(SEOUL) }),
      )
      .decision();

    expect(decision.ok || decision.error.code).toBe('polls-closed');
  });
});
