import { parseRole, roleMatches } from './roles';

describe('roles', () => {
  it.each([
    ['cec-operator', 'cec-operator', true],
    ['ministry:finance', 'ministry:*', true],
    ['ministry:finance', 'ministry:health', false],
    ['citizen:12345678901234', 'citizen:*', true],
    ['poll-worker', 'commission', false],
    ['cabinet', 'cec-operator', false],
    ['employer:bishkek-thermal-plant', 'employer:*', true],
    ['employer:bishkek-thermal-plant', 'ministry:*', false],
  ] as const)('given role %s, when matched against %s, then %s', (role, pattern, expected) => {
    expect(roleMatches(role, pattern)).toBe(expected);
  });

  it('given the Cabinet office, when its role is parsed, then it is a role of its own', () => {
    expect(parseRole('cabinet')).toBe('cabinet');
  });

  it('given an employer, when its role is parsed, then it is employer:<id>', () => {
    expect(parseRole('employer:bishkek-thermal-plant')).toBe('employer:bishkek-thermal-plant');
  });

  it.each(['citizen:123', 'ministry:', 'employer', 'employer:', 'employer:Plant 1', 'CEC-OPERATOR'])(
    'given the malformed role %s, when parsed, then it is rejected',
    (value) => {
      expect(() => parseRole(value)).toThrow();
    },
  );
});
