import { ELECTION_KINDS, electionTerritory, ianaTimeZone, timeOfDay, WHOLE_COUNTRY } from '@vl/contracts';
import { z } from 'zod';

/** POST /elections: the polling hours and time zone default to the law's 07:00–20:00 Asia/Bishkek, the territory to the whole country. */
export const callElectionRequest = z.strictObject({
  kind: z.enum(ELECTION_KINDS),
  title: z.string().trim().min(1).max(200),
  electionDate: z.iso.date('expected a date YYYY-MM-DD'),
  // validated here, before anything computes with it (an unknown zone is a 400 naming timeZone, not a 500)
  timeZone: ianaTimeZone().default('Asia/Bishkek'),
  pollsOpenAt: timeOfDay().default('07:00'),
  pollsCloseAt: timeOfDay().default('20:00'),
  // the code's format here; whether the geography knows it is checked when the lists are compiled
  territory: electionTerritory().default(WHOLE_COUNTRY),
});

export type CallElectionRequest = z.infer<typeof callElectionRequest>;
