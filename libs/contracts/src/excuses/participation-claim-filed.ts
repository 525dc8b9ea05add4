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

export const participationClaimFiled = defineEvent({
  type: 'ParticipationClaimFiled',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  ownerOnly: true,
  schema: z.strictObject({
    ...absenceCaseShape,
    claimId: caseId().describe('The claim, chosen by the filer: a retried filing names the same claim.'),
    statement: statement().describe('Where and when the person says they voted.'),
    filedBy: actor('The citizen for themselves, or a member of their precinct commission on their behalf.'),
    filedAt: instant().describe('When the claim was received.'),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description:
    'A person recorded absent says they voted ("I did vote"): a poll-book error for their precinct commission to resolve.',
});

export type ParticipationClaimFiledPayload = PayloadOf<typeof participationClaimFiled>;
export type ParticipationClaimFiled = NewEventOf<typeof participationClaimFiled>;
