import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import {
  ABSENCE_CASE_KEY_DESCRIPTION,
  absenceCaseKey,
  absenceCaseShape,
  actor,
  caseId,
  instant,
  statement,
} from './absence-case-fields';

export const excuseAppealed = defineEvent({
  type: 'ExcuseAppealed',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  ownerOnly: true,
  schema: z.strictObject({
    ...absenceCaseShape,
    caseId: caseId().describe('The rejected case appealed: once only.'),
    statement: statement().describe('The grounds of the appeal.'),
    appealedBy: actor('The citizen, or their precinct commission on their behalf.'),
    appealedAt: instant().describe('When the appeal was received.'),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description: 'A rejected case was appealed to the district commission (once; its decision is final).',
});

export type ExcuseAppealedPayload = PayloadOf<typeof excuseAppealed>;
export type ExcuseAppealed = NewEventOf<typeof excuseAppealed>;
