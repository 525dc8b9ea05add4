import { PRECINCTS_CSV } from '../testing/registry-files';
import type { ServiceUnderTest } from '@vl/testing';
import { startVoterRoll } from '../testing/voter-roll-under-test';

const HEADER = 'precinct_code,region_code,region_name,district_code,district_name,abroad,country,address';
const MEMBERS_HEADER = 'precinct_code,personal_number,position';

describe('geography import over HTTP', () => {
  let voterRoll: ServiceUnderTest;

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
  });
  afterAll(() => voterRoll?.close());

  it('given precincts.csv, when uploaded and uploaded again, then the second import emits nothing', async () => {
    const first = await voterRoll.request('POST', '/imports/precincts', { csv: PRECINCTS_CSV });
    expect(first).toEqual({
      status: 200,
      body: { rows: 4, accepted: 4, changed: 0, unchanged: 0, rejected: 0, rejects: [] },
    });
    const again = await voterRoll.request('POST', '/imports/precincts', { csv: PRECINCTS_CSV });
    expect(again.body).toEqual({ rows: 4, accepted: 0, changed: 0, unchanged: 4, rejected: 0, rejects: [] });
    expect((await voterRoll.eventCounts())['PrecinctRegistered']).toBe(4);
  });

  it('given a moved polling station and a broken row, when imported, then only the difference is emitted and the broken row changes nothing', async () => {
    const csv = [
      HEADER,
      '0101-001,01,Chüy,0101,Alamüdün,0,KG,"Lebedinovka, school No. 3"',
      '0101-002,01,Chüy,0101,Alamüdün,0,RU,"Köy-Tash, new club"',
      '0101-001,01,Chüy,0101,Alamüdün,0,KG,"Lebedinovka, twice"',
      '',
    ].join('\n');
    const answer = await voterRoll.request('POST', '/imports/precincts', { csv });
    expect(answer).toEqual({
      status: 200,
      body: {
        rows: 3,
        accepted: 0,
        changed: 1,
        unchanged: 0,
        rejected: 2,
        rejects: [
          { line: 3, column: 'country', rule: 'expected KG for a precinct at home' },
          { line: 4, column: 'precinct_code', rule: 'expected each precinct_code once: already on line 2' },
        ],
      },
    });
    const precincts = await voterRoll.request('GET', '/precincts?region=01', { roles: ['poll-worker'] });
    expect(precincts.body).toEqual({
      precincts: [
        expect.objectContaining({ precinctId: '0101-001', address: 'Lebedinovka, school No. 3' }),
        expect.objectContaining({ precinctId: '0101-002', address: 'Köy-Tash, club' }),
      ],
    });
    expect((await voterRoll.eventCounts())['PrecinctRegistered']).toBe(5);
  });

  it('given an address quoted across two lines, when a later row is broken, then the reject names the line it starts on', async () => {
    const csv = [
      HEADER,
      '1101-005,11,Bishkek,1101,Sverdlov district,0,KG,"Bishkek, Toktogul 125\nentrance from the yard"',
      '1101-006,11,Bishkek,1102,Sverdlov district,0,KG,"Bishkek, Manas 1"',
      '',
    ].join('\n');
    const answer = await voterRoll.request('POST', '/imports/precincts', { csv });
    expect(answer.body).toMatchObject({
      rows: 2,
      accepted: 1,
      rejects: [
        { line: 4, column: 'precinct_code', rule: 'expected the district code as its first four digits' },
      ],
    });
  });

  it('given a file without the address column, when uploaded, then 400 names the column and nothing changes', async () => {
    const before = await voterRoll.eventCounts();
    const csv = 'precinct_code,region_code,region_name,district_code,district_name,abroad,country\n';
    const answer = await voterRoll.request('POST', '/imports/precincts', { csv });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      message: 'the file was not imported: address: missing column in the header row',
      errors: [{ field: 'address', rule: 'missing column in the header row' }],
    });
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given JSON instead of CSV, when uploaded, then 415 names Content-Type', async () => {
    const answer = await voterRoll.request('POST', '/imports/precincts', { json: { precincts: [] } });
    expect(answer.status).toBe(415);
    expect(answer.body).toMatchObject({ errors: [{ field: 'Content-Type', rule: 'expected text/csv' }] });
  });

  it('given a poll worker, when uploading precincts, then 403; when listing a region that does not exist, then 400 names region', async () => {
    expect(
      (await voterRoll.request('POST', '/imports/precincts', { csv: PRECINCTS_CSV, roles: ['poll-worker'] }))
        .status,
    ).toBe(403);
    const answer = await voterRoll.request('GET', '/precincts?region=08', { roles: ['auditor'] });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errors: [
        { field: 'region', rule: 'expected a region code: one of 01, 02, 03, 04, 05, 06, 07, 11, 12, 99' },
      ],
    });
  });

  it('given commission members, when imported twice and a position changes, then appointments are emitted once each', async () => {
    const members = [
      MEMBERS_HEADER,
      '0101-001,21503199000123,chair',
      '0101-001,11503199000124,secretary',
      '0101-002,21503199000125,member',
      '0102-001,21503199000126,member',
      '0101-001,21503199000123,member',
      '',
    ].join('\n');
    const first = await voterRoll.request('POST', '/imports/commission-members', { csv: members });
    expect(first.body).toEqual({
      rows: 5,
      accepted: 3,
      changed: 0,
      unchanged: 0,
      rejected: 2,
      rejects: [
        { line: 5, column: 'precinct_code', rule: 'expected a precinct registered by precincts.csv' },
        {
          line: 6,
          column: 'personal_number',
          rule: 'expected each member of a precinct commission once: already on line 2',
        },
      ],
    });
    const promoted = [
      MEMBERS_HEADER,
      '0101-001,21503199000123,chair',
      '0101-001,11503199000124,deputy-chair',
      '',
    ].join('\n');
    const second = await voterRoll.request('POST', '/imports/commission-members', { csv: promoted });
    expect(second.body).toMatchObject({ accepted: 0, changed: 1, unchanged: 1, rejected: 0 });
    expect((await voterRoll.eventCounts())['CommissionMemberAppointed']).toBe(4);
    const [precinct] = (await voterRoll.dataSource.query(
      "select stream_version from precincts where precinct_id = '0101-001'",
    )) as { stream_version: number }[];
    // two registrations of the precinct and three appointments on its stream
    expect(precinct?.stream_version).toBe(5);
  });
});
