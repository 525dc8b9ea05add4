import { EventFeed, eventually, readTopic } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { type ExcusesUnderTest } from '../testing/excuses-under-test';
import {
  citizen,
  commissionOf,
  pdf,
  describing,
  filing,
  excusesWithAbsences,
  absenceIdOf,
  typesOf,
  ownedBy,
} from '../testing/excuse-case-requests';

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
    const own = await ownedBy(excuses);
    const outcomes = await readTopic('excuses.absence-outcomes.v1', {
      keep: (message) => message.envelope.payload['absenceId'] === absenceId && own(message),
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
      keep: (message) => message.envelope.payload['electionId'] === electionId && own(message),
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
    const own = await ownedBy(excuses);
    const outcomes = await readTopic('excuses.absence-outcomes.v1', {
      keep: (message) => message.envelope.payload['absenceId'] === absenceId && own(message),
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
      keep: (message) => message.envelope.payload['electionId'] === electionId && own(message),
      until: 1,
    });
    expect(alerts.map((alert) => alert.envelope.payload['claimId'])).toEqual([upheldClaim]);
  });
});
