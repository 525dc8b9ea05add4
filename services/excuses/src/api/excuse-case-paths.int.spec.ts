import { createHash } from 'node:crypto';
import { precinctsScope, type Role } from '@vl/auth';
import { electionCalledPayload } from '@vl/contracts/testing';
import { ElectionsOnRecord } from '@vl/service-composition';
import { EventFeed, eventually, readTopic, TestClock } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { AbsencesOnRecord } from '../infrastructure/absences-on-record';
import { MAX_DOCUMENT_BYTES } from './document-body';
import { startExcuses, type ExcusesUnderTest } from '../testing/excuses-under-test';

// the day after the election (2030-11-24), 12:00 in Bishkek: the window is open until 2030-12-06 23:59:59 local
const IN_THE_WINDOW = '2030-11-25T06:00:00.000Z';

const citizen = (personalNumber: string) => ({
  roles: [`citizen:${personalNumber}` as Role],
  subject: personalNumber,
});
const commissionOf = (electionId: string, precinctId: string) => ({
  roles: ['commission' as Role],
  subject: `10101198000${precinctId.slice(-3)}`,
  scope: precinctsScope(electionId, precinctId),
});

const pdf = (text: string) => Buffer.from(`%PDF-1.4 ${text}\n`);
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const describing = (...files: Buffer[]) =>
  files.map((file, index) => ({
    type: 'medical-certificate',
    issuer: 'City Hospital No. 4',
    number: `MC-${2201 + index}`,
    issuedOn: '2030-11-23',
    sha256: sha256Of(file),
  }));
const filing = (caseId: string, documents: ReturnType<typeof describing>) => ({
  caseId,
  category: 'serious-illness',
  statement: 'I was in hospital on election day.',
  documents,
});

/** A running excuses on its own schema and clock, knowing one election, one precinct and its absent voters. */
async function excusesWithAbsences(
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

async function absenceIdOf(excuses: ExcusesUnderTest, electionId: string, personalNumber: string) {
  const absence = await excuses.app.get(AbsencesOnRecord).find(electionId, personalNumber);
  if (!absence) throw new Error(`no absence of ${personalNumber}`);
  return absence.absenceId;
}

async function typesOf(excuses: ExcusesUnderTest, electionId: string, personalNumber: string) {
  const absence = await excuses.app.get(AbsencesOnRecord).find(electionId, personalNumber);
  const rows: { type: string }[] = await excuses.dataSource.query(
    'select type from events where stream_id = $1 order by stream_version',
    [`absence-case-${absence?.absenceId}`],
  );
  return rows.map((row) => row.type);
}

describe("'I did vote' claims and the window's last second, over HTTP on the real broker and database", () => {
  const electionId = uuidv7();
  const precinctId = '1101-931';
  const commission = commissionOf(electionId, precinctId);
  // absent voters of that precinct no other suite uses, neither over 70 nor on any registry
  const upheld = '21407199100631';
  const dismissed = '11809198200742';
  const inTime = '20305199300853';
  const late = '12511198400964';
  const upheldClaim = uuidv7();
  const dismissedClaim = uuidv7();
  const absences = `/elections/${electionId}/absences`;
  let feed: EventFeed;
  let excuses: ExcusesUnderTest;

  beforeAll(async () => {
    feed = await EventFeed.connect();
    excuses = await excusesWithAbsences(feed, electionId, precinctId, [upheld, dismissed, inTime, late]);
  }, 120_000);
  afterAll(async () => {
    await excuses?.close();
    await feed?.close();
  });

  it('given two citizens say they voted, when the precinct commission upholds one claim, then that absence is excused as participation-claim-upheld, AbsenceExcused is published and PollBookOmissionReported names the precinct and not the person', async () => {
    for (const [personalNumber, claimId] of [
      [upheld, upheldClaim],
      [dismissed, dismissedClaim],
    ] as const) {
      const filed = await excuses.request('POST', `${absences}/${personalNumber}/participation-claims`, {
        ...citizen(personalNumber),
        json: {
          claimId,
          statement: 'I voted at School No. 31 at about 10:00; the poll worker found my name.',
        },
      });
      expect(filed).toMatchObject({
        status: 201,
        body: {
          claimId,
          personalNumber,
          filedBy: { subject: personalNumber, role: `citizen:${personalNumber}` },
        },
      });
    }

    const resolved = await excuses.request(
      'POST',
      `${absences}/${upheld}/participation-claims/${upheldClaim}/decision`,
      {
        ...commission,
        json: { decision: 'upheld', reason: 'The counterfoil of the ballot carries the signature.' },
      },
    );
    expect(resolved).toMatchObject({
      status: 201,
      body: { claimId: upheldClaim, decision: 'upheld', outcome: 'AbsenceExcused' },
    });

    const status = await excuses.request('GET', `${absences}/${upheld}`, citizen(upheld));
    expect(status).toMatchObject({
      status: 200,
      body: {
        status: 'excused',
        basis: { kind: 'participation-claim-upheld', claimId: upheldClaim },
        claims: [{ claimId: upheldClaim, status: 'upheld' }],
        cases: [],
      },
    });
    const stillOpen = await excuses.request('GET', `${absences}/${dismissed}`, citizen(dismissed));
    expect(stillOpen).toMatchObject({
      status: 200,
      body: { status: 'open', basis: null, claims: [{ claimId: dismissedClaim, status: 'filed' }] },
    });
    expect(await typesOf(excuses, electionId, upheld)).toEqual([
      'ExcuseWindowOpened',
      'ParticipationClaimFiled',
      'ParticipationClaimResolved',
      'AbsenceExcused',
      'PollBookOmissionReported',
    ]);

    const absenceId = await absenceIdOf(excuses, electionId, upheld);
    const outcomes = await readTopic('excuses.absence-outcomes.v1', {
      keep: (message) => message.envelope.payload['absenceId'] === absenceId,
      until: 1,
    });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      key: upheld,
      envelope: {
        type: 'AbsenceExcused',
        payload: {
          personalNumber: upheld,
          precinctId,
          basis: { kind: 'participation-claim-upheld', claimId: upheldClaim },
          excusedOn: '2030-11-25',
          annulsUnexcused: false,
        },
      },
    });
    const alerts = await readTopic('excuses.integrity-alerts.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 1,
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.key).toBe(precinctId);
    expect(alerts[0]?.envelope.type).toBe('PollBookOmissionReported');
    expect(alerts[0]?.envelope.payload).toEqual({
      electionId,
      precinctId,
      claimId: upheldClaim,
      reportedOn: '2030-11-25',
    });
    expect(alerts[0]?.envelope.payload).not.toHaveProperty('personalNumber');
    expect(JSON.stringify(alerts[0])).not.toContain(upheld);
  });

  it('given the window closes at 2030-12-06 23:59:59 Bishkek, when one voter files at 23:59:59.999 and another at 00:00:00 on 7 December, then the first is filed and the second is 422 naming the deadline, the election, the 10th working day and the filing time, with nothing appended', async () => {
    excuses.clock.set('2030-12-06T17:59:59.999Z');
    const caseInTime = uuidv7();
    const accepted = await excuses.request('POST', `${absences}/${inTime}/excuses`, {
      ...citizen(inTime),
      json: filing(caseInTime, describing(pdf('a certificate of the stay'))),
    });
    expect(accepted).toMatchObject({
      status: 201,
      body: { caseId: caseInTime, filedAt: '2030-12-06T17:59:59.999Z' },
    });

    excuses.clock.set('2030-12-06T18:00:00.000Z');
    // the close runs at this instant too: the refusal is counted against a log that has settled
    await eventually(async () => {
      const answer = await excuses.request('GET', `${absences}/${late}`, citizen(late));
      return (answer.body as { status?: string } | null)?.status === 'unexcused' ? true : undefined;
    }, 'the close of the window');
    const before = await excuses.eventCounts();
    const refused = await excuses.request('POST', `${absences}/${late}/excuses`, {
      ...citizen(late),
      json: filing(uuidv7(), describing(pdf('a certificate of the stay'))),
    });
    const message =
      'excuse deadline was 2030-12-06 23:59:59 Asia/Bishkek (the 10th working day after 2030-11-24); ' +
      'filed 2030-12-07 00:00:00';
    expect(refused).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        error: 'excuse-window-closed',
        message,
        errors: [{ field: '(request)', rule: `excuse-window-closed: ${message}` }],
      },
    });
    expect(await excuses.eventCounts()).toEqual(before);
    expect(await typesOf(excuses, electionId, late)).toEqual(['ExcuseWindowOpened', 'AbsenceUnexcused']);
    // filed in its last millisecond, the case keeps the absence open past the close
    expect(await typesOf(excuses, electionId, inTime)).toEqual(['ExcuseWindowOpened', 'ExcuseFiled']);
  });

  it('given a claim still to decide when the window closed, when the commission dismisses it after the close, then that absence alone is unexcused and AbsenceUnexcused is published once', async () => {
    expect((await excuses.request('GET', `${absences}/${dismissed}`, citizen(dismissed))).body).toMatchObject(
      { status: 'open' },
    );
    excuses.clock.set('2030-12-09T04:00:00.000Z');
    const resolved = await excuses.request(
      'POST',
      `${absences}/${dismissed}/participation-claims/${dismissedClaim}/decision`,
      {
        ...commission,
        json: { decision: 'dismissed', reason: 'The poll book and the counterfoils do not show it.' },
      },
    );
    expect(resolved).toMatchObject({
      status: 201,
      body: { claimId: dismissedClaim, decision: 'dismissed', outcome: 'AbsenceUnexcused' },
    });
    expect((await excuses.request('GET', `${absences}/${dismissed}`, citizen(dismissed))).body).toMatchObject(
      { status: 'unexcused', basis: null, claims: [{ claimId: dismissedClaim, status: 'dismissed' }] },
    );
    expect(await typesOf(excuses, electionId, dismissed)).toEqual([
      'ExcuseWindowOpened',
      'ParticipationClaimFiled',
      'ParticipationClaimResolved',
      'AbsenceUnexcused',
    ]);

    const absenceId = await absenceIdOf(excuses, electionId, dismissed);
    const outcomes = await readTopic('excuses.absence-outcomes.v1', {
      keep: (message) => message.envelope.payload['absenceId'] === absenceId,
      until: 1,
    });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      key: dismissed,
      envelope: {
        type: 'AbsenceUnexcused',
        payload: { personalNumber: dismissed, precinctId, lastWorkingDay: '2030-12-06' },
      },
    });
    // a dismissal reports no omission: the one alert of this election is the upheld claim's
    const alerts = await readTopic('excuses.integrity-alerts.v1', {
      keep: (message) => message.envelope.payload['electionId'] === electionId,
      until: 1,
    });
    expect(alerts.map((alert) => alert.envelope.payload['claimId'])).toEqual([upheldClaim]);
  });
});

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
