import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { instantField } from './check-in-fields';

const count = () => z.number().int().min(0);

export const participationFinalized = defineEvent({
  type: 'ParticipationFinalized',
  owner: 'turnout',
  stream: 'participation',
  version: 1,
  schema: z.strictObject({
    electionId: uuid().describe('The election (ElectionCalled).'),
    finalizedAt: instantField().describe('When the CEC finalized participation (server time).'),
    finalizedBy: z.string().min(1).max(200).describe("The subject of the CEC operator's token."),
    precincts: count().describe('Precincts with a finalized voter list in this election.'),
    registered: count().describe(
      'Voters on the finalized lists, plus polling-day inclusions: each voter once, nationwide.',
    ),
    participated: count().describe('Voters with a standing check-in when participation was finalized.'),
    absent: count().describe(
      'registered − participated: exactly this many VoterAbsent events follow for this election.',
    ),
  }),
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: one election per key',
  description:
    "The election's participation is final: every precinct's polls closed and their grace period is over. Turnout " +
    'then derives one VoterAbsent per registered voter without a standing check-in (DOMAIN "Participation"); ' +
    '`absent` tells consumers how many to expect.',
});

export type ParticipationFinalizedPayload = PayloadOf<typeof participationFinalized>;
export type ParticipationFinalized = NewEventOf<typeof participationFinalized>;
