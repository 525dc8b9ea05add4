import { EventFeed, eventually } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { type ExcusesUnderTest } from '../testing/excuses-under-test';
import {
  IN_THE_WINDOW,
  citizen,
  commissionOf,
  pdf,
  sha256Of,
  describing,
  filing,
  excusesWithAbsences,
  typesOf,
} from '../testing/excuse-case-requests';

describe("a case's document files after the retention period, over HTTP", () => {
  const electionId = uuidv7();
  const precinctId = '1101-933';
  const commission = commissionOf(electionId, precinctId);
  const voter = '22704198701397';
  const neighbour = '10611198500329';
  const absences = `/elections/${electionId}/absences`;
  const certificate = pdf('a certificate of the stay in hospital, 2030-11-22 to 2030-11-27');
  const dischargeSummary = pdf('a discharge summary, 2030-11-27');
  const caseId = uuidv7();
  const path = `${absences}/${voter}/excuses/${caseId}/documents/${sha256Of(certificate)}`;
  let feed: EventFeed;
  let excuses: ExcusesUnderTest;
  const readDocument = () => excuses.request('GET', path, citizen(voter));

  beforeAll(async () => {
    feed = await EventFeed.connect();
    excuses = await excusesWithAbsences(feed, electionId, precinctId, [voter, neighbour]);
  }, 120_000);
  afterAll(async () => {
    await excuses?.close();
    await feed?.close();
  });

  it('given a case accepted on 2030-11-25 with its file uploaded, when 365 days have passed since the decision, then the bytes are deleted (410) and the case stays in the log', async () => {
    expect(
      (
        await excuses.request('POST', `${absences}/${voter}/excuses`, {
          ...citizen(voter),
          json: filing(caseId, describing(certificate, dischargeSummary)),
        })
      ).status,
    ).toBe(201);
    const token = await excuses.token(citizen(voter).roles, voter);
    const uploaded = await fetch(`${excuses.url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
      body: certificate,
    });
    expect(uploaded.status).toBe(200);
    expect(
      await excuses.request('POST', `${absences}/${voter}/excuses/${caseId}/decision`, {
        ...commission,
        json: { decision: 'accepted', reason: 'The certificate covers election day.' },
      }),
    ).toMatchObject({ status: 201, body: { decidedAt: IN_THE_WINDOW, outcome: 'AbsenceExcused' } });
    const caseEvents = await typesOf(excuses, electionId, voter);
    expect(caseEvents).toEqual(['ExcuseWindowOpened', 'ExcuseFiled', 'ExcuseDecided', 'AbsenceExcused']);

    // one millisecond short of 365 days: the window's close runs (the neighbour is unexcused), the file stays
    excuses.clock.set('2031-11-25T05:59:59.999Z');
    await eventually(async () => {
      const answer = await excuses.request('GET', `${absences}/${neighbour}`, citizen(neighbour));
      return (answer.body as { status?: string } | null)?.status === 'unexcused' ? true : undefined;
    }, 'the close of the window');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stillKept = await fetch(`${excuses.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(stillKept.status).toBe(200);
    expect(Buffer.from(await stillKept.arrayBuffer())).toEqual(certificate);

    excuses.clock.set('2031-11-25T06:00:00.000Z');
    const gone = await eventually(async () => {
      const answer = await readDocument();
      return answer.status === 410 ? answer : undefined;
    }, 'the deletion of the file');
    expect(gone.body).toEqual({
      statusCode: 410,
      error: 'document-deleted',
      message: "the file was deleted on 2031-11-25T06:00:00.000Z, after the case's retention period",
      errors: [{ field: 'sha256', rule: 'deleted after the retention period' }],
    });
    const [row] = await excuses.dataSource.query(
      'select size, bytes, deleted_at from excuse_documents where case_id = $1',
      [caseId],
    );
    expect(row).toEqual({
      size: certificate.length,
      bytes: null,
      deleted_at: new Date('2031-11-25T06:00:00.000Z'),
    });

    expect(await typesOf(excuses, electionId, voter)).toEqual(caseEvents);
    const status = await excuses.request('GET', `${absences}/${voter}`, citizen(voter));
    expect(status).toMatchObject({
      status: 200,
      body: {
        status: 'excused',
        basis: { kind: 'excuse-accepted', caseId },
        cases: [{ caseId, status: 'accepted', decidedAt: IN_THE_WINDOW }],
      },
    });
  });

  it('given the retention period is over, when a file the case describes is uploaded, again or for the first time, then 410 and nothing kept', async () => {
    const documents = `${absences}/${voter}/excuses/${caseId}/documents`;
    const token = await excuses.token(citizen(voter).roles, voter);
    const before = await excuses.eventCounts();
    for (const file of [certificate, dischargeSummary]) {
      const refused = await fetch(`${excuses.url}${documents}/${sha256Of(file)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
        body: file,
      });
      expect(refused.status).toBe(410);
      expect(await refused.json()).toEqual({
        statusCode: 410,
        error: 'retention-over',
        message:
          `the files of case ${caseId} were kept until 2031-11-25T06:00:00.000Z, ` +
          '365 days after its final decision: none is kept after that',
        errors: [
          {
            field: 'caseId',
            rule:
              `retention-over: the files of case ${caseId} were kept until 2031-11-25T06:00:00.000Z, ` +
              '365 days after its final decision: none is kept after that',
          },
        ],
      });
    }
    const rows: { sha256: string; bytes: Buffer | null }[] = await excuses.dataSource.query(
      'select sha256, bytes from excuse_documents where case_id = $1',
      [caseId],
    );
    expect(rows).toEqual([{ sha256: sha256Of(certificate), bytes: null }]);
    expect(await excuses.eventCounts()).toEqual(before);
  });
});
