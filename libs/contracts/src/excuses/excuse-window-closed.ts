import { z } from 'zod';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import {
  ABSENCE_CASE_KEY_DESCRIPTION,
  absenceCaseKey,
  absenceCaseShape,
  instant,
} from './absence-case-fields';

export const excuseWindowClosed = defineEvent({
  type: 'ExcuseWindowClosed',
  owner: 'excuses',
  stream: 'absence-cases',
  version: 1,
  schema: z.strictObject({
    ...absenceCaseShape,
    closesAt: instant().describe('The last instant an excuse counted as filed in time (ExcuseWindowOpened).'),
    closedAt: instant().describe("The service's clock when the window's deadline fired: after closesAt."),
  }),
  partitionKey: absenceCaseKey,
  partitionKeyDescription: ABSENCE_CASE_KEY_DESCRIPTION,
  description:
    "An absence's excuse window closed: no excuse filed after closesAt counts. Recorded once, when the durable " +
    'deadline excuses.window-closes fires.',
});

export type ExcuseWindowClosedPayload = PayloadOf<typeof excuseWindowClosed>;
export type ExcuseWindowClosed = NewEventOf<typeof excuseWindowClosed>;
