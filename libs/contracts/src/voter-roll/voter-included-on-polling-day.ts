import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { text, uuid } from '../field-formats';
import { actedBy, unrecordedActor, personalNumber, precinctCode } from './voter-roll-fields';

const voterIncludedOnPollingDayV1 = z.strictObject({
  electionId: uuid().describe('The election.'),
  personalNumber: personalNumber().describe('The voter, on no list of this election before.'),
  precinctId: precinctCode().describe('The precinct whose list the voter was added to.'),
  addressReference: text(1, 200).describe(
    'The reference of the address certificate the commission saw (number and issuing office).',
  ),
});

// v2 records who included the voter
const voterIncludedOnPollingDayPayload = z.strictObject({
  ...voterIncludedOnPollingDayV1.shape,
  includedBy: actedBy('The commission member who included the voter: token subject and role.'),
});

export const voterIncludedOnPollingDay = defineEvent({
  type: 'VoterIncludedOnPollingDay',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 2,
  schema: voterIncludedOnPollingDayPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: voterIncludedOnPollingDayV1,
      toSchema: voterIncludedOnPollingDayPayload,
      // a v1 event did not record who included the voter: the role its endpoint admitted, subject unrecorded
      upcast: (v1) => ({ ...v1, includedBy: unrecordedActor('commission') }),
    }),
  ],
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: every list event of one voter is read in order',
  description:
    'A voter on no list of the election was added to a precinct’s list on polling day on an address reference; ' +
    'checked nationally, since same-day inclusion is a known route to voting twice.',
});

export type VoterIncludedOnPollingDayPayload = PayloadOf<typeof voterIncludedOnPollingDay>;
export type VoterIncludedOnPollingDay = NewEventOf<typeof voterIncludedOnPollingDay>;
