import { absencesOf, voterAbsentId } from './absences';
import { uuidv7 } from 'zod';
import { ANOTHER_VOTER, ELECTION, HOME, OTHER, VOTER } from './check-in.fixtures';

const FINALIZED = { ...ELECTION, finalizedAt: '2030-11-24T15:10:00.000Z' };

describe('VoterAbsent', () => {
  it('given two voters without a standing check-in, when derived, then one VoterAbsent each names the list and the polling day', () => {
    const absences = absencesOf(FINALIZED, [
      { personalNumber: VOTER, precinctId: HOME },
      { personalNumber: ANOTHER_VOTER, precinctId: OTHER },
    ]);
    expect(absences.map(({ type, payload }) => ({ type, payload }))).toEqual([
      {
        type: 'VoterAbsent',
        payload: {
          electionId: ELECTION.electionId,
          personalNumber: VOTER,
          electionDate: '2030-11-24',
          precinctId: HOME,
        },
      },
      {
        type: 'VoterAbsent',
        payload: {
          electionId: ELECTION.electionId,
          personalNumber: ANOTHER_VOTER,
          electionDate: '2030-11-24',
          precinctId: OTHER,
        },
      },
    ]);
  });

  it('given a derivation interrupted and run again, when the same voter is derived, then the event id is the same', () => {
    const [first] = absencesOf(FINALIZED, [{ personalNumber: VOTER, precinctId: HOME }]);
    const [again] = absencesOf(FINALIZED, [{ personalNumber: VOTER, precinctId: OTHER }]);
    expect(first?.eventId).toBe(again?.eventId);
    expect(uuidv7().safeParse(first?.eventId).success).toBe(true);
  });

  it('given two elections or two voters, when derived, then the ids differ', () => {
    const ids = new Set([
      voterAbsentId(FINALIZED, VOTER),
      voterAbsentId(FINALIZED, ANOTHER_VOTER),
      voterAbsentId({ ...FINALIZED, electionId: '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c' }, VOTER),
    ]);
    expect(ids.size).toBe(3);
  });

  it('given voters in personal-number order, when derived, then their ids ascend with them', () => {
    const voters = ['00000000000001', '20101199912345', '20101199912346', '99999999999999'];
    const ids = voters.map((personalNumber) => voterAbsentId(FINALIZED, personalNumber));
    expect([...ids].sort()).toEqual(ids);
    expect(
      ids[0]?.startsWith(Date.parse(FINALIZED.finalizedAt).toString(16).padStart(12, '0').slice(0, 8)),
    ).toBe(true);
  });
});
