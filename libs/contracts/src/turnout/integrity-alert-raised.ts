import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { text, uuid } from '../field-formats';
import { instantField, POLLS_KEY_DESCRIPTION, pollsKey, precinctIdField } from './check-in-fields';

/** The integrity signals turnout watches for on polling day (issue "polling day"; DOMAIN "election forensics"). */
export const INTEGRITY_SIGNALS = [
  'high-turnout',
  'check-in-rate',
  'check-in-after-close',
  'inclusion-share',
  'mobile-box-share',
  'last-hour-spike',
] as const;
export type IntegritySignal = (typeof INTEGRITY_SIGNALS)[number];

export const integrityAlertRaised = defineEvent({
  type: 'IntegrityAlertRaised',
  owner: 'turnout',
  stream: 'integrity-alerts',
  version: 1,
  schema: z.strictObject({
    electionId: uuid().describe('The election (ElectionCalled).'),
    precinctId: precinctIdField().describe('The precinct the signal is about.'),
    signal: z
      .enum(INTEGRITY_SIGNALS)
      .describe(
        'high-turnout (≥ threshold of the list), check-in-rate (more per minute than a station can process), ' +
          'check-in-after-close, inclusion-share, mobile-box-share, last-hour-spike.',
      ),
    observedAt: instantField().describe(
      'The polling-day moment the evidence refers to (a check-in time or the close), not when it was computed.',
    ),
    evidence: z
      .record(z.string().min(1).max(60), z.union([z.number(), z.string().max(200)]))
      .describe('The figures behind the alert (counts, shares, thresholds, minutes), all from the log.'),
    summary: text(10, 500).describe('The alert in one sentence, for the CEC dashboard.'),
  }),
  partitionKey: pollsKey,
  partitionKeyDescription: POLLS_KEY_DESCRIPTION,
  // check-in times, device sequences, polling-day moments: docs/ballot-secrecy.md
  ownerOnly: true,
  description:
    'An integrity signal at one precinct: a pattern that election forensics look at, with its evidence. It ' +
    'raises a question for the CEC and observers; it changes no check-in. Raised once per precinct and signal ' +
    '(check-in-rate: once per minute).',
});

export type IntegrityAlertRaisedPayload = PayloadOf<typeof integrityAlertRaised>;
export type IntegrityAlertRaised = NewEventOf<typeof integrityAlertRaised>;
