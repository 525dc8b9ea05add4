import { headerIssues } from './csv-file';

const COLUMNS = ['personal_number', 'surname', 'sex', 'in_custody'];

describe('a CSV header', () => {
  it('given a header with a missing, an unknown and a repeated column, when checked, then each is named', () => {
    const header = [...COLUMNS.filter((column) => column !== 'in_custody'), 'email', 'sex'];
    expect(headerIssues(header, COLUMNS)).toEqual([
      { column: 'in_custody', rule: 'missing column in the header row' },
      { column: 'email', rule: `unknown column: expected only ${COLUMNS.join(', ')}` },
      { column: 'sex', rule: 'column named twice in the header row' },
    ]);
  });

  it('given an optional column, when present or absent, then neither is an issue', () => {
    expect(headerIssues([...COLUMNS, 'time_zone'], COLUMNS, ['time_zone'])).toEqual([]);
    expect(headerIssues(COLUMNS, COLUMNS, ['time_zone'])).toEqual([]);
  });
});
