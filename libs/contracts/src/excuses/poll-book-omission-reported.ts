import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { isoDate, uuid } from '../field-formats';
import { precinctCode } from '../voter-roll/voter-roll-fields';

export const pollBookOmissionReported = defineEvent({
  type: 'PollBookOmissionReported',
  owner: 'excuses',
  stream: 'integrity-alerts',
  version: 1,
  schema: z.strictObject({
    electionId: uuid().describe('The election whose poll book missed a voter.'),
    precinctId: precinctCode().describe(
      'The precinct whose poll book missed the voter: the CEC checks its books.',
    ),
    claimId: uuid().describe('The upheld claim; who claimed stays in excuses.'),
    reportedOn: isoDate().describe('The local date the claim was upheld.'),
  }),
  partitionKey: (payload) => payload.precinctId,
  partitionKeyDescription: "precinctId: one precinct's reports are read in order",
  description:
    'An integrity alert for the CEC: a precinct commission upheld an "I did vote" claim, so that precinct\'s poll ' +
    'book missed a voter who took part. Names no person.',
});

export type PollBookOmissionReportedPayload = PayloadOf<typeof pollBookOmissionReported>;
export type PollBookOmissionReported = NewEventOf<typeof pollBookOmissionReported>;
