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

const pollsOpenedFields = {
  electionId: uuid().describe('The election (ElectionCalled).'),
  precinctId: precinctIdField().describe('The precinct whose polling station opened.'),
  openedAt: instantField().describe('When the commission opened the polls (server time).'),
};

const pollsOpenedV1 = z.strictObject({
  ...pollsOpenedFields,
  openedBy: pollWorkerField().describe("The subject of the commission member's token."),
});

// v2 records the role as well as the subject
const pollsOpenedPayload = z.strictObject({
  ...pollsOpenedFields,
  openedBy: actorField("The commission member who opened the polls: the token's subject and role."),
});

export const pollsOpened = defineEvent({
  type: 'PollsOpened',
  owner: 'turnout',
  stream: 'polls',
  version: 2,
  schema: pollsOpenedPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: pollsOpenedV1,
      toSchema: pollsOpenedPayload,
      // only the commission's endpoint opened polls
      upcast: (v1) => ({ ...v1, openedBy: actorOfV1(v1.openedBy, 'commission') }),
    }),
  ],
  partitionKey: pollsKey,
  partitionKeyDescription: POLLS_KEY_DESCRIPTION,
  // check-in times, device sequences, polling-day moments: docs/ballot-secrecy.md
  ownerOnly: true,
  description:
    "A precinct commission opened the polls, at or after the election's official opening time; check-ins are " +
    'accepted from then on.',
});

export type PollsOpenedPayload = PayloadOf<typeof pollsOpened>;
export type PollsOpened = NewEventOf<typeof pollsOpened>;
