import { z } from 'zod';
import { defineEvent, upcaster, type NewEventOf, type PayloadOf } from '../define-event';
import { ianaTimeZone, text } from '../field-formats';
import { precinctCode } from './voter-roll-fields';

/** The zone precincts kept before they carried their own: the home country's (DOMAIN: 07:00–20:00 Asia/Bishkek). */
export const HOME_TIME_ZONE = 'Asia/Bishkek';

const precinctFields = {
  precinctId: precinctCode().describe('The precinct code NNNN-NNN (district code, precinct number).'),
  regionCode: z
    .string()
    .regex(/^[0-9]{2}$/, { error: 'expected a region code NN' })
    .describe('01–07 the seven regions, 11 Bishkek city, 12 Osh city, 99 abroad.'),
  regionName: text(1, 100),
  districtCode: z
    .string()
    .regex(/^[0-9]{4}$/, { error: 'expected a district code NNNN' })
    .describe('NNNN, its first two digits the region code.'),
  districtName: text(1, 100),
  abroad: z.boolean().describe('A consular precinct outside the country (region 99).'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code' })
    .describe('ISO 3166-1 alpha-2: KG at home, the host country abroad.'),
  address: text(1, 300).describe('Where the polling station is.'),
};

const precinctCodeRule = {
  path: ['districtCode'],
  error: 'expected the first four digits of precinctId',
};
const abroadRule = { path: ['abroad'], error: 'expected abroad exactly when regionCode is 99' };

const precinctRegisteredV1 = z
  .strictObject(precinctFields)
  .refine(({ precinctId, districtCode }) => precinctId.slice(0, 4) === districtCode, precinctCodeRule)
  .refine(({ abroad, regionCode }) => abroad === (regionCode === '99'), abroadRule);

// v2 carries the precinct's own time zone: its polling hours are local to it (abroad, its host city's)
const precinctRegisteredPayload = z
  .strictObject({
    ...precinctFields,
    timeZone: ianaTimeZone().describe(
      "IANA zone of the precinct's polling hours: Asia/Bishkek at home, the host city's abroad (Europe/Moscow).",
    ),
  })
  .refine(({ precinctId, districtCode }) => precinctId.slice(0, 4) === districtCode, precinctCodeRule)
  .refine(({ abroad, regionCode }) => abroad === (regionCode === '99'), abroadRule);

export const precinctRegistered = defineEvent({
  type: 'PrecinctRegistered',
  owner: 'voter-roll',
  stream: 'precincts',
  version: 2,
  schema: precinctRegisteredPayload,
  upcasters: [
    upcaster({
      fromVersion: 1,
      fromSchema: precinctRegisteredV1,
      toSchema: precinctRegisteredPayload,
      // every precinct kept the home country's hours until then; a geography re-import registers its own zone
      upcast: (v1) => ({ ...v1, timeZone: HOME_TIME_ZONE }),
    }),
  ],
  partitionKey: (payload) => payload.precinctId,
  partitionKeyDescription: 'precinctId: every event of one precinct is read in order',
  description:
    'A precinct from the geography import, or its new details when a later import changed them (the latest ' +
    'PrecinctRegistered of a precinct is its current record).',
});

export type PrecinctRegisteredPayload = PayloadOf<typeof precinctRegistered>;
export type PrecinctRegistered = NewEventOf<typeof precinctRegistered>;
