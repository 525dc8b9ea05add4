import {
  bishkek,
  CHECK_IN_ID,
  checkedInEvent,
  ELECTION,
  given,
  HOME,
  revokedEvent,
  VOTER,
} from './check-in.fixtures';
import { revokeCheckIn } from './revoke-check-in';

const revoke = {
  electionId: ELECTION.electionId,
  personalNumber: VOTER,
  reason: 'poll worker identified the wrong voter: namesake on the next line',
  revokedBy: 'member-1101-001',
};

describe('RevokeCheckIn', () => {
  it('given a check-in, when a commission member revokes it with a reason, then CheckInRevoked names the precinct of that check-in', () => {
    expect(revokeCheckIn(revoke, given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00'))))).toEqual({
      ok: true,
      value: [{ type: 'CheckInRevoked', payload: { ...revoke, precinctId: HOME } }],
    });
  });

  it('given no check-in, when revoked, then not-checked-in', () => {
    expect(revokeCheckIn(revoke, given())).toEqual({
      ok: false,
      error: { code: 'not-checked-in', message: 'the voter has no check-in in this election to revoke' },
    });
  });

  it('given a revoked check-in, when revoked again, then not-checked-in: there is nothing left to withdraw', () => {
    const decision = revokeCheckIn(
      revoke,
      given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')), revokedEvent(HOME)),
    );

    expect(decision.ok || decision.error.code).toBe('not-checked-in');
  });
});
