import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { PARTICIPATION_READS_STREAM } from '../topic-name';
import { personalNumber, precinctCode } from '../voter-roll/voter-roll-fields';
import { participationReadShape } from './participation-reader';

const count = () => z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A page of a precinct's poll book: a citizen was shown if on that list between firstShown and lastShown. */
const pollBookPage = z.strictObject({
  kind: z.literal('poll-book-page'),
  electionId: uuid().describe('The election whose poll book was read.'),
  precinctId: precinctCode().describe('The precinct whose poll book was read.'),
  after: z
    .string()
    .regex(/^(?:[0-9]{14})?$/)
    .describe('The personal number the page started after; empty for the first page.'),
  limit: z.number().int().min(1).max(500).describe('How many voters the page could hold.'),
  firstShown: personalNumber().nullable().describe('The first voter shown, in personal-number order.'),
  lastShown: personalNumber().nullable().describe('The last voter shown.'),
  shown: count().describe('How many voters the page showed.'),
});

/** A service's log exported: every event from fromPosition on, `events` of them. */
const logExport = z.strictObject({
  kind: z.literal('log-export'),
  fromPosition: count().describe('The log position of the first event exported.'),
  events: count().describe('How many events were exported from there, in log order.'),
});

/** A page of a precinct's excuse cases and claims: the voters shown are named, for each one's own view. */
const excuseCasesPage = z.strictObject({
  kind: z.literal('excuse-cases-page'),
  electionId: uuid().describe('The election whose absences the cases are about.'),
  precinctId: precinctCode().describe('The precinct whose cases were read.'),
  status: z
    .enum(['open', 'appealed'])
    .describe('Which cases: undecided ones, or appeals awaiting the district.'),
  limit: z.number().int().min(1).max(100).describe('How many cases the page could hold.'),
  shown: count().describe('How many cases the page showed.'),
  personalNumbers: z.array(personalNumber()).max(100).describe('The voters whose cases the page showed.'),
});

export const participationRangeRead = defineEvent({
  type: 'ParticipationRangeRead',
  owner: 'any',
  stream: PARTICIPATION_READS_STREAM,
  version: 1,
  schema: z.strictObject({
    ...participationReadShape,
    range: z
      .discriminatedUnion('kind', [pollBookPage, logExport, excuseCasesPage])
      .describe(
        "What was read: a page of a precinct's poll book or excuse cases, or a stretch of the service's log.",
      ),
  }),
  partitionKey: ({ range }) =>
    range.kind === 'log-export' ? range.kind : `${range.electionId}:${range.precinctId}`,
  partitionKeyDescription:
    '<electionId>:<precinctId> for a poll-book page or a page of excuse cases, log-export for a log export',
  description:
    "Someone read many people's participation at once (ARCHITECTURE invariant 7): a page of a poll book or an export of the log, with who (subject, role, scope), what for, which range and when. The citizen's view finds the ranges a person falls in.",
});

export type ParticipationRangeReadPayload = PayloadOf<typeof participationRangeRead>;
export type ParticipationRangeRead = NewEventOf<typeof participationRangeRead>;
