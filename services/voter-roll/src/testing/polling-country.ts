import {
  citizenLine,
  civilRegistryCsv,
  personalNumberOf,
  PRECINCTS_CSV,
  type CitizenFixture,
} from './registry-files';
import type { ServiceUnderTest } from '@vl/testing';

export const ELECTION_DATE = '2030-11-24';

/** A small country around polling day 2030-11-24: every eligibility boundary has a citizen. */
export const CITIZENS = {
  turns18OnPollingDay: { sex: 'F', birthDate: '2012-11-24', serial: 1 },
  turns18DayAfter: { sex: 'M', birthDate: '2012-11-25', serial: 2 },
  leapDayBorn: { sex: 'M', birthDate: '2012-02-29', serial: 3 },
  declaredIncapable: { sex: 'F', birthDate: '1980-01-01', serial: 4, declaredIncapable: true },
  inCustody: { sex: 'M', birthDate: '1975-05-05', serial: 5, inCustody: true },
  aigul: {
    sex: 'F',
    birthDate: '1990-03-15',
    serial: 6,
    surname: 'Asanova',
    givenName: 'Aigul',
    patronymic: 'Bakytovna',
  },
  bakyt: { sex: 'M', birthDate: '1985-07-01', serial: 7, residence: '1101-004' },
  abroad: { sex: 'F', birthDate: '1960-10-10', serial: 8, residence: '9999-012', registeredDisability: true },
  koyTash: { sex: 'M', birthDate: '1970-06-06', serial: 9, residence: '0101-002' },
} satisfies Record<string, CitizenFixture>;

export const pin = (name: keyof typeof CITIZENS) => personalNumberOf(CITIZENS[name]);

/** Imports the geography and the given citizens over HTTP and calls the election; returns its id. */
export async function pollingCountry(
  voterRoll: ServiceUnderTest,
  citizens: readonly (keyof typeof CITIZENS)[] = Object.keys(CITIZENS) as (keyof typeof CITIZENS)[],
): Promise<string> {
  await voterRoll.request('POST', '/imports/precincts', { csv: PRECINCTS_CSV });
  const registry = await voterRoll.request('POST', '/imports/civil-registry', {
    csv: civilRegistryCsv(citizens.map((name) => citizenLine(CITIZENS[name]))),
  });
  if (registry.status !== 200) throw new Error(`registry import failed: ${JSON.stringify(registry.body)}`);
  return callElection(voterRoll);
}

export async function callElection(voterRoll: ServiceUnderTest): Promise<string> {
  const called = await voterRoll.request('POST', '/elections', {
    json: { kind: 'parliamentary', title: 'Jogorku Kenesh 2030', electionDate: ELECTION_DATE },
  });
  if (called.status !== 201) throw new Error(`election not called: ${JSON.stringify(called.body)}`);
  return (called.body as { electionId: string }).electionId;
}

/** Compiles and finalizes the election's lists, failing loudly if either is refused. */
export async function finalizedLists(voterRoll: ServiceUnderTest, electionId: string): Promise<void> {
  for (const step of ['compile', 'finalize']) {
    const answer = await voterRoll.request('POST', `/elections/${electionId}/voter-lists/${step}`);
    if (answer.status !== 200) throw new Error(`${step} refused: ${JSON.stringify(answer.body)}`);
  }
}
