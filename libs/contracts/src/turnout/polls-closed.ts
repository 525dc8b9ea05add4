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

export const pollsClosed = defineEvent({
  type: 'PollsClosed',
  owner: 'turnout',
  stream: 'polls',
  version: 1,
  schema: z.strictObject({
    electionId: uuid().describe('The election (ElectionCalled).'),
    precinctId: precinctIdField().describe('The precinct whose polling station closed.'),
    closedAt: instantField().describe('When the commission closed the polls (server time).'),
    closedBy: pollWorkerField().describe("The subject of the commission member's token."),
  }),
  partitionKey: pollsKey,
  partitionKeyDescription: POLLS_KEY_DESCRIPTION,
  description:
    "A precinct commission closed the polls, at or after the election's official closing time. Check-ins made " +
    'before the official close still arrive from offline poll books during a grace period; after it the ' +
    "precinct's check-ins are complete.",
});

export type PollsClosedPayload = PayloadOf<typeof pollsClosed>;
export type PollsClosed = NewEventOf<typeof pollsClosed>;
