import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';
import { actorField, actorOfV1, instantField } from './check-in-fields';

const count = () => z.number().int().min(0);

const participationFinalizedFields = {
  electionId: uuid().describe('The election (ElectionCalled).'),
  finalizedAt: instantField().describe('When the CEC finalized participation (server time).'),
  precincts: count().describe('Precincts with a finalized voter list in this election.'),
  registered: count().describe(
    'Voters on the finalized lists, plus polling-day inclusions: each voter once, nationwide.',
  ),
  participated: count().describe('Voters with a standing check-in when participation was finalized.'),
  absent: count().describe(
    'registered − participated: exactly this many VoterAbsent events follow for this election.',
  ),
};

const participationFinalizedV1 = z.strictObject({
  ...participationFinalizedFields,
  finalizedBy: z.string().min(1).max(200).describe("The subject of the CEC operator's token."),
});

// v2 records the role as well as the subject
const participationFinalizedPayload = z.strictObject({
  ...participationFinalizedFields,
  finalizedBy: actorField("The CEC operator who finalized participation: the token's subject and role."),
});

export const participationFinalized = defineEvent({
  type: 'ParticipationFinalized',
  owner: 'turnout',
  stream: 'participation',
  version: 2,
  schema: participationFinalizedPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: participationFinalizedV1,
      toSchema: participationFinalizedPayload,
      // only the CEC operator's endpoint finalized participation
      upcast: (v1) => ({ ...v1, finalizedBy: actorOfV1(v1.finalizedBy, 'cec-operator') }),
    }),
  ],
  partitionKey: (payload) => payload.electionId,
  partitionKeyDescription: 'electionId: one election per key',
  description:
    "The election's participation is final: every precinct's polls closed and their grace period is over. Turnout " +
    'then derives one VoterAbsent per registered voter without a standing check-in (DOMAIN "Participation"); ' +
    '`absent` tells consumers how many to expect.',
});

export type ParticipationFinalizedPayload = PayloadOf<typeof participationFinalized>;
export type ParticipationFinalized = NewEventOf<typeof participationFinalized>;
