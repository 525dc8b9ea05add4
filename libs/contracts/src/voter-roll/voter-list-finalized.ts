import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { precinctCode } from './voter-roll-fields';

const voterListFinalizedPayload = z.strictObject({
  electionId: uuid().describe('The election.'),
  precinctId: precinctCode().describe('The precinct whose list is now final.'),
  voterCount: z.number().int().min(0).describe('How many VoterListed events the list has.'),
  merkleRoot: z
    .base64()
    .max(88)
    .describe(
      'RFC 6962 Merkle tree root (SHA-256, base64) over the list’s entries sorted by personal number; each ' +
        'leaf is the RFC 6962 leaf hash of the RFC 8785 canonical JSON of { electionId, personalNumber, ' +
        'precinctId }. Anyone can recompute it from the VoterListed events.',
    ),
});

export const voterListFinalized = defineEvent({
  type: 'VoterListFinalized',
  owner: 'voter-roll',
  stream: 'voter-lists',
  version: 1,
  schema: voterListFinalizedPayload,
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: every precinct’s finalization of one election is read in order',
  description:
    'A precinct’s voter list for an election is final: its size and Merkle root. After this only absentee ' +
    'certificates and polling-day inclusions change who votes where.',
});

export type VoterListFinalizedPayload = PayloadOf<typeof voterListFinalized>;
export type VoterListFinalized = NewEventOf<typeof voterListFinalized>;
