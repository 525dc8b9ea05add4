import { checkInVoter } from './check-in-voter';
import {
  ANOTHER_VOTER,
  attempt,
  bishkek,
  CHECK_IN_ID,
  checkedInEvent,
  circumstances,
  ELECTION,
  given,
  HOME,
  listedAt,
  OTHER,
  revokedEvent,
  SECOND_CHECK_IN_ID,
  THIRD,
  THIRD_CHECK_IN_ID,
} from './check-in.fixtures';
import { unlisted } from './voter-placement';

describe('CheckInVoter: who may check in where', () => {
  it('given a voter on the list of the precinct and open polls, when checked in, then VoterCheckedIn carries who, where, when and how, with the checkInId as event id', () => {
    const decision = checkInVoter(attempt(), circumstances(), given());

    expect(decision).toEqual({
      ok: true,
      value: {
        outcome: {
          kind: 'accepted',
          checkInId: CHECK_IN_ID,
          precinctId: HOME,
          checkedInAt: bishkek('09:00'),
          clock: 'server',
        },
        events: [
          {
            type: 'VoterCheckedIn',
            eventId: CHECK_IN_ID,
            payload: {
              electionId: ELECTION.electionId,
              personalNumber: attempt().personalNumber,
              precinctId: HOME,
              method: 'station',
              identification: 'biometric',
              pollWorker: 'pw-1101-001-a',
              checkedInAt: bishkek('09:00'),
              device: null,
            },
          },
        ],
      },
    });
  });

  it('given a voter listed at another precinct, when checked in here, then not-on-list says where they vote', () => {
    const decision = checkInVoter(attempt({ precinctId: OTHER }), circumstances(), given());

    expect(decision).toEqual({
      ok: false,
      error: {
        code: 'not-on-list',
        message: `the voter is not on the list of ${OTHER}; they vote at ${HOME}`,
      },
    });
  });

  it('given a citizen on no list of the election, when checked in, then not-on-list says so', () => {
    const decision = checkInVoter(attempt(), circumstances({ placement: unlisted }), given());

    expect(decision.ok || decision.error).toEqual({
      code: 'not-on-list',
      message: `the voter is on no list of this election, and was neither transferred to nor included at ${HOME}`,
    });
  });

  const transferred = {
    ...listedAt(HOME),
    absenteeCertificates: [{ serial: 'AC-0001234', homePrecinctId: HOME, votingPrecinctId: OTHER }],
  };

  it('given an absentee certificate to another precinct, when checked in at home, then the voter was transferred away', () => {
    const decision = checkInVoter(attempt(), circumstances({ placement: transferred }), given());

    expect(decision.ok || decision.error).toEqual({
      code: 'transferred-away',
      message: `the voter holds absentee certificate AC-0001234 to vote at ${OTHER}; the list of ${HOME} is marked with it`,
    });
  });

  it('given an absentee certificate, when checked in at its voting precinct, then it is accepted there', () => {
    const decision = checkInVoter(
      attempt({ precinctId: OTHER }),
      circumstances({ placement: transferred }),
      given(),
    );

    expect(decision.ok && decision.value.outcome).toMatchObject({ kind: 'accepted', precinctId: OTHER });
  });

  it('given an absentee certificate, when checked in at a third precinct, then not-on-list names the voting precinct only', () => {
    const decision = checkInVoter(
      attempt({ precinctId: THIRD }),
      circumstances({ placement: transferred }),
      given(),
    );

    expect(decision.ok || decision.error.message).toBe(
      `the voter is not on the list of ${THIRD}; they vote at ${OTHER}`,
    );
  });

  it('given a polling-day inclusion at a precinct, when checked in there, then it is accepted', () => {
    const placement = { ...unlisted, includedAt: [THIRD] };

    const decision = checkInVoter(attempt({ precinctId: THIRD }), circumstances({ placement }), given());

    expect(decision.ok && decision.value.events.map((event) => event.type)).toEqual(['VoterCheckedIn']);
  });

  it('given a polling-day inclusion elsewhere, when checked in at the home list, then it is accepted at home too', () => {
    const placement = { ...listedAt(HOME), includedAt: [THIRD] };

    expect(checkInVoter(attempt(), circumstances({ placement }), given()).ok).toBe(true);
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

    const decision = checkInVoter(second, circumstances({ placement }), given(firstAtHome));

    expect(decision).toEqual({
      ok: true,
      value: {
        outcome: {
          kind: 'duplicate',
          checkInId: SECOND_CHECK_IN_ID,
          attemptedPrecinctId: OTHER,
          attemptedAt: bishkek('11:30'),
          firstPrecinctId: HOME,
          firstCheckedInAt: bishkek('09:00'),
        },
        events: [
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
        ],
      },
    });
  });

  it('given a check-in, when presented again at a precinct whose list does not hold the voter, then it is still the integrity alert', () => {
    const second = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: THIRD,
      receivedAt: bishkek('12:00'),
    });

    const decision = checkInVoter(second, circumstances(), given(firstAtHome));

    expect(decision.ok && decision.value.events.map((event) => event.type)).toEqual([
      'DuplicateCheckInRejected',
    ]);
  });

  it('given a check-in, when presented again at the same precinct under a new checkInId, then that too is a duplicate', () => {
    const second = attempt({ checkInId: SECOND_CHECK_IN_ID, receivedAt: bishkek('09:01') });

    const decision = checkInVoter(second, circumstances(), given(firstAtHome));

    expect(decision.ok && decision.value.outcome.kind).toBe('duplicate');
  });

  it('given a check-in, when the same checkInId is retried, then the first answer comes back and nothing is appended', () => {
    const retry = attempt({ receivedAt: bishkek('09:00:05') });

    const decision = checkInVoter(retry, circumstances(), given(firstAtHome));

    expect(decision).toEqual({
      ok: true,
      value: {
        outcome: {
          kind: 'accepted',
          checkInId: CHECK_IN_ID,
          precinctId: HOME,
          checkedInAt: bishkek('09:00'),
          clock: 'server',
        },
        events: [],
      },
    });
  });

  it('given a duplicate attempt was answered, when it is retried, then the same duplicate answer comes back and nothing is appended', () => {
    const second = attempt({
      checkInId: SECOND_CHECK_IN_ID,
      precinctId: OTHER,
      receivedAt: bishkek('11:30'),
    });
    const alerted = checkInVoter(second, circumstances(), given(firstAtHome));
    if (!alerted.ok) throw new Error('expected the alert');

    const retried = checkInVoter(
      { ...second, receivedAt: bishkek('11:31') },
      circumstances(),
      given(firstAtHome, ...alerted.value.events),
    );

    expect(retried).toEqual({ ok: true, value: { outcome: alerted.value.outcome, events: [] } });
  });

  it('given the check-in was revoked, when the first checkInId is retried, then the first answer still comes back and nothing is appended', () => {
    const decision = checkInVoter(attempt(), circumstances(), given(firstAtHome, revokedEvent(HOME)));

    expect(decision.ok && decision.value).toEqual({
      outcome: expect.objectContaining({ kind: 'accepted', checkInId: CHECK_IN_ID }),
      events: [],
    });
  });

  it('given a revoked check-in, when the voter is checked in again under a new checkInId, then it is accepted', () => {
    const again = attempt({ checkInId: THIRD_CHECK_IN_ID, receivedAt: bishkek('10:15') });

    const decision = checkInVoter(again, circumstances(), given(firstAtHome, revokedEvent(HOME)));

    expect(decision.ok && decision.value.outcome).toEqual({
      kind: 'accepted',
      checkInId: THIRD_CHECK_IN_ID,
      precinctId: HOME,
      checkedInAt: bishkek('10:15'),
      clock: 'server',
    });
  });

  it("given a checkInId that already names another voter's check-in, when used for this voter, then it is refused", () => {
    const decision = checkInVoter(
      attempt({ personalNumber: ANOTHER_VOTER }),
      circumstances({ checkInIdTakenByAnotherVoter: true }),
      given(),
    );

    expect(decision.ok || decision.error).toEqual({
      code: 'check-in-id-reused',
      message: `checkInId ${CHECK_IN_ID} already names another voter's check-in`,
    });
  });
});
