import { z } from 'zod';
import { text } from '../field-formats';
import { definePolicyKind, type PolicyContentOf } from '../policy/define-policy-kind';
import { ELECTION_KINDS } from '../voter-roll/election-called';

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MINISTRY = /^[a-z0-9][a-z0-9-]{1,40}$/;

// the two benefits the draft law names as examples
const benefit = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('fee-discount'),
    service: text(1, 200).describe('The state or municipal service whose fee is discounted.'),
    percent: z.number().int().min(1).max(100).describe('The discount on the fee, in percent.'),
    capKgs: z
      .number()
      .int()
      .min(1)
      .max(10_000_000)
      .nullable()
      .describe('The most one discount is worth, in som; null: no cap.'),
  }),
  z.strictObject({
    type: z.literal('civil-service-reserve-points'),
    points: z
      .number()
      .int()
      .min(1)
      .max(100)
      .describe('Points added when enrolling in the civil-service personnel reserve.'),
  }),
]);

const qualification = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('took-part'),
    voteKinds: z
      .array(z.enum(ELECTION_KINDS))
      .min(1)
      .describe('Took part in an election or referendum of these kinds.'),
  }),
  z.strictObject({
    type: z.literal('took-part-in-every-vote-of-last'),
    count: z
      .number()
      .int()
      .min(1)
      .max(20)
      .describe('Took part in each of the last N elections and referendums.'),
  }),
]);

const redemptions = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('once') }),
  z.strictObject({ type: z.literal('per-year'), times: z.number().int().min(1).max(365) }),
]);

const benefitProgram = z.strictObject({
  programId: z
    .string()
    .regex(SLUG, { error: 'expected a kebab-case id' })
    .max(60)
    .describe('Stable id of the program.'),
  title: text(1, 200).describe('The program as the resolution names it.'),
  ministry: z
    .string()
    .regex(MINISTRY, { error: 'expected a ministry id (lower-case letters, digits, -), as in ministry:<id>' })
    .describe('The ministry that grants and redeems it: its role is ministry:<id>.'),
  benefit,
  qualifies: qualification,
  validityDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .describe('Days an entitlement stays valid after it is granted.'),
  redemptions,
});

export const benefitProgramsKind = definePolicyKind({
  kind: 'incentives.benefit-programs',
  owner: 'incentives',
  adoptedBy: 'cabinet',
  eventType: 'BenefitProgramsAdopted',
  content: z.strictObject({
    programs: z
      .array(benefitProgram)
      .max(100)
      .refine((programs) => new Set(programs.map((program) => program.programId)).size === programs.length, {
        error: 'expected each programId once',
      })
      .describe('The programs in force; an adoption lists all of them.'),
  }),
  description:
    'Benefits for active voters, defined by the Cabinet of Ministers (draft law: e.g. discounts on state and ' +
    'municipal service fees, additional points when enrolling in the civil-service personnel reserve).',
});

export type BenefitProgramsContent = PolicyContentOf<typeof benefitProgramsKind>;
export type BenefitProgram = BenefitProgramsContent['programs'][number];
