import { precinctsScope } from '@vl/auth';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import { eventually } from '@vl/testing';
import { openPolls, publishPollingDay } from '../testing/polling-day-scenario';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';
import { bishkekPrecinct, personalNumberOf, VoterRollFeed } from '../testing/voter-roll-feed';

const [A, B, C, D] = ['1101-021', '1101-022', '1102-031', '0201-041'] as const;
const voter = (n: number) => personalNumberOf(n, '11021982');
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => voter(from + i));
// registers: A 20 listed + 1 sent by certificate = 21; B 10 − 1 sent away + 1 included = 10; C 4; D 2
const listedAt = { A: range(1, 20), B: range(101, 10), C: range(201, 4), D: range(301, 2) };
const transferred = listedAt.B[0] as string;
const included = voter(401);

describe('GET /elections/:id/turnout: live figures by territory from turnout’s own topics', () => {
  let feed: VoterRollFeed;
  let turnout: TurnoutUnderTest;
  let electionId: string;
  let operator: string;

  const checkIn = async (personalNumber: string, precinctId: string, method = 'station') => {
    const response = await turnout.http
      .post(`/elections/${electionId}/check-ins`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('poll-worker', 'pw-1', precinctsScope(electionId, precinctId))}`,
      )
      .send({ checkInId: uuidv7(), personalNumber, precinctId, method, identification: 'biometric' });
    expect(response.status).toBe(201);
  };
  const figures = (query: string) =>
    turnout.http.get(`/elections/${electionId}/turnout${query}`).set('authorization', `Bearer ${operator}`);
  const checkedInEverywhere = (expected: number) =>
    eventually(async () => {
      const response = await figures('');
      return response.body.checkedIn === expected ? response.body : undefined;
    }, `turnout showing ${expected} check-ins`);

  beforeAll(async () => {
    feed = await VoterRollFeed.connect();
    turnout = await startTurnout(new PollingDayClock('2030-11-24T01:00:00.000Z'));
    electionId = await publishPollingDay(feed, turnout, {
      precincts: [A, B, C, D],
      listed: Object.fromEntries(
        Object.entries(listedAt).flatMap(([name, voters]) =>
          voters.map((personalNumber) => [personalNumber, { A, B, C, D }[name as 'A']]),
        ),
      ),
      transfers: [{ personalNumber: transferred, serial: 'AC-9001', from: B, to: A }],
      inclusions: [{ personalNumber: included, precinctId: B }],
    });
    await feed.publish(
      ...[A, B, C, D].map((precinctId) => ({
        type: 'VoterListFinalized',
        payload: {
          electionId,
          precinctId,
          voterCount: listedAt[({ [A]: 'A', [B]: 'B', [C]: 'C', [D]: 'D' } as const)[precinctId]].length,
          merkleRoot: 'bWVya2xlIHJvb3Qgb2YgYSBsaXN0',
        },
      })),
    );
    // a precinct of another region, registered after the Bishkek defaults: the latest registration stands
    await feed.publish({
      type: 'PrecinctRegistered',
      payload: {
        ...bishkekPrecinct(D),
        regionCode: '02',
        regionName: 'Osh region',
        districtName: 'Kara-Suu district',
      },
    });
    operator = await turnout.token('cec-operator', 'cec-1');
    await eventually(
      async () => ((await figures('')).body.registered === 37 ? true : undefined),
      'registers',
    );
    await openPolls(turnout, electionId, [A, B, C, D]);

    turnout.clock.set('2030-11-24T03:30:00.000Z'); // 09:30 in Bishkek
    for (const personalNumber of listedAt.A.slice(0, 3)) await checkIn(personalNumber, A);
    turnout.clock.set('2030-11-24T05:00:00.000Z'); // 11:00
    await checkIn(listedAt.A[3] as string, A, 'mobile-box');
    await checkIn(transferred, A);
    await checkIn(included, B);
    turnout.clock.set('2030-11-24T07:00:00.000Z'); // 13:00
    for (const personalNumber of listedAt.C) await checkIn(personalNumber, C);
    turnout.clock.set('2030-11-24T10:00:00.000Z'); // 16:00
    await checkIn(listedAt.D[0] as string, D, 'abroad');
    await checkedInEverywhere(11);
    const revoked = await turnout.http
      .post(`/elections/${electionId}/check-ins/${listedAt.A[0]}/revoke`)
      .set(
        'authorization',
        `Bearer ${await turnout.token('commission', 'chair', precinctsScope(electionId, A))}`,
      )
      .send({ reason: 'identified the wrong voter at the desk' });
    expect(revoked.status).toBe(201);
    await checkedInEverywhere(10);
  }, 120_000);
  afterAll(async () => {
    await turnout?.close();
    await feed?.close();
  });

  it('given check-ins in four precincts and a revocation, when the country is asked for, then exact totals, methods, hours and regions', async () => {
    const response = await figures('?level=country');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      electionId,
      level: 'country',
      code: 'KG',
      name: 'Kyrgyz Republic',
      asOf: '2030-11-24T10:00:00.000Z',
      registered: 37,
      checkedIn: 10,
      percent: 27.03,
      byMethod: { station: 8, 'mobile-box': 1, abroad: 1 },
      byHour: [
        { at: '10:00', checkedIn: 2, percent: 5.41 },
        { at: '12:00', checkedIn: 5, percent: 13.51 },
        { at: '15:00', checkedIn: 9, percent: 24.32 },
        { at: '18:00', checkedIn: 10, percent: 27.03 },
        { at: '20:00', checkedIn: 10, percent: 27.03 },
      ],
      children: [
        { level: 'region', code: '02', name: 'Osh region', registered: 2, checkedIn: 1, percent: 50 },
        { level: 'region', code: '11', name: 'Bishkek city', registered: 35, checkedIn: 9, percent: 25.71 },
      ],
    });
  });

  it('given the same day, when a region, a district and a precinct are asked for, then each sums its own precincts', async () => {
    const region = await figures('?level=region&code=11');
    expect(region.body.children).toEqual([
      {
        level: 'district',
        code: '1101',
        name: 'Leninsky district',
        registered: 31,
        checkedIn: 5,
        percent: 16.13,
      },
      {
        level: 'district',
        code: '1102',
        name: 'Leninsky district',
        registered: 4,
        checkedIn: 4,
        percent: 100,
      },
    ]);
    const district = await figures('?level=district&code=1101');
    expect(district.body.children).toEqual([
      { level: 'precinct', code: A, name: A, registered: 21, checkedIn: 4, percent: 19.05 },
      { level: 'precinct', code: B, name: B, registered: 10, checkedIn: 1, percent: 10 },
    ]);
    const precinct = await figures(`?level=precinct&code=${A}`);
    expect(precinct.body).toEqual(
      expect.objectContaining({
        registered: 21,
        checkedIn: 4,
        byMethod: { station: 3, 'mobile-box': 1, abroad: 0 },
        byHour: [
          { at: '10:00', checkedIn: 2, percent: 9.52 },
          { at: '12:00', checkedIn: 4, percent: 19.05 },
          { at: '15:00', checkedIn: 4, percent: 19.05 },
          { at: '18:00', checkedIn: 4, percent: 19.05 },
          { at: '20:00', checkedIn: 4, percent: 19.05 },
        ],
        children: [],
      }),
    );
  });

  it('given bad query parameters or unknown things, when asked for, then 400 naming the field or 404', async () => {
    const badLevel = await figures('?level=village');
    expect([badLevel.status, badLevel.body.errors]).toEqual([
      400,
      [{ field: 'level', rule: 'expected one of country, region, district, precinct' }],
    ]);
    const noCode = await figures('?level=district');
    expect([noCode.status, noCode.body.message]).toEqual([400, 'code: required for level district']);
    expect((await figures('?level=district&code=9999')).status).toBe(404);
    const unknown = await turnout.http
      .get(`/elections/${uuidv7()}/turnout`)
      .set('authorization', `Bearer ${operator}`);
    expect(unknown.status).toBe(404);
    const pollWorker = await turnout.token('poll-worker');
    expect((await figures('').set('authorization', `Bearer ${pollWorker}`)).status).toBe(403);
  });

  it('given a district commission, when reading turnout, then its district and its precincts are shown; another district, its region and the country are 403 naming the scope', async () => {
    const territorial = await turnout.token('commission', 'tec-1101', { electionId, district: '1101' });
    const read = (query: string) => figures(query).set('authorization', `Bearer ${territorial}`);
    expect((await read('?level=district&code=1101')).status).toBe(200);
    expect((await read(`?level=precinct&code=${A}`)).status).toBe(200);
    for (const query of [
      '?level=district&code=1102',
      `?level=precinct&code=${C}`,
      '?level=region&code=11',
      '',
    ]) {
      const refused = await read(query);
      expect([refused.status, refused.body.errors?.[0]?.field]).toEqual([403, 'scope']);
    }
    const regional = await turnout.token('commission', 'oec-11', { electionId, region: '11' });
    const district1102 = await figures('?level=district&code=1102').set(
      'authorization',
      `Bearer ${regional}`,
    );
    expect(district1102.status).toBe(200);
  });

  it('given the same day, when the open data is downloaded by a citizen, then one CSV row per precinct with absolute numbers', async () => {
    const response = await turnout.http
      .get(`/elections/${electionId}/turnout/open-data.csv`)
      .set('authorization', `Bearer ${await turnout.token('citizen:21503199000017')}`);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(
      rows.map((row) => [row['precinct_id'], row['region_name'], row['registered'], row['checked_in']]),
    ).toEqual([
      [D, 'Osh region', '2', '1'],
      [A, 'Bishkek city', '21', '4'],
      [B, 'Bishkek city', '10', '1'],
      [C, 'Bishkek city', '4', '4'],
    ]);
    expect(rows[1]).toEqual(
      expect.objectContaining({
        station: '3',
        mobile_box: '1',
        abroad: '0',
        checked_in_by_1000: '2',
        checked_in_by_1200: '4',
        checked_in_by_2000: '4',
        polls_opened_at: '2030-11-24T01:00:00.000Z',
        polls_closed_at: '',
      }),
    );
  });

  it('given a dashboard, when it connects to the live stream, then a turnout event carries the country document', async () => {
    const server = turnout.app.getHttpServer() as import('node:http').Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
    const { port } = server.address() as AddressInfo;

    const first = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          port,
          path: `/elections/${electionId}/turnout/live`,
          headers: { authorization: `Bearer ${operator}`, accept: 'text/event-stream' },
        },
        (response) => {
          expect(response.headers['content-type']).toContain('text/event-stream');
          let text = '';
          response.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8');
            if (text.includes('\n\n')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });

    expect(first).toContain('event: turnout\n');
    const data = JSON.parse(
      first
        .split('\n')
        .find((line) => line.startsWith('data: '))
        ?.slice(6) ?? '{}',
    );
    expect(data).toEqual(
      expect.objectContaining({ electionId, level: 'country', registered: 37, checkedIn: 10 }),
    );
  });
});
