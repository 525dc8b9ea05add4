import { z } from 'zod';
import { ContractDefinitionError } from '../define-event';
import { eventCatalog } from '../event-catalog';
import { integrityThresholdsKind } from '../turnout/turnout-policies';
import { definePolicyKind, parsePolicyContent } from './define-policy-kind';

const thresholds = {
  highTurnoutPercent: 95,
  checkInsPerMinute: 6,
  inclusionSharePercent: 10,
  mobileBoxSharePercent: 15,
  lastHourSharePercent: 25,
  shareMinCheckIns: 20,
};

describe('policy kinds as contracts', () => {
  it('given a turnout kind, when its adoption is produced, then it travels on turnout.policies.v1 keyed by kind', () => {
    const produced = eventCatalog.parseForProduce('turnout', {
      type: 'IntegrityThresholdsAdopted',
      payload: {
        kind: 'turnout.integrity-thresholds',
        effectiveFrom: '2031-03-01',
        adoptedBy: { body: 'cec', decision: 'CEC decision 12/2031' },
        actor: { subject: 'operator-1', role: 'cec-operator' },
        content: thresholds,
      },
    });
    expect(produced).toMatchObject({
      ok: true,
      value: { topic: 'turnout.policies.v1', partitionKey: 'turnout.integrity-thresholds' },
    });
  });

  it('given another service, when it produces a turnout policy, then it is not the owner', () => {
    const produced = eventCatalog.parseForProduce('sanctions', {
      type: 'IntegrityThresholdsAdopted',
      payload: {},
    });
    expect(produced).toMatchObject({ ok: false, error: { reason: 'not-the-owner' } });
  });

  it.each([
    ['highTurnoutPercent', 101, 'expected at most 100'],
    ['inclusionSharePercent', -1, 'expected at least 0'],
    ['checkInsPerMinute', 0, 'expected at least 1'],
    ['shareMinCheckIns', 2.5, 'expected an integer, got a fraction'],
    ['mobileBoxSharePercent', '15', 'expected a number, got a string'],
  ])('given %s = %j, when the content is parsed, then that field is refused: %s', (field, value, rule) => {
    expect(parsePolicyContent(integrityThresholdsKind, { ...thresholds, [field]: value })).toEqual({
      ok: false,
      error: [{ path: `content.${field}`, rule }],
    });
  });

  it('given an unknown field, when the content is parsed, then it is refused by name', () => {
    expect(parsePolicyContent(integrityThresholdsKind, { ...thresholds, fineKgs: 500 })).toEqual({
      ok: false,
      error: [{ path: 'content.fineKgs', rule: 'unknown field: the contract does not allow it' }],
    });
  });

  it("given a kind not named '<owner>.<name>', when declared, then the contract is refused at load time", () => {
    const declare = () =>
      definePolicyKind({
        kind: 'sanctions.ladder',
        owner: 'turnout',
        adoptedBy: 'cec',
        eventType: 'LadderAdopted',
        content: z.strictObject({}),
        description: 'A ladder.',
      });
    expect(declare).toThrow(ContractDefinitionError);
  });
});
