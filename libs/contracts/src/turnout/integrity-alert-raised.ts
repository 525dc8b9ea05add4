import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { text, uuid } from '../field-formats';
import { instantField, POLLS_KEY_DESCRIPTION, pollsKey, precinctIdField } from './check-in-fields';

/** The integrity signals turnout watches for on polling day (issue "polling day"; DOMAIN "election forensics"). */
export const INTEGRITY_SIGNALS = [
  'high-turnout',
  'check-in-rate',
  'check-in-after-close',
  'check-in-before-opening',
  'inclusion-share',
  'mobile-box-share',
  'last-hour-spike',
] as const;
export type IntegritySignal = (typeof INTEGRITY_SIGNALS)[number];

// the signals of schema v1, exactly as they were: never edit an old schema
const SIGNALS_V1 = [
  'high-turnout',
  'check-in-rate',
  'check-in-after-close',
  'inclusion-share',
  'mobile-box-share',
  'last-hour-spike',
] as const;

const alertSchema = <TSignals extends readonly [string, ...string[]]>(
  signals: TSignals,
  signalDescription: string,
) =>
  z.strictObject({
    electionId: uuid().describe('The election (ElectionCalled).'),
    precinctId: precinctIdField().describe('The precinct the signal is about.'),
    signal: z.enum(signals).describe(signalDescription),
    observedAt: instantField().describe(
      'The polling-day moment the evidence refers to (a check-in time or the close), not when it was computed.',
    ),
    evidence: z
      .record(z.string().min(1).max(60), z.union([z.number(), z.string().max(200)]))
      .describe('The figures behind the alert (counts, shares, thresholds, minutes), all from the log.'),
    summary: text(10, 500).describe('The alert in one sentence, for the CEC dashboard.'),
  });

const V1 = alertSchema(
  SIGNALS_V1,
  'high-turnout (≥ threshold of the list), check-in-rate (more per minute than a station can process), ' +
    'check-in-after-close, inclusion-share, mobile-box-share, last-hour-spike.',
);

// v2 adds check-in-before-opening: every v1 payload reads unchanged
const V2 = alertSchema(
  INTEGRITY_SIGNALS,
  'high-turnout (≥ threshold of the list), check-in-rate (more per minute than a station can process), ' +
    'check-in-after-close, check-in-before-opening (a poll book claims a time on polling day before the ' +
    'opening), inclusion-share, mobile-box-share, last-hour-spike.',
);

export const integrityAlertRaised = defineEvent({
  type: 'IntegrityAlertRaised',
  owner: 'turnout',
  stream: 'integrity-alerts',
  version: 2,
  schema: V2,
  upcasters: [upcaster({ fromVersion: 1, fromSchema: V1, toSchema: V2, upcast: (v1) => v1 })],
  partitionKey: pollsKey,
  partitionKeyDescription: POLLS_KEY_DESCRIPTION,
  // check-in times, device sequences, polling-day moments: docs/ballot-secrecy.md
  ownerOnly: true,
  description:
    'An integrity signal at one precinct: a pattern that election forensics look at, with its evidence. It ' +
    'raises a question for the CEC and observers; it changes no check-in. Raised once per precinct and signal ' +
    '(check-in-rate: once per minute; check-in-before-opening: once per poll book).',
});

export type IntegrityAlertRaisedPayload = PayloadOf<typeof integrityAlertRaised>;
export type IntegrityAlertRaised = NewEventOf<typeof integrityAlertRaised>;
