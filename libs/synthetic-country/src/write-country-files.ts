import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CitizenRow, CommissionMemberRow, PrecinctRow } from './country-rows';
import { CountryTally, type CountryFigures } from './country-tally';
import { CIVIL_REGISTRY_CSV, COMMISSION_MEMBERS_CSV, PRECINCTS_CSV } from './csv-encoding';
import { CsvFileWriter, type WrittenFile } from './csv-file-writer';
import {
  GENERATOR_VERSION,
  generateCountry,
  parseReferenceDate,
  type CountryOptions,
} from './generate-country';

export const MANIFEST_FILE_NAME = 'manifest.json';

export interface CountryProgress {
  readonly citizensWritten: number;
  readonly citizensTotal: number;
}

export interface WriteCountryOptions extends CountryOptions {
  /** Called every `progressEvery` citizens (default 100,000) and once at the end. */
  readonly onProgress?: (progress: CountryProgress) => void;
  readonly progressEvery?: number;
}

/** The rules the figures were counted by, so that a reader need not guess them. */
export const COUNTING_RULES = {
  eligible:
    'at least 18 on referenceDate (an 18th birthday on referenceDate counts), declared_incapable 0, in_custody 0',
  minors: 'under 18 on referenceDate',
  eligibleOver70:
    'eligible, and the 70th birthday is strictly before referenceDate (on it a voter is 70, not over)',
  birthdays: 'someone born on 29 February has the birthday on 1 March in common years',
  citizensAbroad: 'residence_precinct is a precinct with abroad 1 (region 99)',
} as const;

export interface CountryManifest extends CountryFigures {
  readonly generator: typeof GENERATOR_VERSION;
  readonly seed: string;
  readonly referenceDate: string;
  readonly rules: typeof COUNTING_RULES;
  readonly files: Readonly<Record<string, WrittenFile>>;
}

/**
 * Writes precincts.csv, commission-members.csv and civil-registry.csv (docs/civil-registry-csv.md: UTF-8,
 * no byte-order mark, RFC 4180 with CRLF line ends) and manifest.json into `dir`, streaming.
 */
export async function writeCountryFiles(dir: string, options: WriteCountryOptions): Promise<CountryManifest> {
  const referenceDate = parseReferenceDate(options.referenceDate);
  if (!referenceDate.ok) throw new RangeError(`referenceDate ${referenceDate.error}`);
  await mkdir(dir, { recursive: true });
  const precincts = new CsvFileWriter<PrecinctRow>(join(dir, PRECINCTS_CSV.fileName), PRECINCTS_CSV);
  const members = new CsvFileWriter<CommissionMemberRow>(
    join(dir, COMMISSION_MEMBERS_CSV.fileName),
    COMMISSION_MEMBERS_CSV,
  );
  const citizens = new CsvFileWriter<CitizenRow>(join(dir, CIVIL_REGISTRY_CSV.fileName), CIVIL_REGISTRY_CSV);
  const writers = [precincts, members, citizens];
  const tally = new CountryTally(referenceDate.value);
  const progressEvery = options.progressEvery ?? 100_000;
  let citizensWritten = 0;
  try {
    for (const entry of generateCountry(options)) {
      tally.add(entry);
      let pending: Promise<void> | undefined;
      if (entry.kind === 'citizen') {
        pending = citizens.write(entry.row);
        citizensWritten += 1;
        if (citizensWritten % progressEvery === 0) {
          options.onProgress?.({ citizensWritten, citizensTotal: options.citizens });
        }
      } else if (entry.kind === 'precinct') {
        pending = precincts.write(entry.row);
      } else {
        pending = members.write(entry.row);
      }
      if (pending) await pending;
    }
  } catch (error) {
    for (const writer of writers) writer.abandon();
    throw error;
  }
  const files = {
    [PRECINCTS_CSV.fileName]: await precincts.close(),
    [COMMISSION_MEMBERS_CSV.fileName]: await members.close(),
    [CIVIL_REGISTRY_CSV.fileName]: await citizens.close(),
  };
  options.onProgress?.({ citizensWritten, citizensTotal: options.citizens });
  const manifest: CountryManifest = {
    generator: GENERATOR_VERSION,
    seed: options.seed,
    referenceDate: options.referenceDate,
    rules: COUNTING_RULES,
    files,
    ...tally.figures(),
  };
  await writeFile(join(dir, MANIFEST_FILE_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
