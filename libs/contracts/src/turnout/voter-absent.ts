import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { isoDate } from '../field-formats';
import { checkInShape, precinctIdField, VOTER_KEY_DESCRIPTION, voterKey } from './check-in-fields';

export const voterAbsent = defineEvent({
  type: 'VoterAbsent',
  owner: 'turnout',
  stream: 'absences',
  version: 1,
  schema: z.strictObject({
    ...checkInShape,
    electionDate: isoDate().describe(
      "The election's polling day in its own time zone: the excuse window counts from it.",
    ),
    precinctId: precinctIdField().describe(
      "The precinct whose list held the voter at the close: the home list, the absentee certificate's precinct, or the polling-day inclusion.",
    ),
  }),
  partitionKey: voterKey,
  partitionKeyDescription: VOTER_KEY_DESCRIPTION,
  description:
    'A registered voter did not take part: on a finalized list (or included on polling day) and without a standing ' +
    'check-in when participation was finalized. The start of the excuse process (DOMAIN "Absences and excuses"); ' +
    'derived after ParticipationFinalized, never before.',
});

export type VoterAbsentPayload = PayloadOf<typeof voterAbsent>;
export type VoterAbsent = NewEventOf<typeof voterAbsent>;
