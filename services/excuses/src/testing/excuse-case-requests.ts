// Set-up and request material shared by the excuse-case integration specs: an excuses service with absences.
import { createHash } from 'node:crypto';
import { precinctsScope, type Role } from '@vl/auth';
import { electionCalledPayload } from '@vl/contracts/testing';
import { ElectionsOnRecord } from '@vl/service-composition';
import { EventFeed, eventually, TestClock, type TopicMessage } from '@vl/testing';
import { AbsencesOnRecord } from '../infrastructure/absences-on-record';
import { startExcuses, type ExcusesUnderTest } from './excuses-under-test';

// the day after the election (2030-11-24), 12:00 in Bishkek: the window is open until 2030-12-06 23:59:59 local
export const IN_THE_WINDOW = '2030-11-25T06:00:00.000Z';

export const citizen = (personalNumber: string) => ({
  roles: [`citizen:${personalNumber}` as Role],
  subject: personalNumber,
});
export const commissionOf = (electionId: string, precinctId: string) => ({
  roles: ['commission' as Role],
  subject: `10101198000${precinctId.slice(-3)}`,
  scope: precinctsScope(electionId, precinctId),
});

export const pdf = (text: string) => Buffer.from(`%PDF-1.4 ${text}\n`);
export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const describing = (...files: Buffer[]) =>
  files.map((file, index) => ({
    type: 'medical-certificate',
    issuer: 'City Hospital No. 4',
    number: `MC-${2201 + index}`,
    issuedOn: '2030-11-23',
    sha256: sha256Of(file),
  }));
export const filing = (caseId: string, documents: ReturnType<typeof describing>) => ({
  caseId,
  category: 'serious-illness',
  statement: 'I was in hospital on election day.',
  documents,
});

/** A running excuses on its own schema and clock, knowing one election, one precinct and its absent voters. */
export async function excusesWithAbsences(
  feed: EventFeed,
  electionId: string,
  precinctId: string,
  voters: readonly string[],
): Promise<ExcusesUnderTest> {
  const excuses = await startExcuses(new TestClock(IN_THE_WINDOW));
  await feed.publish(
    'voter-roll',
    { type: 'ElectionCalled', payload: electionCalledPayload(electionId) },
    {
      type: 'PrecinctRegistered',
      payload: {
        precinctId,
        regionCode: '11',
        regionName: 'Bishkek',
        districtCode: '1101',
        districtName: 'Leninsky',
        abroad: false,
        country: 'KG',
        address: `School No. ${precinctId.slice(-2)}`,
        timeZone: 'Asia/Bishkek',
      },
    },
  );
  // the absences need the election and its precinct's hours: wait until excuses keeps them
  await eventually(async () => {
    const rows: unknown[] = await excuses.dataSource.query('select 1 from precincts where precinct_id = $1', [
      precinctId,
    ]);
    return rows.length > 0 && (await excuses.app.get(ElectionsOnRecord).find(electionId)) ? true : undefined;
  }, `the election and precinct ${precinctId}`);
  for (const personalNumber of voters)
    await feed.publish('turnout', {
      type: 'VoterAbsent',
      payload: { electionId, personalNumber, electionDate: '2030-11-24', precinctId },
    });
  for (const personalNumber of voters)
    await eventually(async () => {
      const absence = await excuses.app.get(AbsencesOnRecord).find(electionId, personalNumber);
      return absence && (await typesOf(excuses, electionId, personalNumber)).includes('ExcuseWindowOpened')
        ? absence
        : undefined;
    }, `the absence of ${personalNumber} with its window open`);
  return excuses;
}

export async function absenceIdOf(excuses: ExcusesUnderTest, electionId: string, personalNumber: string) {
  const absence = await excuses.app.get(AbsencesOnRecord).find(electionId, personalNumber);
  if (!absence) throw new Error(`no absence of ${personalNumber}`);
  return absence.absenceId;
}

export async function typesOf(excuses: ExcusesUnderTest, electionId: string, personalNumber: string) {
  const absence = await excuses.app.get(AbsencesOnRecord).find(electionId, personalNumber);
  const rows: { type: string }[] = await excuses.dataSource.query(
    'select type from events where stream_id = $1 order by stream_version',
    [`absence-case-${absence?.absenceId}`],
  );
  return rows.map((row) => row.type);
}

/**
 * Keeps this service's own events: every excuses on the shared broker hears every suite's elections and absences,
 * and publishes its own outcomes for them. Read after the events are committed.
 */
export async function ownedBy(excuses: ExcusesUnderTest): Promise<(message: TopicMessage) => boolean> {
  const rows: { event_id: string }[] = await excuses.dataSource.query('select event_id from events');
  const own = new Set(rows.map((row) => row.event_id));
  return (message) => own.has(message.envelope.eventId);
}
