import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export const COUNT_LEVELS = ['country', 'region', 'district', 'precinct'] as const;
export type CountLevel = (typeof COUNT_LEVELS)[number];

export interface AbsenceCounts {
  readonly code: string;
  readonly absent: number;
  readonly open: number;
  readonly excused: number;
  readonly unexcused: number;
  /** excused absences by the category of their basis; an upheld "I did vote" claim under participation-claim-upheld */
  readonly excusedBy: Readonly<Record<string, number>>;
}

const UNIT: Record<CountLevel, string> = {
  country: "'KG'",
  region: "coalesce(p.region_code, 'unknown')",
  district: "coalesce(p.district_code, 'unknown')",
  precinct: 'a.precinct_id',
};

/** Absolute numbers of an election's absences by outcome and category, per unit of a level: open data. */
@Injectable()
export class AbsenceCountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countsOf(electionId: string, level: CountLevel): Promise<AbsenceCounts[]> {
    const rows: { code: string; status: string; reason: string | null; n: number }[] =
      await this.dataSource.query(
        `select ${UNIT[level]} as code, a.status, coalesce(a.category, a.basis) as reason, count(*)::int as n
         from absences a left join precincts p on p.precinct_id = a.precinct_id
        where a.election_id = $1
        group by 1, 2, 3
        order by 1`,
        [electionId],
      );
    const units = new Map<
      string,
      { absent: number; open: number; excused: number; unexcused: number; excusedBy: Record<string, number> }
    >();
    for (const row of rows) {
      const unit = units.get(row.code) ?? { absent: 0, open: 0, excused: 0, unexcused: 0, excusedBy: {} };
      unit.absent += row.n;
      if (row.status === 'open') unit.open += row.n;
      if (row.status === 'unexcused') unit.unexcused += row.n;
      if (row.status === 'excused') {
        unit.excused += row.n;
        const reason = row.reason ?? 'unknown';
        unit.excusedBy[reason] = (unit.excusedBy[reason] ?? 0) + row.n;
      }
      units.set(row.code, unit);
    }
    return [...units].map(([code, counts]) => ({ code, ...counts }));
  }
}
