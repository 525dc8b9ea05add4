import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import {
  actorField,
  actorOfV1,
  instantField,
  POLLS_KEY_DESCRIPTION,
  pollsKey,
  pollWorkerField,
  precinctIdField,
} from './check-in-fields';

const pollsClosedFields = {
  electionId: uuid().describe('The election (ElectionCalled).'),
  precinctId: precinctIdField().describe('The precinct whose polling station closed.'),
  closedAt: instantField().describe('When the commission closed the polls (server time).'),
};

const pollsClosedV1 = z.strictObject({
  ...pollsClosedFields,
  closedBy: pollWorkerField().describe("The subject of the commission member's token."),
});

// v2 records the role as well as the subject
const pollsClosedPayload = z.strictObject({
  ...pollsClosedFields,
  closedBy: actorField("The commission member who closed the polls: the token's subject and role."),
});

export const pollsClosed = defineEvent({
  type: 'PollsClosed',
  owner: 'turnout',
  stream: 'polls',
  version: 2,
  schema: pollsClosedPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: pollsClosedV1,
      toSchema: pollsClosedPayload,
      // only the commission's endpoint closed polls
      upcast: (v1) => ({ ...v1, closedBy: actorOfV1(v1.closedBy, 'commission') }),
    }),
  ],
  partitionKey: pollsKey,
  partitionKeyDescription: POLLS_KEY_DESCRIPTION,
  // check-in times, device sequences, polling-day moments: docs/ballot-secrecy.md
  ownerOnly: true,
  description:
    "A precinct commission closed the polls, at or after the election's official closing time. Check-ins made " +
    'before the official close still arrive from offline poll books during a grace period; after it the ' +
    "precinct's check-ins are complete.",
});

export type PollsClosedPayload = PayloadOf<typeof pollsClosed>;
export type PollsClosed = NewEventOf<typeof pollsClosed>;
