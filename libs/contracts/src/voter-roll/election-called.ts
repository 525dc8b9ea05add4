import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { ianaTimeZone, isoDate, minutesOfDay, text, timeOfDay, uuid } from '../field-formats';
import { electionTerritory, WHOLE_COUNTRY } from './election-territory';
import { actedBy, unrecordedActor } from './voter-roll-fields';

export const ELECTION_KINDS = ['parliamentary', 'presidential', 'local', 'referendum'] as const;

const electionCalledFields = {
  electionId: uuid().describe('The election, minted by voter-roll when it is called.'),
  kind: z.enum(ELECTION_KINDS).describe('The duty to participate covers elections and referendums alike.'),
  title: text(1, 200).describe('The official title as the CEC announced it.'),
  electionDate: isoDate().describe('Polling day, a calendar date in timeZone.'),
  timeZone: ianaTimeZone().describe(
    'IANA zone of the polling-day times, usually Asia/Bishkek (UTC+6, no DST).',
  ),
  pollsOpenAt: timeOfDay().describe('Local time polls open, HH:MM (07:00 by default).'),
  pollsCloseAt: timeOfDay().describe('Local time polls close, HH:MM (20:00 by default); after pollsOpenAt.'),
};

// a malformed time is already reported by its own field
const pollsCloseAfterOpen = ({
  pollsOpenAt,
  pollsCloseAt,
}: {
  pollsOpenAt: string;
  pollsCloseAt: string;
}) => {
  const open = minutesOfDay(pollsOpenAt);
  const close = minutesOfDay(pollsCloseAt);
  return open === null || close === null || close > open;
};
const pollsCloseAfterOpenRule = {
  path: ['pollsCloseAt'],
  error: 'expected polls to close after they open (pollsOpenAt), on the same day',
};

const electionCalledV1 = z
  .strictObject(electionCalledFields)
  .refine(pollsCloseAfterOpen, pollsCloseAfterOpenRule);

// v2 records who called it
const electionCalledV2 = z
  .strictObject({
    ...electionCalledFields,
    calledBy: actedBy('The CEC operator who called it: token subject and role.'),
  })
  .refine(pollsCloseAfterOpen, pollsCloseAfterOpenRule);

// v3 records where it is held: a local election lists only its territory's residents
const electionCalledPayload = z
  .strictObject({
    ...electionCalledFields,
    territory: electionTerritory(),
    calledBy: actedBy('The CEC operator who called it: token subject and role.'),
  })
  .refine(pollsCloseAfterOpen, pollsCloseAfterOpenRule);

export const electionCalled = defineEvent({
  type: 'ElectionCalled',
  owner: 'voter-roll',
  stream: 'elections',
  version: 3,
  schema: electionCalledPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: electionCalledV1,
      toSchema: electionCalledV2,
      // a v1 event did not record who called the election: the role its endpoint admitted, subject unrecorded
      upcast: (v1) => ({ ...v1, calledBy: unrecordedActor('cec-operator') }),
    }),
    upcaster({
      fromVersion: 2,
      fromSchema: electionCalledV2,
      toSchema: electionCalledPayload,
      // every election called before territories was national
      upcast: (v2) => ({ ...v2, territory: WHOLE_COUNTRY }),
    }),
  ],
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: every event of one election is read in order',
  description:
    'An election or referendum was called: its date, polling hours in local time and territory. Every later event of the ' +
    'election (voter lists, check-ins, absences) refers to electionId.',
});

export type ElectionCalledPayload = PayloadOf<typeof electionCalled>;
export type ElectionCalled = NewEventOf<typeof electionCalled>;
