import { z } from 'zod';

/** Where an election is held: the whole country, one region, or one district or city (a local election). */
export const electionTerritory = () =>
  z
    .discriminatedUnion('level', [
      z.strictObject({ level: z.literal('country') }),
      z.strictObject({
        level: z.literal('region'),
        code: z
          .string()
          .regex(/^[0-9]{2}$/, { error: 'expected a region code NN' })
          .describe('The region (PrecinctRegistered.regionCode): 01–07, 11 Bishkek city, 12 Osh city.'),
      }),
      z.strictObject({
        level: z.literal('district'),
        code: z
          .string()
          .regex(/^[0-9]{4}$/, { error: 'expected a district code NNNN' })
          .describe('The district or city (PrecinctRegistered.districtCode), NNNN.'),
      }),
    ])
    .describe(
      'The territory whose residents are on the lists: the whole country, a region or a district or city. ' +
        "A precinct is in it when its code starts with the territory's code.",
    );

export type ElectionTerritory = z.output<ReturnType<typeof electionTerritory>>;

/** The whole country: every election called before elections had a territory was national. */
export const WHOLE_COUNTRY: ElectionTerritory = { level: 'country' };
