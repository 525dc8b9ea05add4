import { z } from 'zod';
import { definePolicyKind, type PolicyContentOf } from '../policy/define-policy-kind';

const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
const percent = () => z.number().min(0).max(100);

export const checkInPolicyKind = definePolicyKind({
  kind: 'turnout.check-in',
  owner: 'turnout',
  adoptedBy: 'cec',
  eventType: 'CheckInPolicyAdopted',
  content: z.strictObject({
    graceAfterCloseMinutes: wholeNumber(0, 24 * 60).describe(
      'After PollsClosed, how many minutes check-ins made before the official close may still arrive (offline poll books).',
    ),
    deviceClockMaxAheadSeconds: wholeNumber(0, 3600).describe(
      "How many seconds a poll book's clock may run ahead of the server's and still be trusted.",
    ),
    deviceClockMaxBehindHours: wholeNumber(0, 72).describe(
      'How many hours before the server received it a poll book may claim to have checked a voter in.',
    ),
  }),
  description:
    "Turnout's polling-day tolerances: the grace period after the close and the poll books' clocks.",
});

export const integrityThresholdsKind = definePolicyKind({
  kind: 'turnout.integrity-thresholds',
  owner: 'turnout',
  adoptedBy: 'cec',
  eventType: 'IntegrityThresholdsAdopted',
  content: z.strictObject({
    highTurnoutPercent: percent().describe('A precinct at or above this share of its registered voters.'),
    checkInsPerMinute: wholeNumber(1, 10_000).describe(
      'More check-ins than this in one minute at one precinct: more than a station can physically process.',
    ),
    inclusionSharePercent: percent().describe(
      "Polling-day inclusions above this share of a precinct's check-ins.",
    ),
    mobileBoxSharePercent: percent().describe(
      "Mobile-box check-ins above this share of a precinct's check-ins.",
    ),
    lastHourSharePercent: percent().describe(
      "Check-ins of the last polling hour above this share of a precinct's check-ins.",
    ),
    shareMinCheckIns: wholeNumber(0, 1_000_000).describe(
      'The share signals need at least this many check-ins at the precinct: small numbers make wild shares.',
    ),
  }),
  description: 'When turnout raises an integrity alert (election forensics): the thresholds of each signal.',
});

export type CheckInPolicyContent = PolicyContentOf<typeof checkInPolicyKind>;
export type IntegrityThresholdsContent = PolicyContentOf<typeof integrityThresholdsKind>;
