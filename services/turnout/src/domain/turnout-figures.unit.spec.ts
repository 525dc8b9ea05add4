import { percentOf, publicationInstants, turnoutDocument, type PrecinctTurnout } from './turnout-figures';

const precinct = (
  precinctId: string,
  regionCode: string,
  registered: number,
  checkedIn: number,
  byHour: number[] = [0, 0, 0, 0, checkedIn],
): PrecinctTurnout => ({
  precinctId,
  regionCode,
  regionName: `Region ${regionCode}`,
  districtCode: precinctId.slice(0, 4),
  districtName: `District ${precinctId.slice(0, 4)}`,
  registered,
  checkedIn,
  byMethod: { station: checkedIn - 1, 'mobile-box': 1, abroad: 0 },
  byHour,
});

const precincts = [
  precinct('1101-001', '11', 100, 40, [10, 20, 30, 40, 40]),
  precinct('1101-002', '11', 50, 10, [0, 5, 5, 10, 10]),
  precinct('1102-001', '11', 200, 3),
  precinct('0201-001', '02', 3, 2),
];

describe('turnout figures summed from the precincts', () => {
  it('given checked in and registered, when the percentage is taken, then 2 decimals and 0 for an empty register', () => {
    expect(percentOf(1, 3)).toBe(33.33);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(5, 0)).toBe(0);
  });

  it('given four precincts in two regions, when the country is asked for, then totals, methods, hours and regions', () => {
    const document = turnoutDocument('e-1', 'country', 'KG', precincts, '2030-11-24T05:00:00.000Z');
    expect(document).toEqual({
      electionId: 'e-1',
      level: 'country',
      code: 'KG',
      name: 'Kyrgyz Republic',
      asOf: '2030-11-24T05:00:00.000Z',
      registered: 353,
      checkedIn: 55,
      percent: 15.58,
      byMethod: { station: 51, 'mobile-box': 4, abroad: 0 },
      byHour: [
        { at: '10:00', checkedIn: 10, percent: 2.83 },
        { at: '12:00', checkedIn: 25, percent: 7.08 },
        { at: '15:00', checkedIn: 35, percent: 9.92 },
        { at: '18:00', checkedIn: 50, percent: 14.16 },
        { at: '20:00', checkedIn: 55, percent: 15.58 },
      ],
      children: [
        { level: 'region', code: '02', name: 'Region 02', registered: 3, checkedIn: 2, percent: 66.67 },
        { level: 'region', code: '11', name: 'Region 11', registered: 350, checkedIn: 53, percent: 15.14 },
      ],
    });
  });

  it('given a region, when asked for, then its districts are the children; a district lists its precincts', () => {
    const region = turnoutDocument('e-1', 'region', '11', precincts, 'now');
    expect(region?.children.map((child) => [child.level, child.code, child.checkedIn])).toEqual([
      ['district', '1101', 50],
      ['district', '1102', 3],
    ]);
    const district = turnoutDocument('e-1', 'district', '1101', precincts, 'now');
    expect(district?.children.map((child) => child.code)).toEqual(['1101-001', '1101-002']);
    expect(turnoutDocument('e-1', 'precinct', '1101-002', precincts, 'now')).toEqual(
      expect.objectContaining({ registered: 50, checkedIn: 10, percent: 20, children: [] }),
    );
  });

  it('given a code of no precinct of the election, when asked for, then there is no document', () => {
    expect(turnoutDocument('e-1', 'district', '9999', precincts, 'now')).toBeUndefined();
  });

  it('given an election in Bishkek (UTC+6), when the publication times are taken, then they are UTC instants', () => {
    expect(publicationInstants('2030-11-24', 'Asia/Bishkek')).toEqual([
      '2030-11-24T04:00:00.000Z',
      '2030-11-24T06:00:00.000Z',
      '2030-11-24T09:00:00.000Z',
      '2030-11-24T12:00:00.000Z',
      '2030-11-24T14:00:00.000Z',
    ]);
  });
});
