import { Injectable } from '@nestjs/common';
import type { NewEvent } from '@vl/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AbsenceCaseEvent } from '../domain/absence-case';

export type CasePageStatus = 'open' | 'appealed';

export interface CaseOnPage {
  readonly kind: 'excuse' | 'claim';
  readonly caseId: string;
  readonly absenceId: string;
  readonly personalNumber: string;
  readonly category: string | null;
  readonly status: string;
  readonly filedAt: string;
}

// what a page of each status lists: undecided at the precinct, or appealed to the district
const STATUSES_OF: Readonly<Record<CasePageStatus, readonly string[]>> = {
  open: ['filed'],
  appealed: ['appealed'],
};

/** Excuse cases and claims by precinct and status: written with their events, read a page at a time. */
@Injectable()
export class ExcuseCasesProjection {
  constructor(private readonly dataSource: DataSource) {}

  async apply(events: readonly NewEvent[], tx: EntityManager): Promise<void> {
    for (const event of events as readonly AbsenceCaseEvent[]) {
      switch (event.type) {
        case 'ExcuseFiled':
        case 'ParticipationClaimFiled': {
          const { payload } = event;
          const [kind, caseId, category] =
            event.type === 'ExcuseFiled'
              ? (['excuse', event.payload.caseId, event.payload.category] as const)
              : (['claim', event.payload.claimId, null] as const);
          await tx.query(
            `insert into excuse_cases (kind, case_id, absence_id, election_id, precinct_id, personal_number, category,
                                       status, filed_at)
             values ($1, $2, $3, $4, $5, $6, $7, 'filed', $8) on conflict (kind, case_id) do nothing`,
            [
              kind,
              caseId,
              payload.absenceId,
              payload.electionId,
              payload.precinctId,
              payload.personalNumber,
              category,
              payload.filedAt,
            ],
          );
          break;
        }
        case 'ExcuseDecided':
          await this.setStatus(tx, 'excuse', event.payload.caseId, event.payload.decision);
          break;
        case 'ExcuseAppealed':
          await this.setStatus(tx, 'excuse', event.payload.caseId, 'appealed');
          break;
        case 'AppealDecided':
          await this.setStatus(tx, 'excuse', event.payload.caseId, `appeal-${event.payload.decision}`);
          break;
        case 'ParticipationClaimResolved':
          await this.setStatus(tx, 'claim', event.payload.claimId, event.payload.decision);
          break;
        default:
          break;
      }
    }
  }

  /** A page of a precinct's cases in case-id order, after the given case id. */
  async page(
    electionId: string,
    precinctId: string,
    status: CasePageStatus,
    after: string | undefined,
    limit: number,
  ): Promise<CaseOnPage[]> {
    const rows: {
      kind: 'excuse' | 'claim';
      case_id: string;
      absence_id: string;
      personal_number: string;
      category: string | null;
      status: string;
      filed_at: Date;
    }[] = await this.dataSource.query(
      `select kind, case_id, absence_id, personal_number, category, status, filed_at from excuse_cases
        where election_id = $1 and precinct_id = $2 and status = any($3::text[])
          and case_id > coalesce($4::uuid, '00000000-0000-0000-0000-000000000000')
        order by case_id limit $5`,
      [electionId, precinctId, STATUSES_OF[status], after ?? null, limit],
    );
    return rows.map((row) => ({
      kind: row.kind,
      caseId: row.case_id,
      absenceId: row.absence_id,
      personalNumber: row.personal_number,
      category: row.category,
      status: row.status,
      filedAt: row.filed_at.toISOString(),
    }));
  }

  private async setStatus(tx: EntityManager, kind: 'excuse' | 'claim', caseId: string, status: string) {
    await tx.query('update excuse_cases set status = $3 where kind = $1 and case_id = $2', [
      kind,
      caseId,
      status,
    ]);
  }
}
