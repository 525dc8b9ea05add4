import { Module } from '@nestjs/common';
import { composeService, type ServiceDeclaration } from '@vl/service-composition';
import {
  consumerCaughtUp,
  eventually,
  EventFeed,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@vl/testing';
import { excuses } from '../excuses.descriptor';
import { DisabilityRegistryConsumer } from './disability-registry.consumer';
import { RegisteredDisabilitiesDigest } from './registered-disabilities.digest';
import { RegisteredDisabilities1763860003050 } from './registered-disabilities.migration';
import { RegisteredDisabilitiesRepository } from './registered-disabilities.repository';

const TOPIC = 'voter-roll.disability-registry.v1';
// personal numbers no other suite uses: born 29 February 1968
const onRegistry = '12902196800918';
const leftRegistry = '22902196800919';
const neverOn = '22902196800920';
const later = '12902196800921';

// the projection alone, composed as excuses composes it: its migration, consumer (inbox), repository and digest
const DISABILITY_REGISTRY: ServiceDeclaration = {
  descriptor: excuses,
  policies: [],
  migrations: [RegisteredDisabilities1763860003050],
  consumers: [DisabilityRegistryConsumer],
  providers: [RegisteredDisabilitiesRepository],
  digests: [RegisteredDisabilitiesDigest],
};

@Module({})
class DisabilityRegistryModule {}

const flag = (personalNumber: string, registeredDisability: boolean) => ({
  type: 'RegisteredDisabilityRecorded',
  payload: { personalNumber, registeredDisability },
});

describe('excuses’ registered_disabilities projection of voter-roll.disability-registry.v1, real broker and database', () => {
  let feed: EventFeed;
  let service: ServiceUnderTest;
  const caughtUp = () =>
    eventually(
      async () => ((await consumerCaughtUp(service.schema.name, [TOPIC])) ? true : undefined),
      TOPIC,
    );
  const recordedFor = (personalNumbers: readonly string[]) =>
    service.app
      .get(RegisteredDisabilitiesRepository)
      .recordedFor(service.dataSource.manager, personalNumbers);
  const digest = async () => {
    const answer = await service.request('GET', '/ledger/read-model-digest', { roles: ['auditor'] });
    const { projections } = answer.body as { projections: { name: string; rows: number; sha256: string }[] };
    return projections.find((projection) => projection.name === 'registered_disabilities');
  };

  beforeAll(async () => {
    feed = await EventFeed.connect();
    service = await startServiceUnderTest({
      descriptor: excuses,
      module: (config) => composeService(DisabilityRegistryModule, DISABILITY_REGISTRY, config),
    });
  });
  afterAll(async () => {
    await service?.close();
    await feed?.close();
  });

  it('given a flag set, a flag set then cleared and the older one delivered again, when consumed, then only the citizen still on the registry is recorded', async () => {
    const [onEnvelope, setEnvelope, clearedEnvelope] = await feed.publish(
      'voter-roll',
      flag(onRegistry, true),
      flag(leftRegistry, true),
      flag(leftRegistry, false),
    );
    // at-least-once delivery: the inbox must not let the older flag win again
    await feed.send('voter-roll', [setEnvelope as Record<string, unknown>]);
    await caughtUp();

    expect([...(await recordedFor([onRegistry, leftRegistry, neverOn]))]).toEqual([onRegistry]);
    const rows: unknown[] = await service.dataSource.query(
      `select personal_number, registered_disability, event_id from registered_disabilities
        where personal_number = any($1::text[]) order by personal_number`,
      [[onRegistry, leftRegistry, neverOn]],
    );
    expect(rows).toEqual([
      { personal_number: onRegistry, registered_disability: true, event_id: onEnvelope?.['eventId'] },
      { personal_number: leftRegistry, registered_disability: false, event_id: clearedEnvelope?.['eventId'] },
    ]);
  });

  it('given no personal numbers, when asked, then none is on the registry', async () => {
    expect(await recordedFor([])).toEqual(new Set());
  });

  it('given a new flag, when consumed, then the projection’s digest counts it and changes', async () => {
    const before = await digest();
    await feed.publish('voter-roll', flag(later, true));
    await eventually(async () => ((await recordedFor([later])).has(later) ? true : undefined), later);

    const after = await digest();
    expect(after?.rows).toBe((before?.rows ?? 0) + 1);
    expect(after?.sha256).not.toBe(before?.sha256);
  });
});
