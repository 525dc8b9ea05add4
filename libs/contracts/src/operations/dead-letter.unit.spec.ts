import { eventCatalog } from '../event-catalog';

const parked = {
  consumerGroup: 'sanctions.absences',
  topic: 'excuses.absences.v1',
  partition: 7,
  offset: '184467',
  eventId: '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  key: 'voter-0001',
} as const;

const skipped = {
  ...parked,
  reason: 'payload predates the policy events; replayed by hand',
  operator: 'cec-ops-3',
};

describe('DeadLetterSkipped and DeadLetterRetried contracts', () => {
  it('given a skip by an operator, when sanctions produces it, then it goes to sanctions.operations.v1 keyed by group and key', () => {
    const result = eventCatalog.parseForProduce('sanctions', { type: 'DeadLetterSkipped', payload: skipped });

    expect(result.ok && result.value).toMatchObject({
      topic: 'sanctions.operations.v1',
      partitionKey: 'sanctions.absences:voter-0001',
      schemaVersion: 1,
    });
  });

  it('given an unparseable message (no event id, no key), when a retry is produced, then the key says null', () => {
    const result = eventCatalog.parseForProduce('excuses', {
      type: 'DeadLetterRetried',
      payload: { ...parked, eventId: null, key: null, operator: 'cec-ops-3' },
    });

    expect(result.ok && result.value.partitionKey).toBe('sanctions.absences:null');
  });

  it('given a skip without a real reason, when produced, then the operator is told to say why', () => {
    const result = eventCatalog.parseForProduce('sanctions', {
      type: 'DeadLetterSkipped',
      payload: { ...skipped, reason: '    ok        ' },
    });

    expect(result.ok || result.error.message).toBe(
      'DeadLetterSkipped.payload.reason: expected at least 10 characters besides surrounding spaces',
    );
  });

  it('given a negative partition, an offset with a sign and a topic that is not a ledger topic, when produced, then each is named', () => {
    const result = eventCatalog.parseForProduce('sanctions', {
      type: 'DeadLetterSkipped',
      payload: { ...skipped, partition: -1, offset: '-5', topic: 'absences' },
    });

    expect(result.ok || result.error.issues).toEqual([
      { path: 'DeadLetterSkipped.payload.topic', rule: 'expected a topic name <service>.<stream>.v<major>' },
      { path: 'DeadLetterSkipped.payload.partition', rule: 'expected at least 0' },
      {
        path: 'DeadLetterSkipped.payload.offset',
        rule: 'expected a Kafka offset: decimal digits, no leading zeros',
      },
    ]);
  });

  it('given a retry, when it carries a reason field, then the unknown field is refused', () => {
    const result = eventCatalog.parseForProduce('turnout', {
      type: 'DeadLetterRetried',
      payload: { ...parked, operator: 'cec-ops-3', reason: 'fixed in 1.4.2' },
    });

    expect(result.ok || result.error.message).toBe(
      'DeadLetterRetried.payload.reason: unknown field: the contract does not allow it',
    );
  });
});
