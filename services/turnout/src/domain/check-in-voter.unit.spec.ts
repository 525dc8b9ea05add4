import { deciderSpecification } from '@vl/testing/decider';
import { checkInVoterDecider } from './check-in-voter';
import {
  ANOTHER_VOTER,
  attempt,
  bishkek,
  CHECK_IN_ID,
  checkedInEvent,
  circumstances,
  ELECTION,
  HOME,
  listedAt,
  OTHER,
  POLL_WORKER,
  revokedEvent,
  SECOND_CHECK_IN_ID,
  THIRD,
  THIRD_CHECK_IN_ID,
} from './check-in.fixtures';
import { answerTo } from './voter-check-in';
import { unlisted } from './voter-placement';

const checkIn = deciderSpecification(checkInVoterDecider);

describe('CheckInVoter: who may check in where', () => {
  it('given a voter on the list of the precinct and open polls, when checked in, then VoterCheckedIn carries who, where, when and how, with the checkInId as event id', () => {
    const when = checkIn.given().when(attempt(), circumstances());

    when.then([
      {
        type: 'VoterCheckedIn',
        eventId: CHECK_IN_ID,
        payload: {
          electionId: ELECTION.electionId,
          personalNumber: attempt().personalNumber,
          precinctId: HOME,
          method: 'station',
          identification: 'biometric',
          pollWorker: POLL_WORKER,
          checkedInAt: bishkek('09:00'),
          device: null,
        },
      },
    ]);
    expect(answerTo(when.state(), CHECK_IN_ID)).toEqual({
      kind: 'accepted',
      checkInId: CHECK_IN_ID,
      precinctId: HOME,
      checkedInAt: bishkek('09:00'),
      clock: 'server',
    });
  });

  it('given a voter listed at another precinct, when checked in here, then not-on-list names no other precinct', () => {
    checkIn
      .given()
      .when(attempt({ precinctId: OTHER }), circumstances())
      .thenRejects({
        code: 'not-on-list',
        message: `the voter is not on the list of ${OTHER}; their own precinct's commission tells them where they vote`,
      });
  });

  it('given a citizen on no list of the election, when checked in, then not-on-list says so', () => {
    checkIn
      .given()
      .when(attempt(), circumstances({ placement: unlisted }))
      .thenRejects({
        code: 'not-on-list',
        message: `the voter is on no list of this election, and was neither transferred to nor included at ${HOME}`,
      });
  });

  const transferred = {
    ...listedAt(HOME),
    absenteeCertificates: [{ serial: 'AC-0001234', homePrecinctId: HOME, votingPrecinctId: OTHER }],
  };

  it('given an absentee certificate to another precinct, when checked in at home, then the voter was transferred away', () => {
    checkIn
      .given()
      .when(attempt(), circumstances({ placement: transferred }))
      .thenRejects({
        code: 'transferred-away',
        message: `the voter holds absentee certificate AC-0001234 to vote at the precinct it names; the list of ${HOME} is marked with it`,
      });
  });

  it('given an absentee certificate, when checked in at its voting precinct, then it is accepted there', () => {
    const when = checkIn
      .given()
      .when(attempt({ precinctId: OTHER }), circumstances({ placement: transferred }));

    expect(answerTo(when.state(), CHECK_IN_ID)).toMatchObject({ kind: 'accepted', precinctId: OTHER });
  });

  it('given an absentee certificate, when checked in at a third precinct, then not-on-list names no other precinct', () => {
    checkIn
      .given()
      .when(attempt({ precinctId: THIRD }), circumstances({ placement: transferred }))
      .thenRejects({
        message: `the voter is not on the list of ${THIRD}; their own precinct's commission tells them where they vote`,
      });
  });

  it('given a polling-day inclusion at a precinct, when checked in there, then it is accepted', () => {
    const placement = { ...unlisted, includedAt: [THIRD] };

    const decision = checkIn
      .given()
      .when(attempt({ precinctId: THIRD }), circumstances({ placement }))
      .decision();

    expect(decision.ok && decision.value.map((event) => event.type)).toEqual(['VoterCheckedIn']);
  });

  it('given a polling-day inclusion elsewhere, when checked in at the home list, then it is accepted at home too', () => {
    const placement = { ...listedAt(HOME), includedAt: [THIRD] };

    expect(checkIn.given().when(attempt(), circumstances({ placement })).decision().ok).toBe(true);
  });
});

describe('CheckInVoter: one check-in per voter per election, nationwide', () => {
  const firstAtHome = checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00'));

  it('given a check-in at home, when the voter is presented at another precinct, then DuplicateCheckInRejected says when and where the first happened', () => {
    const placement = { ...listedAt(HOME), includedAt: [OTHER] };
    const second = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('11:30'),
    });

    const when = checkIn.given(firstAtHome).when(second, circumstances({ placement }));

    when.then([
      {
        type: 'DuplicateCheckInRejected',
        eventId: SECOND_CHECK_IN_ID,
        payload: {
          electionId: ELECTION.electionId,
          personalNumber: second.personalNumber,
          attemptedPrecinctId: OTHER,
          attemptedAt: bishkek('11:30'),
          firstPrecinctId: HOME,
          firstCheckedInAt: bishkek('09:00'),
        },
      },
    ]);
    expect(answerTo(when.state(), SECOND_CHECK_IN_ID)).toEqual({
      kind: 'duplicate',
      checkInId: SECOND_CHECK_IN_ID,
      attemptedPrecinctId: OTHER,
      attemptedAt: bishkek('11:30'),
      firstPrecinctId: HOME,
      firstCheckedInAt: bishkek('09:00'),
    });
  });

  it('given a check-in, when presented again at a precinct whose list does not hold the voter, then it is still the integrity alert', () => {
    const second = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: THIRD,
      receivedAt: bishkek('12:00'),
    });

    const decision = checkIn.given(firstAtHome).when(second, circumstances()).decision();

    expect(decision.ok && decision.value.map((event) => event.type)).toEqual(['DuplicateCheckInRejected']);
  });

  it('given a check-in, when presented again at the same precinct under a new checkInId, then that too is a duplicate', () => {
    const second = attempt({ checkInId: SECOND_CHECK_IN_ID, receivedAt: bishkek('09:01') });

    const when = checkIn.given(firstAtHome).when(second, circumstances());

    expect(answerTo(when.state(), SECOND_CHECK_IN_ID)?.kind).toBe('duplicate');
  });

  it('given a check-in, when the same checkInId is retried, then the first answer comes back and nothing is appended', () => {
    const retry = attempt({ receivedAt: bishkek('09:00:05') });

    const when = checkIn.given(firstAtHome).when(retry, circumstances());

    when.then([]);
    expect(answerTo(when.state(), CHECK_IN_ID)).toEqual({
      kind: 'accepted',
      checkInId: CHECK_IN_ID,
      precinctId: HOME,
      checkedInAt: bishkek('09:00'),
      clock: 'server',
    });
  });

  it('given a duplicate attempt was answered, when it is retried, then the same duplicate answer comes back and nothing is appended', () => {
    const second = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('11:30'),
    });
    const alerted = checkIn.given(firstAtHome).when(second, circumstances()).decision();
    if (!alerted.ok) throw new Error('expected the alert');

    const retried = checkIn
      .given(firstAtHome, ...alerted.value)
      .when({ ...second, receivedAt: bishkek('11:31') }, circumstances());

    retried.then([]);
    expect(answerTo(retried.state(), SECOND_CHECK_IN_ID)).toEqual(
      answerTo(checkIn.given(firstAtHome).when(second, circumstances()).state(), SECOND_CHECK_IN_ID),
    );
  });

  it('given the check-in was revoked, when the first checkInId is retried, then the first answer still comes back and nothing is appended', () => {
    const when = checkIn.given(firstAtHome, revokedEvent(HOME)).when(attempt(), circumstances());

    when.then([]);
    expect(answerTo(when.state(), CHECK_IN_ID)).toEqual(
      expect.objectContaining({ kind: 'accepted', checkInId: CHECK_IN_ID }),
    );
  });

  it('given a revoked check-in, when the voter is checked in again under a new checkInId, then it is accepted', () => {
    const again = attempt({ checkInId: THIRD_CHECK_IN_ID, receivedAt: bishkek('10:15') });

    const when = checkIn.given(firstAtHome, revokedEvent(HOME)).when(again, circumstances());

    expect(answerTo(when.state(), THIRD_CHECK_IN_ID)).toEqual({
      kind: 'accepted',
      checkInId: THIRD_CHECK_IN_ID,
      precinctId: HOME,
      checkedInAt: bishkek('10:15'),
      clock: 'server',
    });
  });

  it("given a checkInId that already names another voter's check-in, when used for this voter, then it is refused", () => {
    checkIn
      .given()
      .when(attempt({ personalNumber: ANOTHER_VOTER }), circumstances({ checkInIdTakenByAnotherVoter: true }))
      .thenRejects({
        code: 'check-in-id-reused',
        message: `checkInId ${CHECK_IN_ID} already names another voter's check-in`,
      });
  });
});
