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

export const participationClaimResolved = defineEvent({
  type: 'ParticipationClaimResolved',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  ownerOnly: true,
  schema: z.strictObject({
    ...absenceCaseShape,
    claimId: caseId().describe('The claim resolved.'),
    decision: z.enum(['upheld', 'dismissed']).describe('Upheld: the person voted; the absence is excused.'),
    reason: decisionReason().describe('Why, as the citizen will read it.'),
    decidedBy: actor('The member of the precinct commission who resolved it.'),
    decidedAt: instant().describe('When it was resolved.'),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description: 'The precinct commission resolved an "I did vote" claim.',
});

export type ParticipationClaimResolvedPayload = PayloadOf<typeof participationClaimResolved>;
export type ParticipationClaimResolved = NewEventOf<typeof participationClaimResolved>;
