import type { ParticipationFinalized } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import {
  attempt,
  bishkek,
  CEC_OPERATOR,
  CHAIR,
  CHECK_IN_ID,
  checkedInEvent,
  circumstances,
  closedAt,
  DAY,
  ELECTION,
  HOME,
  MEMBER,
  OTHER,
  openSince,
  THIRD,
  VOTER,
} from './check-in.fixtures';
import { checkInVoterDecider } from './check-in-voter';
import { DEFAULT_CHECK_IN_POLICY } from './check-in-policy';
import {
  evolveParticipation,
  participationDecider,
  participationOpen,
  type FinalizeParticipation,
  type PrecinctPolls,
} from './participation';
import { pollsDecider, pollsNotOpened } from './polls';
import { revokeCheckInDecider } from './revoke-check-in';
import { answerTo } from './voter-check-in';

const participation = deciderSpecification(participationDecider);
const finalize = (now: string): FinalizeParticipation => ({
  electionId: ELECTION.electionId,
  finalizedBy: CEC_OPERATOR,
  now,
});
const figures = { precincts: 3, registered: 10, participated: 6 };
const context = (precincts: readonly PrecinctPolls[]) => ({
  precincts,
  day: DAY,
  policy: DEFAULT_CHECK_IN_POLICY,
  figures,
});
const finalized = (at: string): ParticipationFinalized => ({
  type: 'ParticipationFinalized',
  payload: {
    electionId: ELECTION.electionId,
    finalizedAt: bishkek(at),
    finalizedBy: CEC_OPERATOR,
    ...figures,
    absent: 4,
  },
});
const finalState = evolveParticipation(participationOpen, finalized('20:45'));
const allClosedAt20 = [
  { precinctId: HOME, polls: closedAt('20:00') },
  { precinctId: OTHER, polls: closedAt('20:05') },
];

describe('FinalizeParticipation', () => {
  it('given every opened precinct closed and its grace over, when finalized at 20:45, then ParticipationFinalized carries the figures and absent = registered − participated', () => {
    const when = participation.given().when(finalize(bishkek('20:45')), context(allClosedAt20));

    when.then([finalized('20:45')]);
    expect(when.state()).toEqual(finalState);
  });

  it('given a precinct that never opened, when finalized after the grace, then it does not hold finalization back', () => {
    participation
      .given()
      .when(
        finalize(bishkek('20:45')),
        context([...allClosedAt20, { precinctId: THIRD, polls: pollsNotOpened }]),
      )
      .then([finalized('20:45')]);
  });

  it('given polls still open at two precincts, when finalized at 21:00, then polls-still-open names them', () => {
    participation
      .given()
      .when(
        finalize(bishkek('21:00')),
        context([
          { precinctId: HOME, polls: closedAt('20:00') },
          { precinctId: OTHER, polls: openSince('07:00') },
          { precinctId: THIRD, polls: openSince('07:30') },
        ]),
      )
      .thenRejects({
        code: 'polls-still-open',
        message: `polls are still open at 2 precinct(s): ${OTHER}, ${THIRD}; their commissions must close them first`,
      });
  });

  it('given seven precincts still open, when finalized, then the refusal names the first five and counts the rest', () => {
    const open = Array.from({ length: 7 }, (_, index) => ({
      precinctId: `1101-00${index + 1}`,
      polls: openSince('07:00'),
    }));
    participation
      .given()
      .when(finalize(bishkek('21:00')), context(open))
      .thenRejects({
        message:
          'polls are still open at 7 precinct(s): 1101-001, 1101-002, 1101-003, 1101-004, 1101-005 and 2 more; their commissions must close them first',
      });
  });

  it('given a precinct closed at 20:20, when finalized at 20:49:59, then grace-period-not-over names it and when its grace ends', () => {
    participation
      .given()
      .when(
        finalize(bishkek('20:49:59')),
        context([
          { precinctId: HOME, polls: closedAt('20:00') },
          { precinctId: OTHER, polls: closedAt('20:20') },
        ]),
      )
      .thenRejects({
        code: 'grace-period-not-over',
        message: `late check-ins may still arrive at 1 precinct(s) for 30 min after PollsClosed: ${OTHER} (until 2030-11-24 20:50:00 Asia/Bishkek)`,
      });
  });

  it('given a precinct closed at 20:20, when finalized at 20:50:00.000, then its grace is over and it is accepted', () => {
    participation
      .given()
      .when(finalize(bishkek('20:50')), context([{ precinctId: OTHER, polls: closedAt('20:20') }]))
      .then([finalized('20:50')]);
  });

  it('given all polls closed at 20:00, when finalized at 20:29:59.999, then before-official-close: official close + grace first', () => {
    participation
      .given()
      .when(finalize(bishkek('20:29:59.999')), context(allClosedAt20.slice(0, 1)))
      .thenRejects({
        code: 'before-official-close',
        message:
          'participation can be finalized from 2030-11-24 20:30:00 Asia/Bishkek (official close 2030-11-24 20:00:00 Asia/Bishkek + 30 min grace); it is 2030-11-24 20:29:59 Asia/Bishkek',
      });
  });

  it('given no precinct opened at all, when finalized at 20:30, then it is accepted: nobody could check in', () => {
    participation
      .given()
      .when(finalize(bishkek('20:30')), context([]))
      .then([finalized('20:30')]);
  });

  it('given participation already finalized, when finalized again (even with polls reported open), then the standing finalization is answered and nothing is appended', () => {
    const when = participation
      .given(finalized('20:45'))
      .when(finalize(bishkek('23:00')), context([{ precinctId: HOME, polls: openSince('07:00') }]));

    when.then([]);
    expect(when.state()).toEqual(finalState);
  });
});

describe('after ParticipationFinalized', () => {
  const checkIn = deciderSpecification(checkInVoterDecider);

  it('given participation finalized, when a voter is checked in, then participation-finalized and nothing is appended', () => {
    checkIn
      .given()
      .when(attempt(), circumstances({ participation: finalState }))
      .thenRejects({
        code: 'participation-finalized',
        message: `participation in election ${ELECTION.electionId} was finalized at 2030-11-24 20:45:00 Asia/Bishkek: check-ins and polls are closed for good`,
      });
  });

  it('given participation finalized, when a check-in accepted earlier is retried, then its first answer comes back', () => {
    const accepted = checkIn.given().when(attempt(), circumstances());
    const retried = checkIn
      .given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')))
      .when(attempt(), circumstances({ participation: finalState }));

    retried.then([]);
    expect(answerTo(retried.state(), CHECK_IN_ID)).toEqual(answerTo(accepted.state(), CHECK_IN_ID));
  });

  it('given participation finalized, when a commission opens polls, then participation-finalized', () => {
    deciderSpecification(pollsDecider)
      .given()
      .when(
        {
          type: 'OpenPolls',
          electionId: ELECTION.electionId,
          precinctId: HOME,
          openedBy: CHAIR,
          now: bishkek('19:00'),
        },
        { day: DAY, participation: finalState },
      )
      .thenRejects({ code: 'participation-finalized' });
  });

  const revoke = {
    electionId: ELECTION.electionId,
    personalNumber: VOTER,
    reason: 'wrong voter',
    revokedBy: MEMBER,
  };

  it('given participation finalized, when a standing check-in is revoked, then participation-finalized: the figures are final', () => {
    deciderSpecification(revokeCheckInDecider)
      .given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')))
      .when(revoke, { participation: finalState, timeZone: DAY.timeZone, reach: { everywhere: true } })
      .thenRejects({ code: 'participation-finalized' });
  });

  it('given participation still open, when a standing check-in is revoked, then CheckInRevoked as before', () => {
    deciderSpecification(revokeCheckInDecider)
      .given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')))
      .when(revoke, { participation: participationOpen, timeZone: DAY.timeZone, reach: { everywhere: true } })
      .then([{ type: 'CheckInRevoked', payload: { ...revoke, precinctId: HOME } }]);
  });
});
