import {
  topicName,
  type EventEnvelope,
  type VoterListedPayload,
  type VoterListFinalizedPayload,
} from '@vl/contracts';
import { eventLeafHash, merkleTreeHash, toBase64 } from '@vl/tamper-evident-log';
import { readTopic, type ServiceUnderTest } from '@vl/testing';
import { citizenLine, civilRegistryCsv } from '../../testing/registry-files';
import { callElection, CITIZENS, pin, pollingCountry } from '../../testing/polling-country';
import { startVoterRoll } from '../../testing/voter-roll-under-test';

const VOTER_LISTS = topicName('voter-roll', 'voter-lists', 1);

describe('voter lists: compile and finalize, through HTTP and Kafka', () => {
  let voterRoll: ServiceUnderTest;
  let electionId: string;

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    electionId = await pollingCountry(voterRoll);
  });
  afterAll(() => voterRoll?.close());

  it('given the registry, when compiled, then the lists hold exactly the citizens eligible on polling day', async () => {
    const answer = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/compile`);

    expect(answer).toEqual({
      status: 200,
      body: {
        electionId,
        electionDate: '2030-11-24',
        registryRevision: expect.any(Number),
        citizens: 9,
        voters: 6,
        ineligible: { 'under-18': 1, 'declared-incapable': 1, 'in-custody': 1 },
      },
    });
  });

  it('given compiled lists, when finalized, then every precinct publishes its voters and a Merkle root anyone can recompute', async () => {
    const answer = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/finalize`);
    expect(answer).toEqual({ status: 200, body: { electionId, precincts: 4, voters: 6, resumed: false } });

    await voterRoll.relayed();
    const read = await readTopic(VOTER_LISTS, {
      keep: ({ envelope }) => envelope.payload['electionId'] === electionId,
      // VoterListed is keyed by voter, VoterListFinalized by election: on different partitions, in any order
      until: (kept) => {
        const lists = kept.filter(({ envelope }) => envelope.type === 'VoterListFinalized');
        const voters = lists.reduce(
          (sum, { envelope }) => sum + (envelope.payload as VoterListFinalizedPayload).voterCount,
          0,
        );
        return (
          lists.length === 4 &&
          kept.filter(({ envelope }) => envelope.type === 'VoterListed').length === voters
        );
      },
    });
    const events = read.map(({ envelope }) => envelope);
    const finalized = events.filter((event) => event.type === 'VoterListFinalized');
    const listed = events.filter((event) => event.type === 'VoterListed');
    expect(finalized.map((event) => (event.payload as VoterListFinalizedPayload).precinctId).sort()).toEqual([
      '0101-001',
      '0101-002',
      '1101-004',
      '9999-012',
    ]);
    for (const event of finalized) {
      const list = event.payload as VoterListFinalizedPayload;
      const entries = listed
        .map((voter) => voter.payload as VoterListedPayload)
        .filter((voter) => voter.precinctId === list.precinctId)
        .sort((a, b) => (a.personalNumber < b.personalNumber ? -1 : 1));
      expect(list.voterCount).toBe(entries.length);
      expect(list.merkleRoot).toBe(toBase64(merkleTreeHash(entries.map((entry) => eventLeafHash(entry)))));
      expect(event.partitionKey).toBe(electionId);
    }
    const listedAt = (precinctId: string) =>
      listed
        .filter((event) => (event.payload as VoterListedPayload).precinctId === precinctId)
        .map((event) => (event.payload as VoterListedPayload).personalNumber)
        .sort();
    expect(listedAt('0101-001')).toEqual(
      [pin('turns18OnPollingDay'), pin('aigul'), pin('leapDayBorn')].sort(),
    );
    expect(listedAt('0101-002')).toEqual([pin('koyTash')]);
    expect(
      listed.every(
        (event: EventEnvelope) => event.partitionKey === (event.payload as VoterListedPayload).personalNumber,
      ),
    ).toBe(true);
  });

  it('given finalized lists, when the log is read, then the election’s voter-lists stream says who compiled and finalized them and each voter is listed in a stream of their own', async () => {
    const lifecycle = (await voterRoll.dataSource.query(
      'select type, payload from events where stream_id = $1 order by stream_version',
      [`voter-lists-${electionId}`],
    )) as { type: string; payload: Record<string, unknown> }[];
    const operator = { subject: expect.any(String), role: 'cec-operator' };
    expect(lifecycle).toEqual([
      {
        type: 'VoterListsCompilationStarted',
        payload: {
          electionId,
          electionDate: '2030-11-24',
          registryRevision: expect.any(Number),
          compiledBy: operator,
        },
      },
      {
        type: 'VoterListsCompiled',
        payload: { electionId, registryRevision: expect.any(Number), citizens: 9, voters: 6 },
      },
      {
        type: 'VoterListsFinalizationStarted',
        payload: { electionId, registryRevision: expect.any(Number), resuming: false, finalizedBy: operator },
      },
      { type: 'VoterListsFinalized', payload: { electionId, precincts: 4, voters: 6 } },
    ]);
    const listings = (await voterRoll.dataSource.query(
      `select stream_id, stream_version, payload->>'personalNumber' as pin from events
        where type = 'VoterListed' and payload->>'electionId' = $1`,
      [electionId],
    )) as { stream_id: string; stream_version: number; pin: string }[];
    expect(listings).toHaveLength(6);
    for (const listing of listings) {
      expect(listing).toEqual({
        stream_id: `voter-listing-${electionId}-${listing.pin}`,
        stream_version: 1,
        pin: listing.pin,
      });
    }
  });
  it('given finalized lists, when compiled or finalized again, then 409 and nothing is appended', async () => {
    const before = await voterRoll.eventCounts();
    const compile = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/compile`);
    const finalize = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/finalize`);

    expect([compile.status, finalize.status]).toEqual([409, 409]);
    expect(compile.body).toMatchObject({
      message: `the voter lists of election ${electionId} are finalized; only absentee certificates and polling-day inclusions change them now`,
    });
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given an import after compiling, when finalized, then refused until compiled again', async () => {
    const second = await callElection(voterRoll);
    expect((await voterRoll.request('POST', `/elections/${second}/voter-lists/compile`)).status).toBe(200);
    await voterRoll.request('POST', '/imports/civil-registry', {
      csv: civilRegistryCsv([citizenLine({ ...CITIZENS.inCustody, inCustody: false })]),
    });

    const refused = await voterRoll.request('POST', `/elections/${second}/voter-lists/finalize`);
    expect(refused.status).toBe(409);
    expect((refused.body as { message: string }).message).toMatch(
      /^the civil registry or the geography changed after the lists were compiled/,
    );

    const recompiled = await voterRoll.request('POST', `/elections/${second}/voter-lists/compile`);
    expect(recompiled.body).toMatchObject({ voters: 7 });
    expect(await voterRoll.request('POST', `/elections/${second}/voter-lists/finalize`)).toMatchObject({
      status: 200,
      body: { voters: 7 },
    });
  });

  it('given an election not called or not compiled, when finalized, then 404 or 409 names what to do', async () => {
    const unknown = await voterRoll.request(
      'POST',
      '/elections/0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b/voter-lists/finalize',
    );
    expect(unknown.status).toBe(404);
    const third = await callElection(voterRoll);
    const notCompiled = await voterRoll.request('POST', `/elections/${third}/voter-lists/finalize`);
    expect(notCompiled).toMatchObject({
      status: 409,
      body: {
        message: `the voter lists of election ${third} are not compiled: POST /elections/${third}/voter-lists/compile first`,
      },
    });
  });

  it('given a malformed election id or a commission token, when compiling, then 400 names electionId and 403 refuses', async () => {
    const malformed = await voterRoll.request('POST', '/elections/42/voter-lists/compile');
    expect(malformed).toMatchObject({
      status: 400,
      body: { errors: [{ field: 'electionId', rule: 'expected a UUID' }] },
    });
    const commission = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/compile`, {
      roles: ['commission'],
    });
    expect(commission.status).toBe(403);
  });
});
