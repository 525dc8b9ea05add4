import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { byKey, readTopic, testDatabaseUrl, type ServiceUnderTest, type TopicMessage } from '@vl/testing';
import { catalogContracts, EventStore } from '@vl/event-store';
import {
  citizenLine,
  civilRegistryCsv,
  personalNumberOf,
  PRECINCTS_CSV,
  type CitizenFixture,
} from '../../testing/registry-files';
import { startVoterRoll } from '../../testing/voter-roll-under-test';
import { CivilRegistryImport } from './civil-registry-import';
import { BoundedRejects } from './import-sinks';

const run = promisify(execFile);
const aigul: CitizenFixture = {
  sex: 'F',
  birthDate: '1990-03-15',
  serial: 123,
  surname: 'Asanova',
  givenName: 'Aigul',
};
const bakyt: CitizenFixture = {
  sex: 'M',
  birthDate: '1985-07-01',
  serial: 7,
  residence: '1101-004',
  registeredDisability: true,
};
const nurlan: CitizenFixture = { sex: 'M', birthDate: '2000-02-29', serial: 42, residence: '9999-012' };

const operator = { subject: 'cec-operator-3', role: 'cec-operator' };

describe('civil-registry import against PostgreSQL', () => {
  let voterRoll: ServiceUnderTest;
  let importer: CivilRegistryImport;

  const importCsv = async (csv: string, batchSize = 5000) => {
    const rejects = new BoundedRejects(100);
    const outcome = await importer.run(Readable.from([csv]), { importedBy: operator, rejects, batchSize });
    if (!outcome.ok) throw new Error(outcome.error.message);
    return { report: outcome.value, rejects: rejects.kept };
  };
  // other runs on the same broker publish these personal numbers too: only this schema's events count
  const publishedFlags = async (count: number) => {
    const rows: { event_id: string }[] = await voterRoll.dataSource.query(
      "select event_id from events where type = 'RegisteredDisabilityRecorded'",
    );
    const own = new Set(rows.map((row) => row.event_id));
    const messages = await readTopic('voter-roll.disability-registry.v1', {
      keep: (message: TopicMessage) => own.has(message.envelope.eventId),
      until: count,
    });
    return byKey(messages).map(({ key, envelope }) => [key, envelope.type, envelope.payload]);
  };
  const streamOf = async (personalNumber: string): Promise<{ type: string; stream_version: number }[]> =>
    voterRoll.dataSource.query(
      'select type, stream_version from events where stream_id = $1 order by stream_version',
      [`citizen-${personalNumber}`],
    );
  const citizen = async (personalNumber: string) =>
    (
      (await voterRoll.dataSource.query('select * from citizens where personal_number = $1', [
        personalNumber,
      ])) as unknown[]
    )[0];

  beforeAll(async () => {
    voterRoll = await startVoterRoll();
    await voterRoll.request('POST', '/imports/precincts', { csv: PRECINCTS_CSV });
    importer = new CivilRegistryImport(
      voterRoll.dataSource,
      new EventStore(voterRoll.dataSource, 'voter-roll', catalogContracts),
    );
  });
  afterAll(() => voterRoll?.close());

  it('given a first file, when imported, then each citizen is registered once with the read model in step', async () => {
    const { report, rejects } = await importCsv(civilRegistryCsv([aigul, bakyt, nurlan].map(citizenLine)));

    expect(report).toMatchObject({
      rows: 3,
      accepted: 3,
      changed: 0,
      unchanged: 0,
      rejected: 0,
      missingFromFile: 0,
    });
    expect(rejects).toEqual([]);
    expect((await voterRoll.eventCounts())['CitizenRegistered']).toBe(3);
    expect(await citizen(personalNumberOf(nurlan))).toMatchObject({
      residence_precinct_id: '9999-012',
      sex: 'M',
    });
  });

  it('given a first file with one citizen on the disability registry, when imported, then only that flag is published for excuses, in the citizen’s own append', async () => {
    expect(await publishedFlags(1)).toEqual([
      [
        personalNumberOf(bakyt),
        'RegisteredDisabilityRecorded',
        { personalNumber: personalNumberOf(bakyt), registeredDisability: true },
      ],
    ]);
    expect(await streamOf(personalNumberOf(bakyt))).toEqual([
      { type: 'CitizenRegistered', stream_version: 1 },
      { type: 'RegisteredDisabilityRecorded', stream_version: 2 },
    ]);
    expect(await citizen(personalNumberOf(bakyt))).toMatchObject({ stream_version: 2 });
  });

  it('given the same file again, when imported, then nothing is appended', async () => {
    const before = await voterRoll.eventCounts();
    const { report } = await importCsv(civilRegistryCsv([aigul, bakyt, nurlan].map(citizenLine)));

    expect(report).toMatchObject({ rows: 3, accepted: 0, changed: 0, unchanged: 3, rejected: 0 });
    expect(await voterRoll.eventCounts()).toEqual(before);
  });

  it('given a newer file with a move, a sentence and a citizen gone, when imported, then only the changed fields travel and the missing one is reported, not deleted', async () => {
    const csv = civilRegistryCsv([
      citizenLine({ ...aigul, residence: '0101-002', inCustody: true }),
      citizenLine(bakyt),
    ]);
    const { report } = await importCsv(csv);

    expect(report).toMatchObject({
      rows: 2,
      accepted: 0,
      changed: 1,
      unchanged: 1,
      rejected: 0,
      missingFromFile: 1,
    });
    const changes: { payload: unknown }[] = await voterRoll.dataSource.query(
      "select payload from events where type = 'CitizenRecordChanged'",
    );
    expect(changes.map((row) => row.payload)).toEqual([
      {
        personalNumber: personalNumberOf(aigul),
        changes: { residencePrecinctId: '0101-002', inCustody: true },
      },
    ]);
    expect(await citizen(personalNumberOf(nurlan))).toBeDefined();
    expect(await streamOf(personalNumberOf(aigul))).toEqual([
      { type: 'CitizenRegistered', stream_version: 1 },
      { type: 'CitizenRecordChanged', stream_version: 2 },
    ]);
  });

  it('given a file that puts one citizen on the disability registry and takes another off, when imported, then both flags are published keyed by personal number, after the earlier one', async () => {
    const before = await voterRoll.eventCounts();
    const csv = civilRegistryCsv([
      citizenLine({ ...aigul, residence: '0101-002', inCustody: true, registeredDisability: true }),
      citizenLine({ ...bakyt, registeredDisability: false }),
    ]);
    const { report } = await importCsv(csv);

    expect(report).toMatchObject({ rows: 2, accepted: 0, changed: 2, unchanged: 0, rejected: 0 });
    expect(await voterRoll.eventCounts()).toEqual({
      ...before,
      CitizenRecordChanged: (before['CitizenRecordChanged'] ?? 0) + 2,
      RegisteredDisabilityRecorded: (before['RegisteredDisabilityRecorded'] ?? 0) + 2,
      RegistryImported: (before['RegistryImported'] ?? 0) + 1,
    });
    const flag = (fixture: CitizenFixture, registeredDisability: boolean) => [
      personalNumberOf(fixture),
      'RegisteredDisabilityRecorded',
      { personalNumber: personalNumberOf(fixture), registeredDisability },
    ];
    expect(await publishedFlags(3)).toEqual([flag(aigul, true), flag(bakyt, true), flag(bakyt, false)]);
    expect(await streamOf(personalNumberOf(bakyt))).toEqual([
      { type: 'CitizenRegistered', stream_version: 1 },
      { type: 'RegisteredDisabilityRecorded', stream_version: 2 },
      { type: 'CitizenRecordChanged', stream_version: 3 },
      { type: 'RegisteredDisabilityRecorded', stream_version: 4 },
    ]);
    expect(await citizen(personalNumberOf(bakyt))).toMatchObject({
      registered_disability: false,
      stream_version: 4,
    });
  });

  it('given invalid rows and repeated personal numbers across batches, when imported, then each broken rule is a reject line and those rows change nothing', async () => {
    const before = await voterRoll.eventCounts();
    const aizada: CitizenFixture = { sex: 'F', birthDate: '2001-12-31', serial: 9 };
    const csv = civilRegistryCsv([
      citizenLine({ ...aigul, surname: '' }),
      citizenLine(aizada),
      `${personalNumberOf(bakyt)},Asanov,Bakyt,,1985-07-02,F,0101-009,0,2,0`,
      'too,few,fields',
      citizenLine({ ...aizada, givenName: 'Aizada' }),
    ]);
    const { report, rejects } = await importCsv(csv, 1);

    expect(report).toMatchObject({ rows: 5, accepted: 1, changed: 0, unchanged: 0, rejected: 4 });
    expect(rejects).toEqual([
      { line: 2, column: 'surname', rule: 'expected 1–100 characters, not only spaces' },
      {
        line: 4,
        column: 'birth_date',
        rule: 'expected the birth date inside the personal number (digits 2 to 9, DDMMYYYY)',
      },
      { line: 4, column: 'sex', rule: 'expected the sex of the personal number’s first digit (1 F, 2 M)' },
      { line: 4, column: 'residence_precinct', rule: 'expected a precinct_code registered by precincts.csv' },
      { line: 4, column: 'in_custody', rule: 'expected 0 or 1' },
      { line: 5, column: '(row)', rule: 'expected 10 fields, got 3' },
      { line: 6, column: 'personal_number', rule: 'expected each personal_number once: already on line 3' },
    ]);
    // the one accepted row changed the registry, so the import records who started it
    expect(await voterRoll.eventCounts()).toEqual({
      ...before,
      CitizenRegistered: (before['CitizenRegistered'] ?? 0) + 1,
      RegistryImported: (before['RegistryImported'] ?? 0) + 1,
    });
    expect(await citizen(personalNumberOf(aigul))).toMatchObject({ surname: 'Asanova' });
  });

  it('given a batch the database refuses midway, when imported, then that batch leaves neither events nor read-model rows', async () => {
    const before = await voterRoll.eventCounts();
    const doomed: CitizenFixture = { sex: 'M', birthDate: '1970-01-01', serial: 666 };
    const fine: CitizenFixture = { sex: 'F', birthDate: '1971-01-01', serial: 1 };
    await voterRoll.dataSource.query(`
      create function refuse_doomed() returns trigger language plpgsql as $$
      begin if new.personal_number = '${personalNumberOf(doomed)}' then raise exception 'disk full'; end if; return new; end $$`);
    await voterRoll.dataSource.query(
      'create trigger refuse_doomed before insert on citizens for each row execute function refuse_doomed()',
    );
    try {
      await expect(importCsv(civilRegistryCsv([citizenLine(fine), citizenLine(doomed)]), 2)).rejects.toThrow(
        /disk full/,
      );
    } finally {
      await voterRoll.dataSource.query('drop trigger refuse_doomed on citizens');
      await voterRoll.dataSource.query('drop function refuse_doomed');
    }
    expect(await voterRoll.eventCounts()).toEqual(before);
    expect(await citizen(personalNumberOf(fine))).toBeUndefined();
  });

  it('given a header without personal_number, when imported, then the file is refused whole', async () => {
    const outcome = await importer.run(Readable.from(['surname,given_name\nAsanov,Bakyt\n']), {
      importedBy: operator,
      rejects: new BoundedRejects(10),
    });
    expect(outcome.ok || outcome.error.message).toMatch(/^personal_number: missing column in the header row/);
  });

  it('given the CLI and a file on disk, when run, then it reports the counts, writes the rejects report and a missing list', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'civil-registry-'));
    const file = join(directory, 'civil-registry.csv');
    // Aigul moves back home; Bakyt's row claims the wrong sex for his personal number
    writeFileSync(file, civilRegistryCsv([citizenLine(aigul), citizenLine(bakyt).replace(',M,', ',F,')]));
    const { stdout } = await run(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'services/voter-roll/src/import-civil-registry.main.ts',
        '--file',
        file,
        '--rejects',
        join(directory, 'rejects.csv'),
        '--missing',
        join(directory, 'missing.csv'),
      ],
      { env: { ...process.env, DATABASE_URL: testDatabaseUrl(), DATABASE_SCHEMA: voterRoll.schema.name } },
    );

    expect(stdout).toMatch(
      /2 rows in \d+s; accepted 0, changed 1, unchanged 0, rejected 1 \(.*rejects\.csv\); missing from the file \d+/,
    );
    expect(readFileSync(join(directory, 'rejects.csv'), 'utf8')).toBe(
      'line,column,rule\n3,sex,"expected the sex of the personal number’s first digit (1 F, 2 M)"\n',
    );
    const missing = readFileSync(join(directory, 'missing.csv'), 'utf8').trim().split('\n');
    expect(missing[0]).toBe('personal_number');
    expect(missing).toContain(personalNumberOf(nurlan));
    expect(missing).not.toContain(personalNumberOf(aigul));
  });
});
