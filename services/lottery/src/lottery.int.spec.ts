import { electionCalledPayload } from '@vl/contracts/testing';
import { seedAdoptionIdOf } from '@vl/policy';
import { ElectionsOnRecord } from '@vl/service-composition';
import { EventFeed, eventually, TestClock, type ServiceUnderTest } from '@vl/testing';
import { v7 as uuidv7 } from 'uuid';
import { STATUTORY_PRIZE_TIERS } from './domain/prize-tiers';
import { startLottery } from './testing/lottery-under-test';

const electionId = uuidv7();

describe('lottery through the real broker and database: its seed policy and the elections it hears of', () => {
  let feed: EventFeed;
  let service: ServiceUnderTest;
  const electionsDigest = async () => {
    const answer = await service.request('GET', '/ledger/read-model-digest', { roles: ['auditor'] });
    const { projections } = answer.body as { projections: { name: string; rows: number; sha256: string }[] };
    return projections.find((projection) => projection.name === 'elections');
  };

  beforeAll(async () => {
    feed = await EventFeed.connect();
    service = await startLottery(new TestClock('2031-01-10T06:00:00.000Z'));
  });
  afterAll(async () => {
    await service?.close();
    await feed?.close();
  });

  it('given a fresh stack, when lottery.prize-tiers is listed, then it holds the statutory seed', async () => {
    expect(await service.request('GET', '/policies/lottery.prize-tiers', { roles: ['auditor'] })).toEqual({
      status: 200,
      body: {
        kind: 'lottery.prize-tiers',
        adoptions: [
          {
            id: seedAdoptionIdOf('lottery.prize-tiers'),
            kind: 'lottery.prize-tiers',
            effectiveFrom: '2000-01-01',
            adoptedBy: { body: 'statute', decision: expect.stringContaining('statutory default') },
            actor: { subject: 'lottery', role: 'service' },
            content: STATUTORY_PRIZE_TIERS,
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
});
