import { ELECTION_KINDS, ianaTimeZone, timeOfDay } from '@vl/contracts';
import { z } from 'zod';

/** POST /elections: the polling hours and time zone default to the law's 07:00–20:00 Asia/Bishkek. */
export const callElectionRequest = z.strictObject({
  kind: z.enum(ELECTION_KINDS),
  title: z.string().trim().min(1).max(200),
  electionDate: z.iso.date('expected a date YYYY-MM-DD'),
  // validated here, before anything computes with it (an unknown zone is a 400 naming timeZone, not a 500)
  timeZone: ianaTimeZone().default('Asia/Bishkek'),
  pollsOpenAt: timeOfDay().default('07:00'),
  pollsCloseAt: timeOfDay().default('20:00'),
});

export type CallElectionRequest = z.infer<typeof callElectionRequest>;
