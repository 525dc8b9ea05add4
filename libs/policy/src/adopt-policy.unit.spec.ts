import { checkInPolicyKind } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import { adoptionEvent, policyDecider, type AdoptPolicy } from './adopt-policy';
import { seedAdoptionIdOf } from './adoption-id';

const spec = deciderSpecification(policyDecider(checkInPolicyKind));
const today = { today: '2031-01-10' };
const content = {
  graceAfterCloseMinutes: 45,
  deviceClockMaxAheadSeconds: 120,
  deviceClockMaxBehindHours: 16,
};

const command = (overrides: Partial<AdoptPolicy> = {}): AdoptPolicy => ({
  adoptionId: '0190f4a0-0000-7000-8000-000000000012',
  effectiveFrom: '2031-03-01',
  adoptedBy: { body: 'cec', decision: 'CEC decision 12/2031' },
  actor: { subject: 'operator-1', role: 'cec-operator' },
  content,
  ...overrides,
});

const seed = adoptionEvent(checkInPolicyKind, {
  adoptionId: seedAdoptionIdOf('turnout.check-in'),
  effectiveFrom: '2000-01-01',
  adoptedBy: { body: 'statute', decision: 'statutory default' },
  actor: { subject: 'turnout', role: 'service' },
  content: { ...content, graceAfterCloseMinutes: 30 },
});

describe('adopting a policy', () => {
  it('given the seed, when the CEC adopts a policy effective after today, then it is adopted under its id', () => {
    spec
      .given(seed)
      .when(command(), today)
      .then([adoptionEvent(checkInPolicyKind, command())]);
  });

  it('given an adoption, when the same request is retried, then nothing more is appended', () => {
    spec.given(seed, adoptionEvent(checkInPolicyKind, command())).when(command(), today).then([]);
  });

  it('given an adoption, when its id comes back with other terms, then it is refused as a reused id', () => {
    spec
      .given(seed, adoptionEvent(checkInPolicyKind, command()))
      .when(command({ effectiveFrom: '2031-04-01' }), today)
      .thenRejects({ code: 'adoption-id-reused' });
  });

  it('given a policy effective from 1 March, when one effective from 1 February is adopted, then effectiveFrom is refused naming the current date', () => {
    const decision = spec
      .given(seed, adoptionEvent(checkInPolicyKind, command()))
      .when(
        command({ adoptionId: '0190f4a0-0000-7000-8000-000000000013', effectiveFrom: '2031-02-01' }),
        today,
      )
      .decision();
    expect(decision).toMatchObject({ ok: false, error: { code: 'invalid-policy' } });
    if (decision.ok || decision.error.code !== 'invalid-policy') return;
    expect(decision.error.issues).toEqual([
      { path: 'effectiveFrom', rule: expect.stringContaining('expected 2031-03-01 or later') },
    ]);
  });

  it('given the same effective date as the current one, when a correction is adopted, then it is adopted', () => {
    const correction = command({ adoptionId: '0190f4a0-0000-7000-8000-000000000014' });
    spec
      .given(seed, adoptionEvent(checkInPolicyKind, command()))
      .when(correction, today)
      .then([adoptionEvent(checkInPolicyKind, correction)]);
  });

  it.each(['2031-01-10', '2030-11-24'])(
    'given today is 10 January 2031, when a policy effective %s is adopted, then it is refused: no election held or under way changes its rules',
    (effectiveFrom) => {
      spec
        .given(seed)
        .when(command({ effectiveFrom }), today)
        .thenRejects({
          code: 'invalid-policy',
          issues: [{ path: 'effectiveFrom', rule: expect.stringContaining('after today (2031-01-10') }],
        });
    },
  );

  it('given a CEC kind, when the Cabinet is named as the adopting body, then adoptedBy.body is refused', () => {
    spec
      .given(seed)
      .when(command({ adoptedBy: { body: 'cabinet', decision: 'Resolution 5' } }), today)
      .thenRejects({
        code: 'invalid-policy',
        issues: [{ path: 'adoptedBy.body', rule: expect.stringContaining("expected 'cec'") }],
      });
  });

  it.each([
    [{ ...content, graceAfterCloseMinutes: -5 }, 'content.graceAfterCloseMinutes', 'expected at least 0'],
    [
      { ...content, graceAfterCloseMinutes: 2.5 },
      'content.graceAfterCloseMinutes',
      'expected an integer, got a fraction',
    ],
    [
      { ...content, deviceClockMaxBehindHours: 100 },
      'content.deviceClockMaxBehindHours',
      'expected at most 72',
    ],
    [{ ...content, fines: 10 }, 'content.fines', 'unknown field: the contract does not allow it'],
    [
      { graceAfterCloseMinutes: 30, deviceClockMaxAheadSeconds: 120 },
      'content.deviceClockMaxBehindHours',
      'required',
    ],
  ])('given content %j, when adopted, then %s is refused: %s', (proposed, path, rule) => {
    spec
      .given(seed)
      .when(command({ content: proposed }), today)
      .thenRejects({ code: 'invalid-policy', issues: [{ path, rule }] });
  });
});
