import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { personalNumber } from './voter-roll-fields';

// the disability flag alone, on a topic of its own: excuses reads it without reading names or residences
const registeredDisabilityRecordedPayload = z.strictObject({
  personalNumber: personalNumber().describe(
    'The citizen the flag is about; excuses matches it to an absence’s personal number (birth date and sex are ' +
      'inside it). Nothing else of the citizen leaves voter-roll for excuses.',
  ),
  registeredDisability: z
    .boolean()
    .describe(
      'On the disability registry: excuses establishes valid reason 1 ("persons with disabilities", draft law) ' +
        'from it without a filing; false when the citizen left the registry.',
    ),
});

export const registeredDisabilityRecorded = defineEvent({
  type: 'RegisteredDisabilityRecorded',
  owner: 'voter-roll',
  stream: 'disability-registry',
  version: 1,
  schema: registeredDisabilityRecordedPayload,
  partitionKey: (payload) => payload.personalNumber,
  partitionKeyDescription: 'personalNumber: one citizen’s flags are read in order, the latest wins',
  description:
    'A civil-registry import put a citizen on the disability registry (registered with the flag) or changed the ' +
    'flag (on or off); appended with the citizen’s CitizenRegistered or CitizenRecordChanged. Citizens ' +
    'registered without the flag have none.',
});

export type RegisteredDisabilityRecordedPayload = PayloadOf<typeof registeredDisabilityRecorded>;
export type RegisteredDisabilityRecorded = NewEventOf<typeof registeredDisabilityRecorded>;
