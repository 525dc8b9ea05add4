import { z } from 'zod';
import { actorSchema } from '../actor';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { isoDate, uuid } from '../field-formats';

const voterListsCompilationStartedPayload = z.strictObject({
  electionId: uuid().describe('The election whose voter lists are compiled.'),
  electionDate: isoDate().describe('Polling day: eligibility (age 18 included) is judged on this date.'),
  registryRevision: z
    .number()
    .int()
    .min(0)
    .describe(
      'The civil registry’s revision the lists are compiled from; each import that changed it raised it.',
    ),
  compiledBy: actorSchema.describe('The CEC operator who started the compilation: token subject and role.'),
});

export const voterListsCompilationStarted = defineEvent({
  type: 'VoterListsCompilationStarted',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: voterListsCompilationStartedPayload,
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: the lists’ lifecycle of one election is read in order',
  description:
    'A compilation of the election’s draft voter lists from the civil registry began; until its ' +
    'VoterListsCompiled the drafts are incomplete and cannot be finalized. A new compilation replaces the drafts.',
});

export type VoterListsCompilationStartedPayload = PayloadOf<typeof voterListsCompilationStarted>;
export type VoterListsCompilationStarted = NewEventOf<typeof voterListsCompilationStarted>;
