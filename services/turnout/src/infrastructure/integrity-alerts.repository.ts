import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** An alert as the CEC dashboard lists it: an IntegrityAlertRaised, or a refused duplicate check-in. */
export interface ListedAlert {
  readonly signal: string;
  readonly precinctId: string;
  readonly observedAt: string;
  readonly summary: string;
  readonly evidence: Readonly<Record<string, number | string>>;
}

export interface RecordedAlert extends ListedAlert {
  readonly alertId: string;
  readonly electionId: string;
}

/** Turnout's alerts as read from its topics, one row per event id: a redelivery or a replay adds nothing. */
@Injectable()
export class IntegrityAlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, alert: RecordedAlert): Promise<void> {
    await tx.query(
      `insert into integrity_alerts (alert_id, election_id, precinct_id, signal, observed_at, summary, evidence)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (alert_id) do nothing`,
      [
        alert.alertId,
        alert.electionId,
        alert.precinctId,
        alert.signal,
        alert.observedAt,
        alert.summary,
        JSON.stringify(alert.evidence),
      ],
    );
  }

  async list(
    electionId: string,
    filter: { readonly signal?: string | undefined; readonly precinctId?: string | undefined },
  ): Promise<ListedAlert[]> {
    const rows: {
      signal: string;
      precinct_id: string;
      observed_at: Date;
      summary: string;
      evidence: ListedAlert['evidence'];
    }[] = await this.dataSource.query(
      `select signal, precinct_id, observed_at, summary, evidence from integrity_alerts
          where election_id = $1 and ($2::text is null or signal = $2) and ($3::text is null or precinct_id = $3)
          order by observed_at, precinct_id, signal, alert_id`,
      [electionId, filter.signal ?? null, filter.precinctId ?? null],
    );
    return rows.map((row) => ({
      signal: row.signal,
      precinctId: row.precinct_id,
      observedAt: row.observed_at.toISOString(),
      summary: row.summary,
      evidence: row.evidence,
    }));
  }
}
