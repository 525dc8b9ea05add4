import { emptyTreeHash, eventLeafHash, merkleTreeHash, toBase64 } from '@vl/tamper-evident-log';
import { voterListedEvents, voterListFinalized, VoterListRoot, type VoterListEntry } from './voter-list';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const entry = (personalNumber: string): VoterListEntry => ({
  electionId,
  personalNumber,
  precinctId: '0101-001',
});
const entries = ['11503199000123', '11503199000124', '21503199000001'].map(entry);

describe('a precinct’s voter list root', () => {
  it('given entries in personal-number order, when finalized, then the root is RFC 6962 over the canonical entries', () => {
    const list = new VoterListRoot(electionId, '0101-001');
    entries.forEach((item) => list.add(item));

    const expected = merkleTreeHash(
      entries.map(({ electionId: e, personalNumber, precinctId }) =>
        eventLeafHash({ electionId: e, personalNumber, precinctId }),
      ),
    );
    expect(voterListFinalized(list)).toEqual({
      type: 'VoterListFinalized',
      payload: { electionId, precinctId: '0101-001', voterCount: 3, merkleRoot: toBase64(expected) },
    });
  });

  it('given the VoterListed events of the list, when an auditor rebuilds the root from their payloads, then it matches', () => {
    const list = new VoterListRoot(electionId, '0101-001');
    entries.forEach((item) => list.add(item));
    const rebuilt = merkleTreeHash(voterListedEvents(entries).map((event) => eventLeafHash(event.payload)));
    expect(list.root()).toBe(toBase64(rebuilt));
  });

  it('given no eligible voters, when finalized, then the list has 0 voters and the empty-tree root', () => {
    const list = new VoterListRoot(electionId, '9999-012');
    expect(voterListFinalized(list).payload).toEqual({
      electionId,
      precinctId: '9999-012',
      voterCount: 0,
      merkleRoot: toBase64(emptyTreeHash()),
    });
  });

  it('given entries out of order or repeated, when added, then the root refuses them', () => {
    const list = new VoterListRoot(electionId, '0101-001');
    list.add(entry('21503199000001'));
    expect(() => list.add(entry('11503199000123'))).toThrow(RangeError);
    expect(() => list.add(entry('21503199000001'))).toThrow(RangeError);
  });

  it('given an entry of another precinct, when added, then it is refused', () => {
    const list = new VoterListRoot(electionId, '0101-001');
    expect(() => list.add({ ...entry('11503199000123'), precinctId: '0101-002' })).toThrow(RangeError);
  });
});
