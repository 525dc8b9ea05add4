import { deciderSpecification } from '@vl/testing/decider';
import {
  bishkek,
  CHECK_IN_ID,
  checkedInEvent,
  DAY,
  ELECTION,
  HOME,
  MEMBER,
  revokedEvent,
  VOTER,
} from './check-in.fixtures';
import { participationOpen } from './participation';
import { revokeCheckInDecider, type RevokeCheckIn } from './revoke-check-in';

const revocation = deciderSpecification(revokeCheckInDecider);
const context = { participation: participationOpen, timeZone: DAY.timeZone };
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
});
