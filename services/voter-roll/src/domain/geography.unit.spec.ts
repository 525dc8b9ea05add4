import { readCommissionMemberRow } from './commission-member-row';
import { noContext, type PrecinctRegistered } from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import { precinctDecider } from './geography';
import { readPrecinctRow, type Precinct } from './precinct-row';

const row = {
  precinct_code: '0101-001',
  region_code: '01',
  region_name: 'Chüy',
  district_code: '0101',
  district_name: 'Alamüdün',
  abroad: '0',
  country: 'KG',
  address: 'Lebedinovka, school No. 2',
};
const issuesOf = (overrides: Record<string, string>) => {
  const outcome = readPrecinctRow({ ...row, ...overrides });
  return outcome.ok ? [] : outcome.issues;
};
const precinct: Precinct = {
  precinctId: '0101-001',
  regionCode: '01',
  regionName: 'Chüy',
  districtCode: '0101',
  districtName: 'Alamüdün',
  abroad: false,
  country: 'KG',
  address: 'Lebedinovka, school No. 2',
  timeZone: 'Asia/Bishkek',
};

describe('a precincts.csv row', () => {
  it('given a precinct at home, when read, then it is the precinct', () => {
    expect(readPrecinctRow(row)).toEqual({ ok: true, value: precinct });
  });

  it('given a consular precinct in region 99, when read, then it is abroad in its host country', () => {
    const abroad = {
      precinct_code: '9999-012',
      region_code: '99',
      district_code: '9999',
      abroad: '1',
      country: 'RU',
    };
    expect(issuesOf(abroad)).toEqual([]);
  });

  it.each([
    [{ precinct_code: '0101-01' }, 'precinct_code', 'expected NNNN-NNN (district code, precinct number)'],
    [{ precinct_code: '0102-001' }, 'precinct_code', 'expected the district code as its first four digits'],
    [{ region_code: '08' }, 'region_code', 'expected one of 01, 02, 03, 04, 05, 06, 07, 11, 12, 99'],
    [{ district_code: '0201' }, 'district_code', 'expected its first two digits to be the region code'],
    [{ abroad: '1', country: 'RU' }, 'abroad', 'expected 1 exactly for region 99 (abroad), 0 otherwise'],
    [{ abroad: 'no' }, 'abroad', 'expected 0 or 1'],
    [{ country: 'KZ' }, 'country', 'expected KG for a precinct at home'],
    [{ address: ' ' }, 'address', 'expected 1–300 characters, not only spaces'],
    [{ address: 'x'.repeat(301) }, 'address', 'expected at most 300 characters'],
    [{ region_name: 'x'.repeat(101) }, 'region_name', 'expected at most 100 characters'],
  ])('given %j, when read, then %s is rejected: %s', (overrides, column, rule) => {
    expect(issuesOf(overrides)).toContainEqual({ column, rule });
  });

  it('given a consular precinct in Moscow with its zone, when read, then it keeps Europe/Moscow hours', () => {
    const moscow = {
      ...row,
      precinct_code: '9999-001',
      region_code: '99',
      district_code: '9999',
      abroad: '1',
      country: 'RU',
      time_zone: 'Europe/Moscow',
    };
    const outcome = readPrecinctRow(moscow);
    expect(outcome.ok && outcome.value.timeZone).toBe('Europe/Moscow');
  });

  it('given no time_zone column or an empty cell, when read, then the precinct keeps Asia/Bishkek hours', () => {
    const outcome = readPrecinctRow({ ...row, time_zone: '' });
    expect(outcome.ok && outcome.value.timeZone).toBe('Asia/Bishkek');
  });

  it.each([
    ['Mars/Olympus', 'expected an IANA time zone name such as Asia/Bishkek'],
    ['+03:00', 'expected an IANA time zone name such as Asia/Bishkek'],
    ['europe/moscow', 'expected an IANA time zone name such as Asia/Bishkek'],
  ])('given time_zone %s, when read, then time_zone is rejected', (zone, rule) => {
    expect(issuesOf({ time_zone: zone })).toEqual([
      { column: 'time_zone', rule: expect.stringContaining(rule.slice(0, 20)) },
    ]);
  });

  it('given region 99 with abroad 0 or with country KG, when read, then the contradiction is named', () => {
    const base = { precinct_code: '9999-012', region_code: '99', district_code: '9999' };
    expect(issuesOf({ ...base, abroad: '0', country: 'KG' })).toEqual([
      { column: 'abroad', rule: 'expected 1 exactly for region 99 (abroad), 0 otherwise' },
    ]);
    expect(issuesOf({ ...base, abroad: '1', country: 'KG' })).toEqual([
      { column: 'country', rule: 'expected the host country abroad, not KG' },
    ]);
    expect(issuesOf({ ...base, abroad: '1', country: 'ru' })).toEqual([
      { column: 'country', rule: 'expected an ISO 3166-1 alpha-2 code' },
    ]);
  });
});

describe('geography re-import', () => {
  const spec = deciderSpecification(precinctDecider);
  const registered: PrecinctRegistered = { type: 'PrecinctRegistered', payload: precinct };
  const register = (incoming: Precinct) => ({ type: 'RegisterPrecinct' as const, precinct: incoming });

  it('given no such precinct yet, when imported, then PrecinctRegistered', () => {
    spec
      .given()
      .when(register(precinct), noContext)
      .then([{ type: 'PrecinctRegistered', payload: precinct }]);
  });

  it('given the same precinct, when imported again, then nothing is emitted', () => {
    spec
      .given(registered)
      .when(register({ ...precinct }), noContext)
      .then([]);
  });

  it('given a moved polling station, when imported again, then the precinct is registered anew', () => {
    const moved = { ...precinct, address: 'Lebedinovka, school No. 3' };
    spec
      .given(registered)
      .when(register(moved), noContext)
      .then([{ type: 'PrecinctRegistered', payload: moved }]);
  });

  it('given a precinct registered before it carried a zone, when re-imported in another zone, then it is registered anew', () => {
    const inSeoul = { ...precinct, timeZone: 'Asia/Seoul' };
    spec
      .given(registered)
      .when(register(inSeoul), noContext)
      .then([{ type: 'PrecinctRegistered', payload: inSeoul }]);
  });

  const member = { precinctId: '0101-001', personalNumber: '21503199000123', position: 'chair' } as const;
  const appoint = { type: 'AppointCommissionMember' as const, member };
  const appointed = (position: 'chair' | 'secretary') => ({
    type: 'CommissionMemberAppointed' as const,
    payload: { ...member, position },
  });

  it('given a new member or a new position, when imported, then CommissionMemberAppointed; the same one, nothing', () => {
    spec
      .given(registered)
      .when(appoint, noContext)
      .then([{ type: 'CommissionMemberAppointed', payload: member }]);
    spec
      .given(registered, appointed('secretary'))
      .when(appoint, noContext)
      .then([appointed('chair')]);
    spec.given(registered, appointed('chair')).when(appoint, noContext).then([]);
  });
});

describe('a commission-members.csv row', () => {
  const known = (code: string) => code === '0101-001';

  it('given a member of a known precinct, when read, then it is the appointment', () => {
    expect(
      readCommissionMemberRow(
        { precinct_code: '0101-001', personal_number: '21503199000123', position: 'deputy-chair' },
        known,
      ),
    ).toEqual({
      ok: true,
      value: { precinctId: '0101-001', personalNumber: '21503199000123', position: 'deputy-chair' },
    });
  });

  it('given an unknown precinct, a bad PIN and an unknown position, when read, then all three are named', () => {
    expect(
      readCommissionMemberRow(
        { precinct_code: '0101-002', personal_number: '41503199000123', position: 'observer' },
        known,
      ),
    ).toEqual({
      ok: false,
      issues: [
        { column: 'precinct_code', rule: 'expected a precinct registered by precincts.csv' },
        { column: 'personal_number', rule: 'expected the sex digit 1 (female) or 2 (male) first' },
        { column: 'position', rule: 'expected one of chair, deputy-chair, secretary, member' },
      ],
    });
  });
});
