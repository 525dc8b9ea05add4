import { eventCatalog } from '../event-catalog';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const personalNumber = '21503199000017';
const checkedIn = {
  electionId,
  personalNumber,
  precinctId: '1101-001',
  method: 'station',
  identification: 'biometric',
  pollWorker: { subject: 'pw-1101-001-a', role: 'poll-worker' },
  checkedInAt: '2030-11-24T03:00:00.000Z',
  device: { deviceId: 'pb-1101-001-2', sequence: 41, deviceTime: '2030-11-24T03:00:00.000Z' },
};

const produce = (type: string, payload: Record<string, unknown>) =>
  eventCatalog.parseForProduce('turnout', { type, payload });
const messageOf = (result: ReturnType<typeof produce>) => (result.ok ? 'accepted' : result.error.message);

describe('turnout check-in contracts', () => {
  it('given a check-in, when turnout produces it, then it goes to turnout.check-ins.v1 keyed by the voter', () => {
    expect(produce('VoterCheckedIn', checkedIn)).toEqual({
      ok: true,
      value: {
        type: 'VoterCheckedIn',
        schemaVersion: 2,
        payload: checkedIn,
        partitionKey: personalNumber,
        topic: 'turnout.check-ins.v1',
      },
    });
  });

  it('given a check-in recorded by no device, when produced, then device is null', () => {
    expect(produce('VoterCheckedIn', { ...checkedIn, device: null }).ok).toBe(true);
  });

  it('given a method, an identification and a personal number outside the rules, when produced, then each field is named', () => {
    const result = produce('VoterCheckedIn', {
      ...checkedIn,
      method: 'postal',
      identification: 'face',
      personalNumber: '31503199000017',
    });

    expect(messageOf(result)).toContain('VoterCheckedIn.payload.method: expected one of');
    expect(messageOf(result)).toContain('VoterCheckedIn.payload.identification: expected one of');
    expect(messageOf(result)).toContain('VoterCheckedIn.payload.personalNumber: expected a personal number');
  });

  it('given a check-in time with an offset or a device without a sequence, when produced, then it is refused', () => {
    const result = produce('VoterCheckedIn', {
      ...checkedIn,
      checkedInAt: '2030-11-24T09:00:00+06:00',
      device: { deviceId: 'pb-1', deviceTime: '2030-11-24T03:00:00.000Z' },
    });

    expect(messageOf(result)).toBe(
      [
        'VoterCheckedIn.payload.checkedInAt: expected a UTC date-time YYYY-MM-DDTHH:MM:SS(.sss)Z',
        'VoterCheckedIn.payload.device.sequence: required',
      ].join('; '),
    );
  });

  it('given anything about the ballot riding along, when produced, then the unknown field is refused', () => {
    expect(messageOf(produce('VoterCheckedIn', { ...checkedIn, ballotIssued: 17 }))).toBe(
      'VoterCheckedIn.payload.ballotIssued: unknown field: the contract does not allow it',
    );
  });

  it('given a revocation with a 9-character reason, when produced, then the reason is refused', () => {
    const revoked = {
      electionId,
      personalNumber,
      precinctId: '1101-001',
      reason: 'mistake!!',
      revokedBy: { subject: 'm-1', role: 'commission' },
    };

    expect(messageOf(produce('CheckInRevoked', revoked))).toBe(
      'CheckInRevoked.payload.reason: expected at least 10 characters',
    );
    expect(produce('CheckInRevoked', { ...revoked, reason: 'mistake!!!' }).ok).toBe(true);
  });

  it('given a duplicate attempt, when produced, then it is keyed by the voter on the check-ins topic', () => {
    const result = produce('DuplicateCheckInRejected', {
      electionId,
      personalNumber,
      attemptedPrecinctId: '1203-017',
      attemptedAt: '2030-11-24T05:30:00.000Z',
      firstPrecinctId: '1101-001',
      firstCheckedInAt: '2030-11-24T03:00:00.000Z',
    });

    expect(result.ok && [result.value.topic, result.value.partitionKey]).toEqual([
      'turnout.check-ins.v1',
      personalNumber,
    ]);
  });

  it('given polls opened and closed, when produced, then they go to turnout.polls.v1 keyed by election and precinct', () => {
    const opened = produce('PollsOpened', {
      electionId,
      precinctId: '1101-001',
      openedAt: '2030-11-24T01:00:00.000Z',
      openedBy: { subject: 'chair-1', role: 'commission' },
    });
    const closed = produce('PollsClosed', {
      electionId,
      precinctId: '1101-001',
      closedAt: '2030-11-24T14:00:00.000Z',
      closedBy: { subject: 'chair-1', role: 'commission' },
    });

    expect(opened.ok && [opened.value.topic, opened.value.partitionKey]).toEqual([
      'turnout.polls.v1',
      `${electionId}:1101-001`,
    ]);
    expect(closed.ok && closed.value.topic).toBe('turnout.polls.v1');
  });

  it('given voter-roll, when it tries to produce a check-in, then only turnout may', () => {
    const result = eventCatalog.parseForProduce('voter-roll', { type: 'VoterCheckedIn', payload: checkedIn });

    expect(result.ok || result.error.reason).toBe('not-the-owner');
  });
});

describe('turnout events recorded before they named the actor', () => {
  const read = (type: string, payload: Record<string, unknown>) =>
    eventCatalog.parseStored({
      eventId: '019aa000-0000-7000-8000-000000000001',
      type,
      schemaVersion: 1,
      payload,
    });
  const { pollWorker: _actor, ...checkInFields } = checkedIn;
  const polls = { electionId, precinctId: '1101-001' };

  it.each([
    ['VoterCheckedIn', { ...checkInFields, pollWorker: 'pw-1' }, 'pollWorker', 'poll-worker'],
    [
      'PollsOpened',
      { ...polls, openedAt: '2030-11-24T01:00:00.000Z', openedBy: 'chair-1' },
      'openedBy',
      'commission',
    ],
    [
      'PollsClosed',
      { ...polls, closedAt: '2030-11-24T14:00:00.000Z', closedBy: 'chair-1' },
      'closedBy',
      'commission',
    ],
    [
      'CheckInRevoked',
      { electionId, personalNumber, precinctId: '1101-001', reason: 'wrong voter', revokedBy: 'm-1' },
      'revokedBy',
      'commission',
    ],
    [
      'ParticipationFinalized',
      {
        electionId,
        finalizedAt: '2030-11-24T15:00:00.000Z',
        finalizedBy: 'cec-7',
        precincts: 1,
        registered: 2,
        participated: 1,
        absent: 1,
      },
      'finalizedBy',
      'cec-operator',
    ],
  ])(
    'given a v1 %s naming only the subject, when read, then it names the subject and the role its endpoint admitted',
    (type, v1, field, role) => {
      const result = read(type, v1);

      expect(result.ok && result.value.schemaVersion).toBe(2);
      expect(result.ok && result.value.payload).toEqual({
        ...v1,
        [field]: { subject: v1[field as keyof typeof v1], role },
      });
    },
  );

  it('given a v1 revocation by turnout reconciling offline poll books, when read, then turnout itself is the actor', () => {
    const result = read('CheckInRevoked', {
      electionId,
      personalNumber,
      precinctId: '1101-001',
      reason: 'superseded: an earlier check-in',
      revokedBy: 'turnout:offline-reconciliation',
    });

    expect(result.ok && result.value.payload).toMatchObject({
      revokedBy: { subject: 'turnout:offline-reconciliation', role: 'turnout' },
    });
  });
});

describe('integrity alerts before check-in-before-opening was a signal', () => {
  const alert = {
    electionId,
    precinctId: '1101-001',
    signal: 'check-in-after-close',
    observedAt: '2030-11-24T14:10:00.000Z',
    evidence: { minutesAfterClose: 10 },
    summary: 'precinct 1101-001: a late offline sync',
  };
  const readAt = (schemaVersion: number, payload: Record<string, unknown>) =>
    eventCatalog.parseStored({
      eventId: '019aa000-0000-7000-8000-000000000001',
      type: 'IntegrityAlertRaised',
      schemaVersion,
      payload,
    });

  it('given a v1 alert, when read, then it reads unchanged as v2', () => {
    const result = readAt(1, alert);

    expect(result.ok && result.value).toMatchObject({ schemaVersion: 2, payload: alert });
  });

  it('given check-in-before-opening, when produced, then it is accepted; as a v1 payload it was not a signal', () => {
    expect(messageOf(produce('IntegrityAlertRaised', { ...alert, signal: 'check-in-before-opening' }))).toBe(
      'accepted',
    );
    expect(readAt(1, { ...alert, signal: 'check-in-before-opening' }).ok).toBe(false);
  });
});
