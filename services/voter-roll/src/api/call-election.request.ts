import { ELECTION_KINDS } from '@vl/contracts';
import { z } from 'zod';

/** POST /elections: the polling hours and time zone default to the law's 07:00–20:00 Asia/Bishkek. */
export const callElectionRequest = z.strictObject({
  kind: z.enum(ELECTION_KINDS),
  title: z.string().trim().min(1).max(200),
  electionDate: z.iso.date('expected a date YYYY-MM-DD'),
  timeZone: z.string().default('Asia/Bishkek'),
  pollsOpenAt: z.string().default('07:00'),
  pollsCloseAt: z.string().default('20:00'),
});

export type CallElectionRequest = z.infer<typeof callElectionRequest>;
