import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, recountFromFiles, turnsAgeOn } from './registry-recount.fixture';
import { writeCountryFiles, type CountryManifest } from './write-country-files';

const FILES = ['precincts.csv', 'commission-members.csv', 'civil-registry.csv'] as const;
const scratch = mkdtempSync(join(tmpdir(), 'synthetic-country-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function write(name: string, seed: string, referenceDate = '2030-11-24') {
  const dir = join(scratch, name);
  const manifest = await writeCountryFiles(dir, { seed, citizens: 10_000, referenceDate });
  return { dir, manifest };
}

const read = (dir: string, file: string) => readFileSync(join(dir, file));

describe('writeCountryFiles', () => {
  let first: { dir: string; manifest: CountryManifest };
  beforeAll(async () => {
    first = await write('first', 'kyrgyzstan');
  });

  it('given the same seed, then every file is byte-identical; given another seed, then the files differ', async () => {
    const again = await write('again', 'kyrgyzstan');
    const other = await write('other', 'kyrgyzstan-2');
    for (const file of [...FILES, 'manifest.json']) {
      expect(read(again.dir, file).equals(read(first.dir, file))).toBe(true);
    }
    for (const file of FILES) expect(read(other.dir, file).equals(read(first.dir, file))).toBe(false);
  });

  it('writes the documented headers, UTF-8 without a byte-order mark, CRLF line ends', () => {
    const headers = FILES.map((file) => read(first.dir, file).toString('utf8').split('\r\n')[0]);
    expect(headers).toEqual([
      'precinct_code,region_code,region_name,district_code,district_name,abroad,country,address,time_zone',
      'precinct_code,personal_number,position',
      'personal_number,surname,given_name,patronymic,birth_date,sex,residence_precinct,declared_incapable,in_custody,registered_disability',
    ]);
    for (const file of FILES) {
      const bytes = read(first.dir, file);
      expect(bytes[0]).not.toBe(0xef);
      expect(bytes.toString('utf8').replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    }
  });

  it('quotes addresses per RFC 4180 so a conforming parser reads every field back', () => {
    const precincts = readCsv(first.dir, 'precincts.csv');
    expect(precincts).toHaveLength(20);
    expect(precincts.some((precinct) => precinct.address?.includes(','))).toBe(true);
    expect(precincts.some((precinct) => precinct.address?.includes('"'))).toBe(true);
    for (const precinct of precincts) expect(Object.keys(precinct)).toHaveLength(9);
  });

  it('records each file’s rows, size and SHA-256 in the manifest', () => {
    for (const file of FILES) {
      const bytes = read(first.dir, file);
      expect(first.manifest.files[file]).toEqual({
        rows: readCsv(first.dir, file).length,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
    }
    expect(JSON.parse(read(first.dir, 'manifest.json').toString('utf8'))).toEqual(first.manifest);
  });

  it('states figures that a recount from the files, by the law’s rule, reproduces exactly', () => {
    const recount = recountFromFiles(first.dir, '2030-11-24');
    expect(first.manifest).toMatchObject(recount);
    expect(first.manifest).toMatchObject({
      seed: 'kyrgyzstan',
      referenceDate: '2030-11-24',
      citizens: 10_000,
    });
    expect(Object.keys(first.manifest.eligibleByPrecinct)).toEqual(
      readCsv(first.dir, 'precincts.csv').map((precinct) => precinct.precinct_code),
    );
  });

  it('counts the boundary birthdays of a default roll: some turn 18 and 70 on, before and after the date', () => {
    for (const around of [first.manifest.eighteenthBirthdays, first.manifest.seventiethBirthdays]) {
      expect(around.dayBefore).toBeGreaterThanOrEqual(1);
      expect(around.onReferenceDate).toBeGreaterThanOrEqual(1);
      expect(around.dayAfter).toBeGreaterThanOrEqual(1);
    }
  });

  it('given an election on 28 February of a common year, then leap-day births are still 17 and do not count', async () => {
    const { dir, manifest } = await write('leap', 'leap-day', '2030-02-28');
    const leapDay = readCsv(dir, 'civil-registry.csv').filter(
      (citizen) => citizen.birth_date === '2012-02-29',
    );
    expect(leapDay.length).toBeGreaterThanOrEqual(1);
    expect(leapDay.every((citizen) => turnsAgeOn(citizen.birth_date as string, 18) === '2030-03-01')).toBe(
      true,
    );
    expect(manifest.eighteenthBirthdays.dayAfter).toBeGreaterThanOrEqual(leapDay.length);
    expect(manifest).toMatchObject(recountFromFiles(dir, '2030-02-28'));
  });

  it('given a directory it cannot create, then it rejects and writes nothing', async () => {
    const blocker = join(scratch, 'a-file');
    writeFileSync(blocker, 'not a directory');
    await expect(
      writeCountryFiles(join(blocker, 'country'), {
        seed: 's',
        citizens: 10_000,
        referenceDate: '2030-11-24',
      }),
    ).rejects.toThrow(/ENOTDIR|EEXIST/);
  });
});
