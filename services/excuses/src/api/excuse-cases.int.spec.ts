import { createHash } from 'node:crypto';
import { precinctsScope, type Role, type TokenScope } from '@vl/auth';
import { electionCalledPayload } from '@vl/contracts/testing';
import { ElectionsOnRecord } from '@vl/service-composition';
import { EventFeed, eventually, readTopic, TestClock } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { AbsencesOnRecord } from '../infrastructure/absences-on-record';
import { ownedBy } from '../testing/excuse-case-requests';
import { startExcuses, type ExcusesUnderTest } from '../testing/excuses-under-test';

const electionId = uuidv7();
const precinctId = '1101-918';
// two voters of that precinct no other suite uses, neither over 70 nor on any registry
const voter = '21203198800417';
const other = '11506197500523';
const certificate = Buffer.from('%PDF-1.4 a medical certificate, 2030-11-23\n');
const sha256 = createHash('sha256').update(certificate).digest('hex');

const citizen = (personalNumber: string) => ({
  roles: [`citizen:${personalNumber}` as Role],
  subject: personalNumber,
});
const precinctCommission = {
  roles: ['commission' as Role],
  subject: '10101198000011',
  scope: precinctsScope(electionId, precinctId),
};
const anotherPrecinct = { ...precinctCommission, scope: precinctsScope(electionId, '1101-001') };
const districtCommission = {
  roles: ['commission' as Role],
  subject: '10101197000022',
  scope: { electionId, district: '1101' } satisfies TokenScope,
};

const filing = (caseId: string) => ({
  caseId,
  category: 'serious-illness',
  statement: 'I was in hospital with pneumonia on election day.',
  documents: [
    {
      type: 'medical-certificate',
      issuer: 'City Hospital No. 4',
      number: 'MC-1187',
      issuedOn: '2030-11-23',
      sha256,
    },
  ],
});

describe('excuse cases over HTTP: filing, deciding, appealing, documents and reads, on the real broker and database', () => {
  let feed: EventFeed;
  let excuses: ExcusesUnderTest;
  const absences = `/elections/${electionId}/absences`;
  const caseId = uuidv7();
  const appealedCase = uuidv7();
  const typesOf = async (personalNumber: string): Promise<string[]> => {
    const absence = await excuses.app.get(AbsencesOnRecord).find(electionId, personalNumber);
    const rows: { type: string }[] = await excuses.dataSource.query(
      'select type from events where stream_id = $1 order by stream_version',
      [`absence-case-${absence?.absenceId}`],
    );
    return rows.map((row) => row.type);
  };
  const upload = async (path: string, body: Buffer, token: string) =>
    fetch(`${excuses.url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body,
    });

  beforeAll(async () => {
    feed = await EventFeed.connect();
    // the day after the election, 12:00 in Bishkek: the window is open
    excuses = await startExcuses(new TestClock('2030-11-25T06:00:00.000Z'));
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
          address: 'School No. 2',
          timeZone: 'Asia/Bishkek',
        },
      },
    );
    // the absences need the election and its precinct's hours: wait until excuses keeps them
    await eventually(async () => {
      const rows: unknown[] = await excuses.dataSource.query(
        'select 1 from precincts where precinct_id = $1',
        [precinctId],
      );
      return rows.length > 0 && (await excuses.app.get(ElectionsOnRecord).find(electionId))
        ? true
        : undefined;
    }, 'the election and its precinct');
    for (const personalNumber of [voter, other])
      await feed.publish('turnout', {
        type: 'VoterAbsent',
        payload: { electionId, personalNumber, electionDate: '2030-11-24', precinctId },
      });
    for (const personalNumber of [voter, other])
      await eventually(async () => {
        const absence = await excuses.app.get(AbsencesOnRecord).find(electionId, personalNumber);
        return absence && (await typesOf(personalNumber)).includes('ExcuseWindowOpened')
          ? absence
          : undefined;
      }, `the absence of ${personalNumber} with its window open`);
  }, 120_000);
  afterAll(async () => {
    await excuses?.close();
    await feed?.close();
  });

  it('given a citizen token of another person or a commission of another precinct, when filing, then 403 naming the scope and nothing appended', async () => {
    const before = await excuses.eventCounts();
    const forOther = await excuses.request('POST', `${absences}/${voter}/excuses`, {
      ...citizen(other),
      json: filing(uuidv7()),
    });
    expect(forOther.status).toBe(403);
    expect(forOther.body).toMatchObject({
      errors: [{ field: 'scope', rule: expect.stringMatching(/themselves/) }],
    });
    const elsewhere = await excuses.request('POST', `${absences}/${voter}/excuses`, {
      ...anotherPrecinct,
      json: filing(uuidv7()),
    });
    expect(elsewhere.status).toBe(403);
    // the same answer for a voter with no absence at all: nothing tells where or whether someone took part
    const nobody = await excuses.request('POST', `${absences}/22902196800917/excuses`, {
      ...anotherPrecinct,
      json: filing(uuidv7()),
    });
    expect(nobody).toEqual(elsewhere);
    expect(await excuses.eventCounts()).toEqual(before);
  });

  it('given the citizen files with a client-chosen case id, when the request is retried, then the same answer and one ExcuseFiled', async () => {
    const first = await excuses.request('POST', `${absences}/${voter}/excuses`, {
      ...citizen(voter),
      json: filing(caseId),
    });
    expect(first).toMatchObject({
      status: 201,
      body: { caseId, category: 'serious-illness', filedBy: { subject: voter, role: `citizen:${voter}` } },
    });
    const retried = await excuses.request('POST', `${absences}/${voter}/excuses`, {
      ...citizen(voter),
      json: filing(caseId),
    });
    expect(retried).toEqual(first);
    expect((await typesOf(voter)).filter((type) => type === 'ExcuseFiled')).toHaveLength(1);
  });

  it('given a filed case, when a file with another hash is uploaded, then 422 naming the body; the described one is kept apart from the log and its reads recorded', async () => {
    const path = `${absences}/${voter}/excuses/${caseId}/documents/${sha256}`;
    const token = await excuses.token(citizen(voter).roles, voter);
    const wrong = await upload(path, Buffer.from('%PDF-1.4 something else'), token);
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({
      errors: [{ field: '(body)', rule: expect.stringMatching(/sha256-mismatch/) }],
    });
    const undescribed = Buffer.from('%PDF-1.4 not described');
    const notFiled = await upload(
      `${absences}/${voter}/excuses/${caseId}/documents/${createHash('sha256').update(undescribed).digest('hex')}`,
      undescribed,
      token,
    );
    expect(notFiled.status).toBe(422);
    expect(await notFiled.json()).toMatchObject({ errors: [{ field: 'sha256' }] });
    expect((await upload(path, certificate, token)).status).toBe(200);

    const district = await excuses.token(
      districtCommission.roles,
      districtCommission.subject,
      districtCommission.scope,
    );
    const read = await fetch(`${excuses.url}${path}`, { headers: { authorization: `Bearer ${district}` } });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await read.arrayBuffer())).toEqual(certificate);
    const reads: { payload: { reader: { subject: string }; purpose: string } }[] =
      await excuses.dataSource.query(
        `select payload from events where type = 'ParticipationRead' and payload->>'purpose' = 'excuse-document'
        and payload->>'personalNumber' = $1 order by position`,
        [voter],
      );
    expect(reads.map((row) => row.payload.reader.subject)).toEqual([voter, districtCommission.subject]);
    const [{ kept }] = await excuses.dataSource.query(
      `select count(*)::int as kept from events where payload::text like '%' || $1 || '%' and type <> 'ExcuseFiled'`,
      [certificate.toString('base64')],
    );
    expect(kept).toBe(0);
  });

  it("given the voter's precinct commission accepts the case, when decided, then the absence is excused and AbsenceExcused is on excuses.absence-outcomes.v1", async () => {
    const decided = await excuses.request('POST', `${absences}/${voter}/excuses/${caseId}/decision`, {
      ...precinctCommission,
      json: { decision: 'accepted', reason: 'The certificate covers election day.' },
    });
    expect(decided).toMatchObject({
      status: 201,
      body: { caseId, decision: 'accepted', outcome: 'AbsenceExcused' },
    });
    const [absence] = await Promise.all([excuses.app.get(AbsencesOnRecord).find(electionId, voter)]);
    const own = await ownedBy(excuses);
    const published = await readTopic('excuses.absence-outcomes.v1', {
      keep: (message) => message.envelope.payload['absenceId'] === absence?.absenceId && own(message),
      until: 1,
    });
    expect(published[0]).toMatchObject({
      key: voter,
      envelope: { type: 'AbsenceExcused', payload: { basis: { kind: 'excuse-accepted', caseId } } },
    });
  });

  it('given a rejected and appealed case, when a precinct commission decides the appeal, then 403; the district commission upholds it', async () => {
    const base = `${absences}/${other}/excuses/${appealedCase}`;
    expect(
      (
        await excuses.request('POST', `${absences}/${other}/excuses`, {
          ...precinctCommission,
          json: filing(appealedCase),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await excuses.request('POST', `${base}/decision`, {
          ...precinctCommission,
          json: { decision: 'rejected', reason: 'The certificate is dated after election day.' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await excuses.request('POST', `${base}/appeal`, {
          ...citizen(other),
          json: { statement: 'It was issued for the 24th.' },
        })
      ).status,
    ).toBe(201);
    const verdict = { decision: 'upheld', reason: 'The hospital confirms the stay on the 24th.' };
    const byPrecinct = await excuses.request('POST', `${base}/appeal/decision`, {
      ...precinctCommission,
      json: verdict,
    });
    expect(byPrecinct.status).toBe(403);
    expect(byPrecinct.body).toMatchObject({ errors: [{ field: 'scope' }] });
    const byDistrict = await excuses.request('POST', `${base}/appeal/decision`, {
      ...districtCommission,
      json: verdict,
    });
    expect(byDistrict).toMatchObject({
      status: 201,
      body: { decision: 'upheld', outcome: 'AbsenceExcused' },
    });
    expect(await typesOf(other)).toEqual([
      'ExcuseWindowOpened',
      'ExcuseFiled',
      'ExcuseDecided',
      'ExcuseAppealed',
      'AppealDecided',
      'AbsenceExcused',
    ]);
  });

  it('given the citizen asks for their absence, when answered, then its status, deadline and cases, and a ParticipationRead in the log', async () => {
    const answer = await excuses.request('GET', `${absences}/${voter}`, citizen(voter));
    expect(answer).toMatchObject({
      status: 200,
      body: {
        status: 'excused',
        deadline: { workingDays: 10, lastWorkingDay: '2030-12-06', closesAt: '2030-12-06T17:59:59.000Z' },
        basis: { kind: 'excuse-accepted', caseId },
        cases: [{ caseId, category: 'serious-illness', status: 'accepted' }],
      },
    });
    const reads: { payload: Record<string, unknown> }[] = await excuses.dataSource.query(
      `select payload from events where type = 'ParticipationRead' and payload->>'purpose' = 'absence-status'`,
    );
    expect(reads.map((row) => row.payload)).toEqual([
      expect.objectContaining({
        reader: { subject: voter, role: `citizen:${voter}`, scope: expect.any(String) },
        personalNumber: voter,
        electionId,
        precinctId,
        found: true,
      }),
    ]);
  });
});
