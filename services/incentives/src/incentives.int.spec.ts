import { electionCalledPayload } from '@vl/contracts/testing';
import { seedAdoptionIdOf } from '@vl/policy';
import { ElectionsOnRecord } from '@vl/service-composition';
import { EventFeed, eventually, TestClock, type ServiceUnderTest } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { STATUTORY_BENEFIT_PROGRAMS } from './domain/benefit-programs';
import { startIncentives } from './testing/incentives-under-test';

const electionId = uuidv7();

describe('incentives through the real broker and database: its seed policy and the elections it hears of', () => {
  let feed: EventFeed;
  let service: ServiceUnderTest;
  const electionsDigest = async () => {
    const answer = await service.request('GET', '/ledger/read-model-digest', { roles: ['auditor'] });
    const { projections } = answer.body as { projections: { name: string; rows: number; sha256: string }[] };
    return projections.find((projection) => projection.name === 'elections');
  };

  beforeAll(async () => {
    feed = await EventFeed.connect();
    service = await startIncentives(new TestClock('2031-01-10T06:00:00.000Z'));
  });
  afterAll(async () => {
    await service?.close();
    await feed?.close();
  });

  it('given a fresh stack, when incentives.benefit-programs is listed, then it holds the statutory seed', async () => {
    expect(
      await service.request('GET', '/policies/incentives.benefit-programs', { roles: ['auditor'] }),
    ).toEqual({
      status: 200,
      body: {
        kind: 'incentives.benefit-programs',
        adoptions: [
          {
            id: seedAdoptionIdOf('incentives.benefit-programs'),
            kind: 'incentives.benefit-programs',
            effectiveFrom: '2000-01-01',
            adoptedBy: { body: 'statute', decision: expect.stringContaining('statutory default') },
            actor: { subject: 'incentives', role: 'service' },
            content: STATUTORY_BENEFIT_PROGRAMS,
          },
        ],
      },
    });
  });

  it('given voter-roll calls a referendum, when ElectionCalled is on voter-roll.elections.v1, then the elections projection holds it and its digest changes', async () => {
    const before = await electionsDigest();
    await feed.publish('voter-roll', {
      type: 'ElectionCalled',
      payload: {
        ...electionCalledPayload(electionId),
        kind: 'referendum',
        title: 'Referendum on amendments to the Constitution',
        electionDate: '2031-04-13',
      },
    });
    const recorded = await eventually(
      () => service.app.get(ElectionsOnRecord).find(electionId),
      'the referendum in the elections projection',
    );
    expect(recorded).toEqual({
      electionId,
      kind: 'referendum',
      title: 'Referendum on amendments to the Constitution',
      electionDate: '2031-04-13',
      timeZone: 'Asia/Bishkek',
      pollsOpenAt: '07:00',
      pollsCloseAt: '20:00',
    });
    const after = await electionsDigest();
    expect(after?.sha256).not.toBe(before?.sha256);
    expect(after?.rows).toBeGreaterThan(before?.rows ?? 0);
  });
  it('given a Cabinet resolution, when the cabinet adopts a program over HTTP, then it is in force from its date; the CEC may not adopt one', async () => {
    const resolution = {
      effectiveFrom: '2031-03-01',
      adoptedBy: { body: 'cabinet', decision: 'Cabinet resolution 77 of 2031' },
      content: {
        programs: [
          {
            programId: 'civil-service-reserve-points',
            title: 'Additional points in the civil-service personnel reserve',
            ministry: 'civil-service',
            benefit: { type: 'civil-service-reserve-points', points: 2 },
            qualifies: { type: 'took-part-in-every-vote-of-last', count: 3 },
            validityDays: 730,
            redemptions: { type: 'per-year', times: 1 },
          },
        ],
      },
    };
    const refused = await service.request('POST', '/policies/incentives.benefit-programs', {
      roles: ['cec-operator'],
      json: resolution,
    });
    expect(refused.status).toBe(403);
    const adopted = await service.request('POST', '/policies/incentives.benefit-programs', {
      roles: ['cabinet'],
      json: resolution,
    });
    expect(adopted).toMatchObject({
      status: 201,
      body: { adoptedBy: { body: 'cabinet' }, actor: { role: 'cabinet' }, content: resolution.content },
    });
    const inForce = (date: string) =>
      service.request('GET', `/policies/incentives.benefit-programs/in-force?date=${date}`, {
        roles: ['auditor'],
      });
    expect((await inForce('2031-02-28')).body).toMatchObject({ content: { programs: [] } });
    expect((await inForce('2031-03-01')).body).toMatchObject({ content: resolution.content });
  });
});
