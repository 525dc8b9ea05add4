import { readTopic } from '@vl/testing';
import { seedAdoptionIdOf } from '@vl/policy';
import { v7 as uuidv7 } from 'uuid';
import { TurnoutPolicies } from '../application/turnout-policies';
import { DEFAULT_CHECK_IN_POLICY } from '../domain/check-in-policy';
import { DEFAULT_INTEGRITY_THRESHOLDS } from '../domain/integrity-signals';
import { PollingDayClock, startTurnout, type TurnoutUnderTest } from '../testing/turnout-under-test';

const CHECK_IN = '/policies/turnout.check-in';
const adoption = (overrides: Record<string, unknown> = {}) => ({
  effectiveFrom: '2031-03-01',
  adoptedBy: { body: 'cec', decision: 'CEC decision 12/2031' },
  content: { ...DEFAULT_CHECK_IN_POLICY, graceAfterCloseMinutes: 45 },
  ...overrides,
});

describe('policies adopted and listed over HTTP, stored in the log and published', () => {
  let turnout: TurnoutUnderTest;
  const adoptionId = uuidv7();
  const adopted = () => turnout.eventCounts().then((counts) => counts.CheckInPolicyAdopted ?? 0);

  beforeAll(async () => {
    // 10 January 2031, 12:00 in Bishkek
    turnout = await startTurnout(new PollingDayClock('2031-01-10T06:00:00.000Z'));
  });
  afterAll(() => turnout?.close());

  it('given a fresh stack, when the policies are listed, then each kind holds its statutory default', async () => {
    const checkIn = await turnout.request('GET', CHECK_IN, { roles: ['auditor'] });
    expect(checkIn).toEqual({
      status: 200,
      body: {
        kind: 'turnout.check-in',
        adoptions: [
          {
            id: seedAdoptionIdOf('turnout.check-in'),
            kind: 'turnout.check-in',
            effectiveFrom: '2000-01-01',
            adoptedBy: { body: 'statute', decision: expect.stringContaining('statutory default') },
            actor: { subject: 'turnout', role: 'service' },
            content: DEFAULT_CHECK_IN_POLICY,
          },
        ],
      },
    });
    const thresholds = await turnout.request(
      'GET',
      '/policies/turnout.integrity-thresholds/in-force?date=2030-11-24',
      {
        roles: ['cec-operator'],
      },
    );
    expect(thresholds).toMatchObject({ status: 200, body: { content: DEFAULT_INTEGRITY_THRESHOLDS } });
  });

  it('given the CEC adopts a 45-minute grace from 1 March 2031, when asked, then it is in force from that day and not the day before', async () => {
    const created = await turnout.request('POST', CHECK_IN, {
      roles: ['cec-operator'],
      json: adoption({ id: adoptionId }),
    });
    expect(created).toEqual({
      status: 201,
      body: {
        id: adoptionId,
        kind: 'turnout.check-in',
        effectiveFrom: '2031-03-01',
        adoptedBy: { body: 'cec', decision: 'CEC decision 12/2031' },
        actor: { subject: 'test-cec-operator', role: 'cec-operator' },
        content: { ...DEFAULT_CHECK_IN_POLICY, graceAfterCloseMinutes: 45 },
      },
    });
    const inForce = (date: string) =>
      turnout.request('GET', `${CHECK_IN}/in-force?date=${date}`, { roles: ['commission'] });
    expect((await inForce('2031-02-28')).body).toMatchObject({ id: seedAdoptionIdOf('turnout.check-in') });
    expect((await inForce('2031-03-01')).body).toMatchObject({ id: adoptionId });
    const listed = await turnout.request('GET', CHECK_IN, { roles: ['auditor'] });
    expect((listed.body as { adoptions: { id: string }[] }).adoptions.map((a) => a.id)).toEqual([
      seedAdoptionIdOf('turnout.check-in'),
      adoptionId,
    ]);
    // what a check-in and the finalization read, from memory
    const policies = turnout.app.get(TurnoutPolicies);
    expect(policies.checkIn('2031-02-28').graceAfterCloseMinutes).toBe(30);
    expect(policies.checkIn('2031-03-01').graceAfterCloseMinutes).toBe(45);
  });

  it('given an adoption, when the same request is retried, then it answers 200 with it and appends nothing', async () => {
    const before = await adopted();
    const retried = await turnout.request('POST', CHECK_IN, {
      roles: ['cec-operator'],
      json: adoption({ id: adoptionId }),
    });
    expect(retried).toMatchObject({ status: 200, body: { id: adoptionId } });
    expect(await adopted()).toBe(before);
  });

  it.each([
    [
      'an unknown field in the content',
      adoption({ content: { ...DEFAULT_CHECK_IN_POLICY, fineKgs: 500 } }),
      'content.fineKgs',
      'unknown field',
    ],
    [
      'a negative grace',
      adoption({ content: { ...DEFAULT_CHECK_IN_POLICY, graceAfterCloseMinutes: -5 } }),
      'content.graceAfterCloseMinutes',
      'expected at least 0',
    ],
    [
      'an effective date before the current one',
      adoption({ effectiveFrom: '2031-02-15', adoptedBy: { body: 'cec', decision: 'CEC 13/2031' } }),
      'effectiveFrom',
      'expected 2031-03-01 or later',
    ],
    [
      'an effective date of today',
      adoption({ effectiveFrom: '2031-01-10', adoptedBy: { body: 'cec', decision: 'CEC 14/2031' } }),
      'effectiveFrom',
      'after today (2031-01-10',
    ],
    [
      'an unknown field in the request',
      { ...adoption(), reason: 'x' },
      '(body)',
      'Unrecognized key: "reason"',
    ],
    [
      'the Cabinet as the body of a CEC kind',
      adoption({ adoptedBy: { body: 'cabinet', decision: 'Resolution 7' } }),
      'adoptedBy.body',
      "expected 'cec'",
    ],
  ])(
    'given %s, when adopted, then 400 names the field and the rule and nothing is appended',
    async (_, json, field, rule) => {
      const before = await adopted();
      const refused = await turnout.request('POST', CHECK_IN, { roles: ['cec-operator'], json });
      expect(refused.status).toBe(400);
      expect((refused.body as { errors: { field: string; rule: string }[] }).errors).toContainEqual({
        field,
        rule: expect.stringContaining(rule),
      });
      expect(await adopted()).toBe(before);
    },
  );

  it('given an unknown kind, when adopted, then 404 names the kind and the kinds turnout holds', async () => {
    const refused = await turnout.request('POST', '/policies/turnout.fines', {
      roles: ['cec-operator'],
      json: adoption(),
    });
    expect(refused).toMatchObject({
      status: 404,
      body: {
        message: expect.stringContaining(
          'kind: unknown policy kind turnout.fines; this service holds turnout.check-in, turnout.integrity-thresholds',
        ),
      },
    });
  });

  it.each([['poll-worker'], ['cabinet']] as const)(
    'given the role %s, when it adopts a CEC policy, then 403 and nothing is appended',
    async (role) => {
      const before = await adopted();
      const refused = await turnout.request('POST', CHECK_IN, {
        roles: [role],
        json: adoption({ adoptedBy: { body: 'cec', decision: `CEC by ${role}` } }),
      });
      expect(refused.status).toBe(403);
      expect(await adopted()).toBe(before);
    },
  );

  it('given the seed and an adoption in the log, when turnout.policies.v1 is read, then both are published keyed by kind', async () => {
    const ids = new Set([seedAdoptionIdOf('turnout.check-in'), adoptionId]);
    const published = await readTopic('turnout.policies.v1', {
      keep: (message) => ids.has(message.envelope.eventId),
      until: (kept) => new Set(kept.map((message) => message.envelope.eventId)).size === ids.size,
      settleMs: 0,
    });
    const mine = published.find((message) => message.envelope.eventId === adoptionId);
    expect(mine).toMatchObject({
      key: 'turnout.check-in',
      envelope: {
        type: 'CheckInPolicyAdopted',
        producer: 'turnout',
        payload: { effectiveFrom: '2031-03-01' },
      },
    });
  });

  it('given a second instance starting on the same log, when it seeds, then no second statutory default is adopted', async () => {
    const before = await adopted();
    const second = await startTurnout(new PollingDayClock('2031-01-10T06:00:00.000Z'), {
      schema: turnout.schema,
    });
    try {
      expect(await adopted()).toBe(before);
      expect(second.app.get(TurnoutPolicies).checkIn('2031-03-01').graceAfterCloseMinutes).toBe(45);
    } finally {
      await second.app.close();
    }
  });
});
