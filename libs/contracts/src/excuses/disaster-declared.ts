import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { text } from '../field-formats';
import { actedBy, precinctCode } from '../voter-roll/voter-roll-fields';
import { instant } from './absence-case-fields';

/** The most precincts one declaration names: every precinct of the country with room to spare. */
export const MAX_DISASTER_PRECINCTS = 5000;

export const disasterDeclared = defineEvent({
  type: 'DisasterDeclared',
  owner: 'excuses',
  stream: 'registry-facts',
  version: 1,
  ownerOnly: true,
  schema: z.strictObject({
    decisionNumber: text(1, 40).describe("The CEC's decision number: what an excuse it establishes cites."),
    precincts: z
      .array(precinctCode())
      .min(1)
      .max(MAX_DISASTER_PRECINCTS)
      .describe('The precincts the disaster kept voters from, each NNNN-NNN.'),
    from: instant().describe('Start of the disaster period, in UTC.'),
    to: instant().describe('End of the disaster period, in UTC; later than from.'),
    declaredBy: actedBy('The CEC operator who recorded the decision.'),
  }),
  partitionKey: (payload) => payload.decisionNumber,
  partitionKeyDescription: 'decisionNumber: one CEC decision',
  description:
    'The CEC declared that a natural disaster kept the voters of these precincts from appearing during the period ' +
    '(draft law, valid reasons for not appearing).',
});

export type DisasterDeclaredPayload = PayloadOf<typeof disasterDeclared>;
export type DisasterDeclared = NewEventOf<typeof disasterDeclared>;
