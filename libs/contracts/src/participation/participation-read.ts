import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { PARTICIPATION_READS_STREAM } from '../topic-name';
import { personalNumber, precinctCode } from '../voter-roll/voter-roll-fields';
import { participationReadShape } from './participation-reader';

export const participationRead = defineEvent({
  type: 'ParticipationRead',
  owner: 'any',
  stream: PARTICIPATION_READS_STREAM,
  version: 1,
  schema: z.strictObject({
    ...participationReadShape,
    personalNumber: personalNumber().describe('The person whose participation the answer told about.'),
    electionId: uuid().nullable().describe('The election asked about; null when the answer spans elections.'),
    precinctId: precinctCode()
      .nullable()
      .describe("The precinct the question was asked at (a poll book's, a caller's scope); null when none."),
    found: z
      .boolean()
      .describe('Whether the answer held data about the person: asking alone says something about them.'),
  }),
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: "personalNumber: one person's reads in order, for the citizen's own view",
  description:
    "Someone was told whether, where or when one person took part (ARCHITECTURE invariant 7): who (subject, role, scope), what for, which person, when. Appended by the service that answered, in its tamper-evident log, before the answer leaves; the citizen's view shows them to the person.",
});

export type ParticipationReadPayload = PayloadOf<typeof participationRead>;
export type ParticipationRead = NewEventOf<typeof participationRead>;
