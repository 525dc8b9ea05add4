import { z } from 'zod';
import { EventCatalog } from './catalog';
import { ContractDefinitionError, defineEvent, type EventSpec, type PayloadSchema } from './define-event';
import { eventCatalog } from './event-catalog';
import { SERVICE_NAMES } from './service-name';
import { checkpointTopicOf, topicName } from './topic-name';

const voterScoped = z.strictObject({ voterId: z.string().min(1) });

function spec(overrides: Partial<EventSpec<string, PayloadSchema>> = {}): EventSpec<string, PayloadSchema> {
  return {
    type: 'VoterNoticed',
    owner: 'turnout',
    stream: 'check-ins',
    version: 1,
    schema: voterScoped,
    partitionKey: (payload) => String(payload.voterId),
    partitionKeyDescription: 'voterId',
    description: 'Test only.',
    ...overrides,
  };
}

describe('topic naming', () => {
  it('given a service, a stream and a major, when named, then the topic is <service>.<stream>.v<major>', () => {
    expect(topicName('turnout', 'check-ins', 1)).toBe('turnout.check-ins.v1');
    expect(checkpointTopicOf('lottery')).toBe('lottery.checkpoints.v1');
  });

  it('given an owned event, when its topic is asked for, then it is on the topic of the owner stream', () => {
    expect(eventCatalog.topicOf('ElectionCalled', 'voter-roll')).toBe('voter-roll.elections.v1');
    expect(eventCatalog.currentVersion('ElectionCalled')).toBe(3);
  });

  it('given an owned event, when another service asks for its topic, then that is a programming error', () => {
    expect(() => eventCatalog.topicOf('ElectionCalled', 'sanctions')).toThrow(
      'ElectionCalled is owned by voter-roll; sanctions cannot produce it',
    );
  });

  it('given an operations event, when each service asks, then each gets its own operations topic', () => {
    expect(SERVICE_NAMES.map((service) => eventCatalog.topicOf('DeadLetterSkipped', service))).toEqual(
      SERVICE_NAMES.map((service) => `${service}.operations.v1`),
    );
  });

  it('given a breaking change, when the stream moves to topic major 2, then its events go to the .v2 topic', () => {
    const catalog = new EventCatalog([defineEvent({ ...spec(), topicMajor: 2 })]);

    expect(catalog.topicOf('VoterNoticed', 'turnout')).toBe('turnout.check-ins.v2');
  });

  it('given two events of one stream on different topic majors, when cataloged, then the split is refused', () => {
    const moved = defineEvent({ ...spec(), topicMajor: 2 });
    const stayed = defineEvent(spec({ type: 'VoterNoticedAgain' }));

    expect(() => new EventCatalog([moved, stayed])).toThrow(
      'stream turnout.check-ins spans topic majors 1, 2',
    );
  });
});

describe('catalog construction', () => {
  it('given the same event type twice, when cataloged, then construction fails naming it', () => {
    const first = defineEvent(spec());
    const second = defineEvent(spec({ description: 'A second definition of the same type.' }));

    expect(() => new EventCatalog([first, second])).toThrow(
      new ContractDefinitionError('VoterNoticed is defined twice'),
    );
  });

  it('given an unknown event type, when produced, then it is an unknown-type violation', () => {
    const result = eventCatalog.parseForProduce('turnout', { type: 'VoterTeleported', payload: {} });

    expect(result.ok || result.error).toMatchObject({
      reason: 'unknown-type',
      message: 'VoterTeleported: unknown event type',
    });
  });
});

describe('defineEvent refuses contracts that break the architecture', () => {
  it.each<[string, Partial<EventSpec<string, PayloadSchema>>, string]>([
    ['a non-PascalCase type', { type: 'voter_noticed' }, 'type must be PascalCase'],
    [
      'an owner outside the six',
      { owner: 'ministry' as never },
      "owner must be one of voter-roll, turnout, excuses, sanctions, lottery, incentives or 'any'",
    ],
    ['a stream that is not kebab-case', { stream: 'CheckIns' }, 'stream must be kebab-case'],
    [
      'the reserved checkpoints stream',
      { stream: 'checkpoints' },
      "stream 'checkpoints' is reserved for signed tree heads",
    ],
    [
      'an any-owned event outside operations',
      { owner: 'any' },
      "events any service may append live in the 'operations' stream",
    ],
    [
      'a non-strict payload',
      { schema: z.object({ voterId: z.string() }) },
      'schema must be a z.strictObject',
    ],
    ['version 0', { version: 0 }, 'version must be a positive integer'],
    ['a topic major of 0', { topicMajor: 0 }, 'topicMajor must be a positive integer'],
    ['no description', { description: ' ' }, 'description is required'],
  ])('given %s, when defined, then it throws naming the rule', (_, overrides, problem) => {
    expect(() => defineEvent(spec(overrides))).toThrow(problem);
  });

  it('given payload fields that could carry a vote choice, when defined, then the contract is refused', () => {
    const schema = z.strictObject({
      voterId: z.string(),
      details: z.strictObject({ candidateId: z.string(), ballotSerial: z.string().optional() }),
    });

    expect(() => defineEvent(spec({ schema }))).toThrow(
      new ContractDefinitionError(
        'VoterNoticed: fields ballotSerial, candidateId look like ballot content, which no event may carry',
      ),
    );
  });
});
