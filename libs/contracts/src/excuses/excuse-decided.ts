import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import {
  ABSENCE_CASE_KEY_DESCRIPTION,
  absenceCaseKey,
  absenceCaseShape,
  actor,
  caseId,
  decisionReason,
  instant,
} from './absence-case-fields';

export const excuseDecided = defineEvent({
  type: 'ExcuseDecided',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  ownerOnly: true,
  schema: z.strictObject({
    ...absenceCaseShape,
    caseId: caseId().describe('The case decided.'),
    decision: z
      .enum(['accepted', 'rejected'])
      .describe('The precinct commission accepts or rejects the case.'),
    reason: decisionReason().describe('Why, as the citizen will read it.'),
    decidedBy: actor("The member of the voter's precinct commission who decided."),
    decidedAt: instant().describe('When it was decided.'),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description:
    "A member of the voter's precinct commission accepted or rejected a filed case, with a reason.",
});

export type ExcuseDecidedPayload = PayloadOf<typeof excuseDecided>;
export type ExcuseDecided = NewEventOf<typeof excuseDecided>;
