import { z } from 'zod';
import { actorSchema } from '../actor';
import { isoDate, text } from '../field-formats';

const PERSONAL_NUMBER_SHAPE = /^[12][0-9]{13}$/;
const PRECINCT_CODE_SHAPE = /^[0-9]{4}-[0-9]{3}$/;

/** What a personal number says of its holder: sex digit (1 female, 2 male) and birth date DDMMYYYY. */
export interface PersonalNumberParts {
  readonly sex: 'F' | 'M';
  /** YYYY-MM-DD */
  readonly birthDate: string;
}

/** The parts of a well-formed personal number, or null (wrong shape, or a date the calendar does not have). */
export function personalNumberParts(personalNumber: string): PersonalNumberParts | null {
  if (!PERSONAL_NUMBER_SHAPE.test(personalNumber)) return null;
  const day = Number(personalNumber.slice(1, 3));
  const month = Number(personalNumber.slice(3, 5));
  const year = Number(personalNumber.slice(5, 9));
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31.02 over into March; a real date survives the round trip
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  const birthDate = `${personalNumber.slice(5, 9)}-${personalNumber.slice(3, 5)}-${personalNumber.slice(1, 3)}`;
  return { sex: personalNumber[0] === '1' ? 'F' : 'M', birthDate };
}

export const PERSONAL_NUMBER_RULE =
  'expected a personal number: 14 digits, sex digit 1 or 2, then a real birth date DDMMYYYY and a 5-digit serial';

/** A citizen's 14-digit personal number (PIN), checked for its sex digit and embedded birth date. */
export function personalNumber() {
  return z
    .string()
    .regex(PERSONAL_NUMBER_SHAPE, { error: PERSONAL_NUMBER_RULE, abort: true })
    .refine((value) => personalNumberParts(value) !== null, { error: PERSONAL_NUMBER_RULE });
}

/** `NNNN-NNN`: district code and precinct number; abroad precincts are `9999-NNN`. */
export function precinctCode() {
  return z.string().regex(PRECINCT_CODE_SHAPE, { error: 'expected a precinct code NNNN-NNN' });
}

export const SEXES = ['F', 'M'] as const;
export const COMMISSION_POSITIONS = ['chair', 'deputy-chair', 'secretary', 'member'] as const;
export type CommissionPosition = (typeof COMMISSION_POSITIONS)[number];

/** A citizen's record as the civil registry holds it, the personal number aside. */
export const citizenRecordFields = {
  surname: text(1, 100).describe('Surname as in the civil registry.'),
  givenName: text(1, 100).describe('Given name as in the civil registry.'),
  patronymic: z.string().max(100).describe('Patronymic; empty when the citizen has none.'),
  birthDate: isoDate().describe('Birth date, equal to the date inside the personal number.'),
  sex: z.enum(SEXES).describe('F or M, matching the sex digit of the personal number.'),
  residencePrecinctId: precinctCode().describe(
    'The precinct of the registered residence (abroad: the consular precinct).',
  ),
  declaredIncapable: z.boolean().describe('Declared legally incapable by a court: not eligible to vote.'),
  inCustody: z.boolean().describe('Serving a custodial sentence: not eligible to vote.'),
  registeredDisability: z
    .boolean()
    .describe('On the disability registry: a valid reason for not appearing (draft law, reason 1).'),
} as const;

/** Who performed the command an event records: the bearer token's subject and the role it acted in. */
export function actedBy(description: string) {
  return actorSchema.describe(description);
}

/** The actor of an event written before its schema recorded one: the role its endpoint admitted, no subject. */
export function unrecordedActor(role: 'cec-operator' | 'commission') {
  return { subject: 'unrecorded', role };
}
