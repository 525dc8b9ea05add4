import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import {
  ABSENCE_CASE_KEY_DESCRIPTION,
  absenceCaseKey,
  absenceCaseShape,
  actor,
  caseId,
  documentShape,
  instant,
  statement,
} from './absence-case-fields';
import { excuseCategory } from './excuse-categories';

export const excuseFiled = defineEvent({
  type: 'ExcuseFiled',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  ownerOnly: true,
  schema: z.strictObject({
    ...absenceCaseShape,
    caseId: caseId().describe('The case, chosen by the filer: a retried filing names the same case.'),
    category: excuseCategory().describe('The valid reason claimed.'),
    statement: statement().describe('What the voter or the commission states; length-limited free text.'),
    documents: z
      .array(documentShape)
      .max(10)
      .describe('The documents filed with it, described; files kept apart.'),
    filedBy: actor('The citizen for themselves, or a member of their precinct commission on their behalf.'),
    filedAt: instant().describe(
      "When the filing was received: checked against the window's closing instant.",
    ),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description:
    'A valid reason was filed for an absence within its window, by the citizen or their precinct commission.',
});

export type ExcuseFiledPayload = PayloadOf<typeof excuseFiled>;
export type ExcuseFiled = NewEventOf<typeof excuseFiled>;
