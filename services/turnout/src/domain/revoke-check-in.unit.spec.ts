import { deciderSpecification } from '@vl/testing/decider';
import {
  bishkek,
  CHECK_IN_ID,
  checkedInEvent,
  DAY,
  ELECTION,
  HOME,
  MEMBER,
  OTHER,
  revokedEvent,
  VOTER,
} from './check-in.fixtures';
import { participationOpen } from './participation';
import { revokeCheckInDecider, type RevokeCheckIn } from './revoke-check-in';

const revocation = deciderSpecification(revokeCheckInDecider);
const context = {
  participation: participationOpen,
  timeZone: DAY.timeZone,
  reach: { everywhere: true } as const,
};
const servingAt = (precinctId: string) => ({
  ...context,
  reach: { serves: (at: string) => at === precinctId, described: `precinct ${precinctId}` },
});
const revoke: RevokeCheckIn = {
  electionId: ELECTION.electionId,
  personalNumber: VOTER,
  reason: 'poll worker identified the wrong voter: namesake on the next line',
  revokedBy: MEMBER,
};

describe('RevokeCheckIn', () => {
  it('given a check-in, when a commission member revokes it with a reason, then CheckInRevoked names the precinct of that check-in', () => {
    revocation
      .given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')))
      .when(revoke, context)
      .then([{ type: 'CheckInRevoked', payload: { ...revoke, precinctId: HOME } }]);
  });

  it('given no check-in, when revoked, then not-checked-in', () => {
    revocation.given().when(revoke, context).thenRejects({
      code: 'not-checked-in',
      message: 'the voter has no check-in in this election to revoke',
    });
  });

  it('given a revoked check-in, when revoked again, then not-checked-in: there is nothing left to withdraw', () => {
    revocation
      .given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')), revokedEvent(HOME))
      .when(revoke, context)
      .thenRejects({ code: 'not-checked-in' });
  });

  it('given a check-in at the member’s own precinct, when a member serving it revokes, then CheckInRevoked', () => {
    revocation
      .given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')))
      .when(revoke, servingAt(HOME))
      .then([{ type: 'CheckInRevoked', payload: { ...revoke, precinctId: HOME } }]);
  });

  it('given a check-in at another precinct, when a member of this one revokes, then the same answer as for no check-in at all', () => {
    const refusal = {
      code: 'not-checked-in-here' as const,
      message: `no check-in of this voter stands at precinct ${OTHER}; a precinct commission withdraws only its own precinct's check-ins`,
    };

    revocation
      .given(checkedInEvent(CHECK_IN_ID, HOME, bishkek('09:00')))
      .when(revoke, servingAt(OTHER))
      .thenRejects(refusal);
    revocation.given().when(revoke, servingAt(OTHER)).thenRejects(refusal);
  });
});
