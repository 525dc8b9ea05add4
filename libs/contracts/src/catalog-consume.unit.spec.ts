import fc from 'fast-check';
import { eventCatalog, type LedgerEvent } from './event-catalog';
import { envelopeFor } from './testing/envelope-for';
import { parliamentary2025 } from './testing/elections';

const electionEnvelope = (overrides: Parameters<typeof envelopeFor>[2] = {}) =>
  envelopeFor('ElectionCalled', parliamentary2025, {
    schemaVersion: eventCatalog.currentVersion('ElectionCalled'),
    partitionKey: parliamentary2025.electionId,
    ...overrides,
  });

function violationOf(envelope: unknown) {
  const result = eventCatalog.parseForConsume(envelope);
  if (result.ok) throw new Error('expected a contract violation');
  return result.error;
}

describe('EventCatalog.parseForConsume', () => {
  it('given a valid ElectionCalled envelope, when consumed, then the typed envelope comes back', () => {
    const envelope = electionEnvelope();

    const result = eventCatalog.parseForConsume(envelope);

    expect(result).toEqual({ ok: true, value: envelope });
    const event: LedgerEvent | null = result.ok ? result.value : null;
    if (event?.type === 'ElectionCalled') {
      // the union narrows on type: this line only compiles if the payload is typed
      expect(event.payload.pollsCloseAt).toBe('20:00');
    }
  });

  it('given an event type this catalog does not know, when consumed, then it is an unknown-type violation value', () => {
    const violation = violationOf(envelopeFor('VoterTeleported', {}, { partitionKey: 'v-1' }));

    expect(violation).toMatchObject({ reason: 'unknown-type', eventType: 'VoterTeleported' });
    expect(violation.message).toMatch(/^VoterTeleported\.type: unknown event type/);
  });

  it('given an eventId that is a UUID but not v7, when consumed, then the envelope field is named', () => {
    const violation = violationOf(electionEnvelope({ eventId: '0199a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b' }));

    expect(violation).toMatchObject({ reason: 'invalid-envelope', eventType: 'ElectionCalled' });
    expect(violation.message).toBe('ElectionCalled.eventId: expected a UUID v7');
    // still a UUID, so the consumer can park it by id
    expect(violation.eventId).toBe('0199a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b');
  });

  it('given an envelope missing fields, when consumed, then each missing field is named as required', () => {
    const { streamVersion: _a, correlationId: _b, ...envelope } = electionEnvelope();

    expect(violationOf(envelope).message).toBe(
      'ElectionCalled.streamVersion: required; ElectionCalled.correlationId: required',
    );
  });

  it('given an envelope time with an offset instead of UTC, when consumed, then the rule asks for UTC', () => {
    const violation = violationOf(electionEnvelope({ occurredAt: '2025-10-01T10:00:00+06:00' }));

    expect(violation.issues).toEqual([
      { path: 'ElectionCalled.occurredAt', rule: 'expected a UTC date-time YYYY-MM-DDTHH:MM:SS(.sss)Z' },
    ]);
  });

  it.each([
    ['a string', '{"type":"ElectionCalled"}', 'event: expected an object, got a string'],
    ['null', null, 'event: expected an object, got null'],
  ])(
    'given %s instead of an envelope, when consumed, then the violation says what was expected',
    (_, value, message) => {
      expect(violationOf(value)).toMatchObject({
        reason: 'invalid-envelope',
        eventType: null,
        eventId: null,
        message,
      });
    },
  );

  it('given a valid envelope with a bad payload, when consumed, then the payload field path and rule are named', () => {
    const envelope = electionEnvelope({ payload: { ...parliamentary2025, electionDate: '2025-11-31' } });

    const violation = violationOf(envelope);

    expect(violation).toMatchObject({
      reason: 'invalid-payload',
      eventId: envelope.eventId,
      schemaVersion: 3,
    });
    expect(violation.message).toBe('ElectionCalled.payload.electionDate: expected a date YYYY-MM-DD');
  });

  it('given a schemaVersion newer than this consumer knows, when consumed, then it says to upgrade', () => {
    const violation = violationOf(electionEnvelope({ schemaVersion: 4 }));

    expect(violation.reason).toBe('unsupported-version');
    expect(violation.message).toBe(
      'ElectionCalled.schemaVersion: expected 1 to 3; version 4 is newer than this consumer knows: upgrade @vl/contracts',
    );
  });

  it('given ElectionCalled from turnout, when consumed, then the producer is not the owner', () => {
    expect(violationOf(electionEnvelope({ producer: 'turnout' })).message).toBe(
      'ElectionCalled.producer: expected voter-roll (the owner)',
    );
  });

  it('given a DeadLetterSkipped from an unknown service, when consumed, then the producer must be one of the six', () => {
    const payload = {
      consumerGroup: 'turnout.voter-lists',
      topic: 'voter-roll.voter-lists.v1',
      partition: 3,
      offset: '1044',
      eventId: null,
      key: null,
      reason: 'malformed JSON from a pre-release relay',
      operator: 'cec-operator-17',
    };
    const envelope = envelopeFor('DeadLetterSkipped', payload, {
      producer: 'ministry',
      partitionKey: 'turnout.voter-lists:null',
    });

    expect(violationOf(envelope).message).toBe(
      'DeadLetterSkipped.producer: expected one of voter-roll | turnout | excuses | sanctions | lottery | incentives',
    );
    expect(eventCatalog.parseForConsume({ ...envelope, producer: 'lottery' }).ok).toBe(true);
  });

  it('given a partition key that is not the election, when consumed, then the key mismatch is a violation', () => {
    const violation = violationOf(electionEnvelope({ partitionKey: 'someone-else' }));

    expect(violation).toMatchObject({ reason: 'partition-key-mismatch' });
    expect(violation.message).toBe(
      'ElectionCalled.partitionKey: does not match the key derived from the payload (electionId: every event of one election is read in order)',
    );
  });

  it('given any payload the producer accepts, when relayed and consumed, then the consumer accepts it unchanged', () => {
    const hhmm = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const payloads = fc.record({
      electionId: fc.uuid(),
      kind: fc.constantFrom('parliamentary', 'presidential', 'local', 'referendum'),
      title: fc.string({ minLength: 1, maxLength: 200 }),
      electionDate: fc
        .date({
          min: new Date('1991-08-31T00:00:00Z'),
          max: new Date('2199-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10)),
      timeZone: fc.constantFrom('Asia/Bishkek', 'UTC', 'Europe/Moscow', 'Asia/Almaty'),
      pollsOpenAt: hhmm,
      pollsCloseAt: hhmm,
    });

    fc.assert(
      fc.property(payloads, (payload) => {
        const produced = eventCatalog.parseForProduce('voter-roll', { type: 'ElectionCalled', payload });
        if (!produced.ok) return; // the producer's rejections are covered by the ElectionCalled spec
        const consumed = eventCatalog.parseForConsume(
          JSON.parse(
            JSON.stringify(
              envelopeFor(produced.value.type, produced.value.payload, {
                partitionKey: produced.value.partitionKey,
              }),
            ),
          ),
        );
        expect(consumed.ok && consumed.value.payload).toEqual(produced.value.payload);
      }),
    );
  });
});
