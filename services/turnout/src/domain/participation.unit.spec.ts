import type { ParticipationFinalized } from '@vl/contracts';
import {
  attempt,
  bishkek,
  CHECK_IN_ID,
  checkedInEvent,
  circumstances,
  closedAt,
  DAY,
  ELECTION,
  given,
  HOME,
  OTHER,
  openSince,
  THIRD,
} from './check-in.fixtures';
import { checkInVoter } from './check-in-voter';
import { DEFAULT_CHECK_IN_POLICY } from './check-in-policy';
import {
  evolveParticipation,
  finalizeParticipation,
  participationOpen,
  type PrecinctPolls,
} from './participation';
import { openPolls, pollsNotOpened } from './polls';
import { revokeCheckIn } from './revoke-check-in';

const finalize = (now: string) => ({
  electionId: ELECTION.electionId,
  finalizedBy: 'cec-operator-7',
  now,
});
const figures = { precincts: 3, registered: 10, participated: 6 };
const decide = (now: string, precincts: readonly PrecinctPolls[], state = participationOpen) =>
  finalizeParticipation(finalize(now), state, {
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
    finalizedBy: 'cec-operator-7',
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
    expect(decide(bishkek('20:45'), allClosedAt20)).toEqual({
      ok: true,
      value: { participation: finalState, events: [finalized('20:45')] },
    });
  });

  it('given a precinct that never opened, when finalized after the grace, then it does not hold finalization back', () => {
    const decision = decide(bishkek('20:45'), [
      ...allClosedAt20,
      { precinctId: THIRD, polls: pollsNotOpened },
    ]);
    expect(decision.ok).toBe(true);
  });

  it('given polls still open at two precincts, when finalized at 21:00, then polls-still-open names them', () => {
    expect(
      decide(bishkek('21:00'), [
        { precinctId: HOME, polls: closedAt('20:00') },
        { precinctId: OTHER, polls: openSince('07:00') },
        { precinctId: THIRD, polls: openSince('07:30') },
      ]),
    ).toEqual({
      ok: false,
      error: {
        code: 'polls-still-open',
        message: `polls are still open at 2 precinct(s): ${OTHER}, ${THIRD}; their commissions must close them first`,
      },
    });
  });

  it('given seven precincts still open, when finalized, then the refusal names the first five and counts the rest', () => {
    const open = Array.from({ length: 7 }, (_, index) => ({
      precinctId: `1101-00${index + 1}`,
      polls: openSince('07:00'),
    }));
    const decision = decide(bishkek('21:00'), open);
    expect(decision.ok ? '' : decision.error.message).toBe(
      'polls are still open at 7 precinct(s): 1101-001, 1101-002, 1101-003, 1101-004, 1101-005 and 2 more; their commissions must close them first',
    );
  });

  it('given a precinct closed at 20:20, when finalized at 20:49:59, then grace-period-not-over names it and when its grace ends', () => {
    expect(
      decide(bishkek('20:49:59'), [
        { precinctId: HOME, polls: closedAt('20:00') },
        { precinctId: OTHER, polls: closedAt('20:20') },
      ]),
    ).toEqual({
      ok: false,
      error: {
        code: 'grace-period-not-over',
        message: `late check-ins may still arrive at 1 precinct(s) for 30 min after PollsClosed: ${OTHER} (until 2030-11-24 20:50:00 Asia/Bishkek)`,
      },
    });
  });

  it('given a precinct closed at 20:20, when finalized at 20:50:00.000, then its grace is over and it is accepted', () => {
    const decision = decide(bishkek('20:50'), [{ precinctId: OTHER, polls: closedAt('20:20') }]);
    expect(decision.ok).toBe(true);
  });

  it('given all polls closed at 20:00, when finalized at 20:29:59.999, then before-official-close: official close + grace first', () => {
    expect(decide(bishkek('20:29:59.999'), allClosedAt20.slice(0, 1))).toEqual({
      ok: false,
      error: {
        code: 'before-official-close',
        message:
          'participation can be finalized from 2030-11-24 20:30:00 Asia/Bishkek (official close 2030-11-24 20:00:00 Asia/Bishkek + 30 min grace); it is 2030-11-24 20:29:59 Asia/Bishkek',
      },
    });
  });

  it('given no precinct opened at all, when finalized at 20:30, then it is accepted: nobody could check in', () => {
    expect(decide(bishkek('20:30'), []).ok).toBe(true);
  });

  it('given participation already finalized, when finalized again (even with polls reported open), then the standing finalization is answered and nothing is appended', () => {
    expect(decide(bishkek('23:00'), [{ precinctId: HOME, polls: openSince('07:00') }], finalState)).toEqual({
      ok: true,
      value: { participation: finalState, events: [] },
    });
  });
});

describe('after ParticipationFinalized', () => {
  it('given participation finalized, when a voter is checked in, then participation-finalized and nothing is appended', () => {
    expect(checkInVoter(attempt(), circumstances({ participation: finalState }), given())).toEqual({
      ok: false,
      error: {
        code: 'participation-finalized',
        message: `participation in election ${ELECTION.electionId} was finalized at 2030-11-24 20:45:00 Asia/Bishkek: check-ins and polls are closed for good`,
      },
    });
  });

  it('given participation finalized, when a check-in accepted earlier is retried, then its first answer comes back', () => {
    const accepted = checkInVoter(attempt(), circumstances(), given());
    const retried = checkInVoter(
      attempt(),
      circumstances({ participation: finalState }),
      given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00'))),
    );
    expect(retried).toEqual({
      ok: true,
      value: { outcome: accepted.ok && accepted.value.outcome, events: [] },
    });
  });

  it('given participation finalized, when a commission opens polls, then participation-finalized', () => {
    const decision = openPolls(
      {
        electionId: ELECTION.electionId,
        precinctId: HOME,
        openedBy: 'chair-1101-001',
        now: bishkek('19:00'),
      },
      pollsNotOpened,
      DAY,
      finalState,
    );
    expect(decision.ok ? '' : decision.error.code).toBe('participation-finalized');
  });

  it('given participation finalized, when a standing check-in is revoked, then participation-finalized: the figures are final', () => {
    const decision = revokeCheckIn(
      {
        electionId: ELECTION.electionId,
        personalNumber: '21503199000017',
        reason: 'wrong voter',
        revokedBy: 'member-1101-001',
      },
      given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00'))),
      { participation: finalState, timeZone: DAY.timeZone },
    );
    expect(decision.ok ? '' : decision.error.code).toBe('participation-finalized');
  });

  it('given participation still open, when a standing check-in is revoked, then CheckInRevoked as before', () => {
    const decision = revokeCheckIn(
      {
        electionId: ELECTION.electionId,
        personalNumber: '21503199000017',
        reason: 'wrong voter',
        revokedBy: 'member-1101-001',
      },
      given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00'))),
      { participation: participationOpen, timeZone: DAY.timeZone },
    );
    expect(decision.ok).toBe(true);
  });
});
