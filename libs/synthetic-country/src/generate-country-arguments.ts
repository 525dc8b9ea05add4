import { parseArgs } from 'node:util';
import { parseReferenceDate } from './generate-country';
import { MAX_CITIZENS, MIN_CITIZENS } from './precinct-plan';
import { err, ok, type Result } from './result';

export interface GenerateCountryArguments {
  readonly out: string;
  readonly citizens: number;
  readonly seed: string;
  readonly referenceDate: string;
}

export const GENERATE_COUNTRY_USAGE =
  'usage: generate-country.main.ts --out DIR --reference-date YYYY-MM-DD [--citizens N (default 10000)] ' +
  '[--seed TEXT (default kyrgyzstan)]';

const DIGITS = /^[0-9][0-9_]*$/;

/** The command line, checked: a mistake names the option and the rule. */
export function parseGenerateCountryArguments(argv: readonly string[]): Result<GenerateCountryArguments> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        out: { type: 'string' },
        citizens: { type: 'string', default: '10000' },
        seed: { type: 'string', default: 'kyrgyzstan' },
        'reference-date': { type: 'string' },
      },
    }));
  } catch (error) {
    return err((error as Error).message);
  }
  const { out, citizens: citizensText = '', seed = '', 'reference-date': referenceDate } = values;
  if (!out) return err('--out is required: the directory to write the files into');
  if (!referenceDate) return err('--reference-date is required: the election day, YYYY-MM-DD');
  const date = parseReferenceDate(referenceDate);
  if (!date.ok) return err(`--reference-date ${date.error}`);
  const citizens = DIGITS.test(citizensText) ? Number(citizensText.replaceAll('_', '')) : Number.NaN;
  if (!Number.isSafeInteger(citizens) || citizens < MIN_CITIZENS || citizens > MAX_CITIZENS) {
    return err(`--citizens ${citizensText}: expected a whole number from ${MIN_CITIZENS} to ${MAX_CITIZENS}`);
  }
  if (seed.length === 0) return err('--seed must not be empty');
  return ok({ out, citizens, seed, referenceDate });
}
