import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { personalNumber, precinctCode } from './voter-roll-fields';

const voterListedPayload = z.strictObject({
  electionId: uuid().describe('The election whose voter list this is.'),
  personalNumber: personalNumber().describe('The voter.'),
  precinctId: precinctCode().describe('The precinct whose finalized list holds the voter.'),
});

export const voterListed = defineEvent({
  type: 'VoterListed',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: voterListedPayload,
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: every list event of one voter is read in order',
  description:
    'A voter is on the finalized list of a precinct for an election: one event per voter, emitted when the ' +
    'precinct’s list is finalized, before its VoterListFinalized. The list’s Merkle leaf is the canonical JSON ' +
    'of exactly these three fields.',
});

export type VoterListedPayload = PayloadOf<typeof voterListed>;
export type VoterListed = NewEventOf<typeof voterListed>;
