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

export const appealDecided = defineEvent({
  type: 'AppealDecided',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  ownerOnly: true,
  schema: z.strictObject({
    ...absenceCaseShape,
    caseId: caseId().describe('The appealed case.'),
    decision: z
      .enum(['upheld', 'dismissed'])
      .describe('Upheld: the rejection is reversed and the absence excused.'),
    reason: decisionReason().describe('Why, as the citizen will read it.'),
    decidedBy: actor('The member of the district commission who decided, finally.'),
    decidedAt: instant().describe('When it was decided.'),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description: 'The district commission decided an appeal, finally.',
});

export type AppealDecidedPayload = PayloadOf<typeof appealDecided>;
export type AppealDecided = NewEventOf<typeof appealDecided>;
