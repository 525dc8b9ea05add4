import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';

const voterListsFinalizedPayload = z.strictObject({
  electionId: uuid().describe('The election.'),
  precincts: z
    .number()
    .int()
    .min(0)
    .describe('How many precincts’ lists were finalized (VoterListFinalized).'),
  voters: z.number().int().min(0).describe('How many voters the finalized lists hold (VoterListed).'),
});

export const voterListsFinalized = defineEvent({
  type: 'VoterListsFinalized',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: voterListsFinalizedPayload,
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: the lists’ lifecycle of one election is read in order',
  description:
    'Every precinct’s list of the election is final. From now on only absentee certificates and polling-day ' +
    'inclusions change who votes where.',
});

export type VoterListsFinalizedPayload = PayloadOf<typeof voterListsFinalized>;
export type VoterListsFinalized = NewEventOf<typeof voterListsFinalized>;
