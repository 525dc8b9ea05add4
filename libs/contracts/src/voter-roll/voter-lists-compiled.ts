import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';

const voterListsCompiledPayload = z.strictObject({
  electionId: uuid().describe('The election.'),
  registryRevision: z
    .number()
    .int()
    .min(0)
    .describe('The civil registry’s revision the drafts were built from.'),
  citizens: z.number().int().min(0).describe('Citizens in the registry when compiled.'),
  voters: z.number().int().min(0).describe('Citizens eligible on the election date: the drafts’ size.'),
});

export const voterListsCompiled = defineEvent({
  type: 'VoterListsCompiled',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: voterListsCompiledPayload,
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: the lists’ lifecycle of one election is read in order',
  description:
    'The compilation its VoterListsCompilationStarted began is complete: every precinct’s draft list, by ' +
    'residence and eligibility on the election date. The drafts may be finalized while the registry is unchanged.',
});

export type VoterListsCompiledPayload = PayloadOf<typeof voterListsCompiled>;
export type VoterListsCompiled = NewEventOf<typeof voterListsCompiled>;
