import { eventCatalog } from '../event-catalog';
import { localElectionPayload, parliamentary2025 } from '../testing/elections';
import { envelopeFor } from '../testing/envelope-for';

function produce(payload: Record<string, unknown>) {
  return eventCatalog.parseForProduce('voter-roll', { type: 'ElectionCalled', payload });
}

function withoutTerritory<T extends { territory: unknown }>({ territory: _territory, ...rest }: T) {
  return rest;
}

function messageOf(result: ReturnType<typeof produce>): string {
  if (result.ok) throw new Error('expected a contract violation');
  return result.error.message;
}

describe('ElectionCalled contract', () => {
  it('given a complete election, when voter-roll produces it, then it is keyed by election on voter-roll.elections.v1', () => {
    const result = produce(parliamentary2025);

    expect(result).toEqual({
      ok: true,
      value: {
        type: 'ElectionCalled',
        schemaVersion: 3,
        payload: parliamentary2025,
        partitionKey: parliamentary2025.electionId,
        topic: 'voter-roll.elections.v1',
      },
    });
  });

  it('given who called it, when produced, then calledBy carries the token subject and role', () => {
    const calledBy = { subject: 'cec-operator-7', role: 'cec-operator' };
    const result = produce({ ...parliamentary2025, calledBy });

    expect(result.ok && result.value.payload).toEqual({ ...parliamentary2025, calledBy });
  });

  it('given a calledBy without a subject or with a stray field, when produced, then both are named', () => {
    const result = produce({
      ...parliamentary2025,
      calledBy: { subject: '', role: 'cec-operator', seat: 3 },
    });

    expect(messageOf(result)).toBe(
      [
        'ElectionCalled.payload.calledBy.subject: expected at least 1 characters',
        'ElectionCalled.payload.calledBy.seat: unknown field: the contract does not allow it',
      ].join('; '),
    );
  });

  it('given a v1 ElectionCalled recorded before calledBy existed, when consumed, then it reads as v3 with the actor unrecorded, for the whole country', () => {
    const { calledBy: _calledBy, territory: _territory, ...v1 } = parliamentary2025;
    const envelope = envelopeFor('ElectionCalled', v1, {
      schemaVersion: 1,
      partitionKey: parliamentary2025.electionId,
    });
    const result = eventCatalog.parseForConsume(envelope);

    expect(result.ok && [result.value.schemaVersion, result.value.payload]).toEqual([
      3,
      { ...v1, calledBy: { subject: 'unrecorded', role: 'cec-operator' }, territory: { level: 'country' } },
    ]);
  });

  it('given a v2 ElectionCalled recorded before elections had a territory, when consumed, then it is an election of the whole country', () => {
    const { territory: _territory, ...v2 } = parliamentary2025;
    const envelope = envelopeFor('ElectionCalled', v2, {
      schemaVersion: 2,
      partitionKey: parliamentary2025.electionId,
    });
    const result = eventCatalog.parseForConsume(envelope);

    expect(result.ok && [result.value.schemaVersion, result.value.payload]).toEqual([
      3,
      { ...v2, territory: { level: 'country' } },
    ]);
  });

  it('given a v2 ElectionCalled that carries a territory, when consumed, then v2 refuses the field it did not have', () => {
    const envelope = envelopeFor('ElectionCalled', localElectionPayload('1101'), {
      schemaVersion: 2,
      partitionKey: parliamentary2025.electionId,
    });
    const result = eventCatalog.parseForConsume(envelope);

    expect(result.ok || result.error.message).toBe(
      'ElectionCalled.payload.territory: unknown field: the contract does not allow it (schema v2)',
    );
  });

  it.each([
    [{ level: 'region', code: '11' }, 'accepted'],
    [{ level: 'district', code: '1101' }, 'accepted'],
    [
      { level: 'district', code: '11' },
      'ElectionCalled.payload.territory.code: expected a district code NNNN',
    ],
    [{ level: 'region', code: '1101' }, 'ElectionCalled.payload.territory.code: expected a region code NN'],
    [
      { level: 'country', code: '11' },
      'ElectionCalled.payload.territory.code: unknown field: the contract does not allow it',
    ],
  ])('given territory %j, when produced, then %s', (territory, expected) => {
    const result = produce({ ...parliamentary2025, kind: 'local', territory });

    expect(result.ok ? 'accepted' : result.error.message).toBe(expected);
  });

  it('given a v2 ElectionCalled without calledBy, when produced, then the missing actor is named', () => {
    const { calledBy: _calledBy, ...withoutActor } = parliamentary2025;
    expect(messageOf(produce(withoutActor))).toBe('ElectionCalled.payload.calledBy: required');
  });

  it('given a v1 ElectionCalled that carries calledBy, when consumed, then v1 refuses the field it did not have', () => {
    const envelope = envelopeFor(
      'ElectionCalled',
      {
        ...withoutTerritory(parliamentary2025),
        calledBy: { subject: 'cec-operator-7', role: 'cec-operator' },
      },
      { schemaVersion: 1, partitionKey: parliamentary2025.electionId },
    );
    const result = eventCatalog.parseForConsume(envelope);

    expect(result.ok || result.error.message).toBe(
      'ElectionCalled.payload.calledBy: unknown field: the contract does not allow it (schema v1)',
    );
  });

  it('given no electionId, when produced, then the violation names the field as required', () => {
    const { electionId: _omitted, ...payload } = parliamentary2025;

    expect(messageOf(produce(payload))).toBe('ElectionCalled.payload.electionId: required');
  });

  it.each([
    ['30.11.2025', 'a local format'],
    ['2025-11-31', 'a day November does not have'],
    ['2025-02-29', 'a leap day in a common year'],
    ['2025-11-30T07:00', 'a date-time'],
  ])('given electionDate %s (%s), when produced, then it is rejected as not a date', (electionDate) => {
    expect(messageOf(produce({ ...parliamentary2025, electionDate }))).toBe(
      'ElectionCalled.payload.electionDate: expected a date YYYY-MM-DD',
    );
  });

  it('given polls closing before they open, when produced, then pollsCloseAt is rejected with the rule', () => {
    const result = produce({ ...parliamentary2025, pollsOpenAt: '20:00', pollsCloseAt: '07:00' });

    expect(messageOf(result)).toBe(
      'ElectionCalled.payload.pollsCloseAt: expected polls to close after they open (pollsOpenAt), on the same day',
    );
  });

  it('given polls closing the minute they open, when produced, then it is rejected too', () => {
    expect(produce({ ...parliamentary2025, pollsOpenAt: '07:00', pollsCloseAt: '07:00' }).ok).toBe(false);
  });

  it.each(['7:00', '24:00', '07:60', '07:00:00'])(
    'given pollsOpenAt %s, when produced, then it must be HH:MM',
    (time) => {
      expect(messageOf(produce({ ...parliamentary2025, pollsOpenAt: time }))).toBe(
        'ElectionCalled.payload.pollsOpenAt: expected a time HH:MM (00:00 to 23:59)',
      );
    },
  );

  it.each([
    ['+06:00', 'expected an IANA time zone name such as Asia/Bishkek'],
    ['Bishkek', 'expected an IANA time zone name such as Asia/Bishkek'],
    ['Asia/Atlantis', 'expected an IANA time zone name such as Asia/Bishkek'],
    ['asia/bishkek', 'expected an IANA time zone name such as Asia/Bishkek'],
    ['Asia/BISHKEK', 'expected the IANA spelling Asia/Bishkek'],
  ])('given timeZone %s, when produced, then the rule says %s', (timeZone, rule) => {
    expect(messageOf(produce({ ...parliamentary2025, timeZone }))).toBe(
      `ElectionCalled.payload.timeZone: ${rule}`,
    );
  });

  it.each(['UTC', 'Asia/Almaty', 'America/Sao_Paulo'])(
    'given timeZone %s, when produced, then it is accepted',
    (timeZone) => {
      expect(produce({ ...parliamentary2025, timeZone }).ok).toBe(true);
    },
  );

  it('given a kind outside the law, a blank title and a stray field, when produced, then every rule is named', () => {
    const result = produce({ ...parliamentary2025, kind: 'primary', title: '   ', turnoutGoal: 0.5 });

    expect(messageOf(result)).toBe(
      [
        "ElectionCalled.payload.kind: expected one of 'parliamentary' | 'presidential' | 'local' | 'referendum'",
        'ElectionCalled.payload.title: expected visible characters, not only spaces',
        'ElectionCalled.payload.turnoutGoal: unknown field: the contract does not allow it',
      ].join('; '),
    );
  });

  it('given a 201-character title, when produced, then the length limit is named', () => {
    expect(messageOf(produce({ ...parliamentary2025, title: 'x'.repeat(201) }))).toBe(
      'ElectionCalled.payload.title: expected at most 200 characters',
    );
  });

  it('given turnout (not the owner), when it produces ElectionCalled, then the producer is rejected', () => {
    const result = eventCatalog.parseForProduce('turnout', {
      type: 'ElectionCalled',
      payload: parliamentary2025,
    });

    expect(result.ok || result.error.reason).toBe('not-the-owner');
    expect(messageOf(result)).toBe('ElectionCalled.producer: owned by voter-roll; turnout cannot produce it');
  });
});
