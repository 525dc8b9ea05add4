import { z } from 'zod';
import { actorSchema } from '../actor';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';

const voterListsFinalizationStartedPayload = z.strictObject({
  electionId: uuid().describe('The election whose compiled lists are finalized.'),
  registryRevision: z
    .number()
    .int()
    .min(0)
    .describe('The civil registry’s revision the finalized lists reflect.'),
  resuming: z
    .boolean()
    .describe('Whether it resumes an interrupted finalization (the precincts still open).'),
  finalizedBy: actorSchema.describe(
    'The CEC operator who started (or resumed) the finalization: token subject and role.',
  ),
});

export const voterListsFinalizationStarted = defineEvent({
  type: 'VoterListsFinalizationStarted',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: voterListsFinalizationStartedPayload,
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: the lists’ lifecycle of one election is read in order',
  description:
    'Finalization of the compiled lists began, or an interrupted one was resumed: each precinct’s list becomes ' +
    'final with its VoterListFinalized; the lists cannot be compiled again.',
});

export type VoterListsFinalizationStartedPayload = PayloadOf<typeof voterListsFinalizationStarted>;
export type VoterListsFinalizationStarted = NewEventOf<typeof voterListsFinalizationStarted>;
