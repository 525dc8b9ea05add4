import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { text, uuid } from '../field-formats';
import { personalNumber, precinctCode } from './voter-roll-fields';

const voterIncludedOnPollingDayPayload = z.strictObject({
  electionId: uuid().describe('The election.'),
  personalNumber: personalNumber().describe('The voter, on no list of this election before.'),
  precinctId: precinctCode().describe('The precinct whose list the voter was added to.'),
  addressReference: text(1, 200).describe(
    'The reference of the address certificate the commission saw (number and issuing office).',
  ),
});

export const voterIncludedOnPollingDay = defineEvent({
  type: 'VoterIncludedOnPollingDay',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: voterIncludedOnPollingDayPayload,
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: every list event of one voter is read in order',
  description:
    'A voter on no list of the election was added to a precinct’s list on polling day on an address reference; ' +
    'checked nationally, since same-day inclusion is a known route to voting twice.',
});

export type VoterIncludedOnPollingDayPayload = PayloadOf<typeof voterIncludedOnPollingDay>;
export type VoterIncludedOnPollingDay = NewEventOf<typeof voterIncludedOnPollingDay>;
