import { EventFeed } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { MAX_DOCUMENT_BYTES } from './document-body';
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
} from '../testing/excuse-case-requests';

describe("a precinct commission's open cases and the limits of a document upload, over HTTP", () => {
  const electionId = uuidv7();
  const precinctId = '1101-932';
  const commission = commissionOf(electionId, precinctId);
  const anotherPrecinct = commissionOf(electionId, '1101-934');
  const claimant = '21910199001175';
  const filer = '10802198101286';
  const decided = '11203198901418';
  const absences = `/elections/${electionId}/absences`;
  const page = `/elections/${electionId}/precincts/${precinctId}/excuse-cases`;
  let feed: EventFeed;
  let excuses: ExcusesUnderTest;

  const pageReads = async (): Promise<Record<string, unknown>[]> => {
    const rows: { payload: Record<string, unknown> }[] = await excuses.dataSource.query(
      `select payload from events where type = 'ParticipationRangeRead'
          and payload->'range'->>'kind' = 'excuse-cases-page' and payload->'range'->>'electionId' = $1
        order by position`,
      [electionId],
    );
    return rows.map((row) => row.payload);
  };
  const storedFiles = async (caseId: string): Promise<number> => {
    const [{ stored }] = await excuses.dataSource.query(
      'select count(*)::int as stored from excuse_documents where case_id = $1',
      [caseId],
    );
    return stored;
  };
  const upload = async (path: string, body: Buffer | ReadableStream<Uint8Array>, contentType: string) =>
    fetch(`${excuses.url}${path}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await excuses.token(citizen(filer).roles, filer)}`,
        'content-type': contentType,
      },
      body,
      ...(body instanceof Buffer ? {} : { duplex: 'half' }),
    } as RequestInit);

  beforeAll(async () => {
    feed = await EventFeed.connect();
    excuses = await excusesWithAbsences(feed, electionId, precinctId, [claimant, filer, decided]);
  }, 120_000);
  afterAll(async () => {
    await excuses?.close();
    await feed?.close();
  });

  it('given a case and a claim to decide and a decided case, when the precinct commission pages its open cases one at a time, then each undecided one once in case-id order, the decided one never, and each page a ParticipationRangeRead naming whom it showed', async () => {
    const openCase = uuidv7();
    const openClaim = uuidv7();
    const decidedCase = uuidv7();
    expect(
      (
        await excuses.request('POST', `${absences}/${filer}/excuses`, {
          ...commission,
          json: filing(openCase, describing(pdf('a certificate'))),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await excuses.request('POST', `${absences}/${claimant}/participation-claims`, {
          ...citizen(claimant),
          json: { claimId: openClaim, statement: 'I voted in the morning.' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await excuses.request('POST', `${absences}/${decided}/excuses`, {
          ...citizen(decided),
          json: filing(decidedCase, describing(pdf('another certificate'))),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await excuses.request('POST', `${absences}/${decided}/excuses/${decidedCase}/decision`, {
          ...commission,
          json: { decision: 'accepted', reason: 'The certificate covers election day.' },
        })
      ).status,
    ).toBe(201);
    const [first, second] = [
      { kind: 'excuse', caseId: openCase, personalNumber: filer, category: 'serious-illness' },
      { kind: 'claim', caseId: openClaim, personalNumber: claimant, category: null },
    ].sort((a, b) => a.caseId.localeCompare(b.caseId));

    const whole = await excuses.request('GET', `${page}?status=open`, commission);
    expect(whole).toEqual({
      status: 200,
      body: {
        cases: [
          { ...first, absenceId: expect.any(String), status: 'filed', filedAt: IN_THE_WINDOW },
          { ...second, absenceId: expect.any(String), status: 'filed', filedAt: IN_THE_WINDOW },
        ],
        next: null,
      },
    });
    const one = await excuses.request('GET', `${page}?status=open&limit=1`, commission);
    expect(one).toMatchObject({ status: 200, body: { cases: [first], next: { after: first?.caseId } } });
    expect((one.body as { cases: unknown[] }).cases).toHaveLength(1);
    const two = await excuses.request(
      'GET',
      `${page}?status=open&limit=1&after=${first?.caseId}`,
      commission,
    );
    expect(two).toMatchObject({ status: 200, body: { cases: [second], next: { after: second?.caseId } } });
    expect((two.body as { cases: unknown[] }).cases).toHaveLength(1);
    const done = await excuses.request(
      'GET',
      `${page}?status=open&limit=1&after=${second?.caseId}`,
      commission,
    );
    expect(done).toEqual({ status: 200, body: { cases: [], next: null } });

    const range = { kind: 'excuse-cases-page', electionId, precinctId, status: 'open' };
    expect(await pageReads()).toEqual([
      expect.objectContaining({
        reader: { subject: commission.subject, role: 'commission', scope: expect.any(String) },
        range: {
          ...range,
          limit: 50,
          shown: 2,
          personalNumbers: [first?.personalNumber, second?.personalNumber],
        },
      }),
      expect.objectContaining({
        range: { ...range, limit: 1, shown: 1, personalNumbers: [first?.personalNumber] },
      }),
      expect.objectContaining({
        range: { ...range, limit: 1, shown: 1, personalNumbers: [second?.personalNumber] },
      }),
      expect.objectContaining({ range: { ...range, limit: 1, shown: 0, personalNumbers: [] } }),
    ]);
  });

  it("given a commission of another precinct, when it asks for this precinct's open cases, then 403 naming the scope and no read recorded", async () => {
    const before = await pageReads();
    const refused = await excuses.request('GET', `${page}?status=open`, anotherPrecinct);
    expect(refused).toMatchObject({ status: 403, body: { errors: [{ field: 'scope' }] } });
    expect(JSON.stringify(refused.body)).not.toContain(filer);
    expect(await pageReads()).toEqual(before);
  });

  it('given a case describing its files, when one is sent as text/plain and one over 10 MB, then 415 naming Content-Type and 413, nothing stored or read; exactly 10 MB is kept', async () => {
    const certificate = pdf('a certificate of the stay in hospital');
    const tooLarge = Buffer.concat([
      pdf('scan'),
      Buffer.alloc(MAX_DOCUMENT_BYTES + 1 - pdf('scan').length, 0x20),
    ]);
    const largest = tooLarge.subarray(0, MAX_DOCUMENT_BYTES);
    const caseId = uuidv7();
    expect(
      (
        await excuses.request('POST', `${absences}/${filer}/excuses`, {
          ...citizen(filer),
          json: filing(caseId, describing(certificate, tooLarge, largest)),
        })
      ).status,
    ).toBe(201);
    const documents = `${absences}/${filer}/excuses/${caseId}/documents`;
    const before = await excuses.eventCounts();

    const asText = await upload(`${documents}/${sha256Of(certificate)}`, certificate, 'text/plain');
    expect(asText.status).toBe(415);
    expect(await asText.json()).toEqual({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message:
        'Content-Type: expected application/pdf, image/jpeg, image/png, with the file itself as the request body',
      errors: [
        {
          field: 'Content-Type',
          rule: 'expected application/pdf, image/jpeg, image/png, with the file itself as the request body',
        },
      ],
    });
    const tooLargeBody = {
      statusCode: 413,
      error: 'Payload Too Large',
      message: '(body): expected at most 10485760 bytes (10 MB)',
      errors: [{ field: '(body)', rule: 'expected at most 10485760 bytes (10 MB)' }],
    };
    const declared = await upload(`${documents}/${sha256Of(tooLarge)}`, tooLarge, 'application/pdf');
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual(tooLargeBody);
    // sent in chunks with no Content-Length: counted as it arrives
    const chunked = await upload(
      `${documents}/${sha256Of(tooLarge)}`,
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < tooLarge.length; at += 1024 * 1024)
            controller.enqueue(new Uint8Array(tooLarge.subarray(at, at + 1024 * 1024)));
          controller.close();
        },
      }),
      'application/pdf',
    );
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual(tooLargeBody);
    expect(await storedFiles(caseId)).toBe(0);
    expect(await excuses.eventCounts()).toEqual(before);

    const kept = await upload(`${documents}/${sha256Of(largest)}`, largest, 'application/pdf');
    expect(kept.status).toBe(200);
    expect(await kept.json()).toEqual({
      caseId,
      sha256: sha256Of(largest),
      contentType: 'application/pdf',
      size: MAX_DOCUMENT_BYTES,
    });
    expect(await storedFiles(caseId)).toBe(1);
    const notUploaded = await excuses.request('GET', `${documents}/${sha256Of(certificate)}`, citizen(filer));
    expect(notUploaded).toMatchObject({ status: 404, body: { error: 'unknown-document' } });
  });
});
