import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import {
  instantField,
  POLLS_KEY_DESCRIPTION,
  pollsKey,
  pollWorkerField,
  precinctIdField,
} from './check-in-fields';

export const pollsOpened = defineEvent({
  type: 'PollsOpened',
  owner: 'turnout',
  stream: 'polls',
  version: 1,
  schema: z.strictObject({
    electionId: uuid().describe('The election (ElectionCalled).'),
    precinctId: precinctIdField().describe('The precinct whose polling station opened.'),
    openedAt: instantField().describe('When the commission opened the polls (server time).'),
    openedBy: pollWorkerField().describe("The subject of the commission member's token."),
  }),
  partitionKey: pollsKey,
  partitionKeyDescription: POLLS_KEY_DESCRIPTION,
  description:
    "A precinct commission opened the polls, at or after the election's official opening time; check-ins are " +
    'accepted from then on.',
});

export type PollsOpenedPayload = PayloadOf<typeof pollsOpened>;
export type PollsOpened = NewEventOf<typeof pollsOpened>;
