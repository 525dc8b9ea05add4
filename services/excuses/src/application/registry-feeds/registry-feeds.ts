import { Injectable } from '@nestjs/common';
import type { Actor, DisasterDeclaredPayload, Result } from '@vl/contracts';
import type { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import { BORDER_CROSSING_COLUMNS, readBorderCrossing } from './border-crossing-row';
import { csvSubmission, jsonSubmission, namingColumns } from './csv-submission';
import { DUTY_PERIOD_COLUMNS, readDutyPeriod } from './duty-period-row';
import type { DisasterDeclaration } from './disaster-declaration';
import { recordInPages, type SubmittedRow } from './feed-pages';
import type { FeedReport, FileRejected } from './feed-report';
import { RegistryFactsWriter, type DisasterOutcome } from './registry-facts-writer';

/**
 * The registries' feeds into excuses (README "Registry feeds"): border crossings from the Border Service, duty
 * rosters from their bodies, disaster declarations from the CEC. Bad rows are reported, good ones recorded.
 */
@Injectable()
export class RegistryFeeds {
  constructor(private readonly writer: RegistryFactsWriter) {}

  async crossingsFromCsv(input: Readable, recordedBy: Actor): Promise<Result<FeedReport, FileRejected>> {
    const rows = await csvSubmission(input, BORDER_CROSSING_COLUMNS);
    if (!rows.ok) return rows;
    const read = namingColumns(readBorderCrossing, BORDER_CROSSING_COLUMNS);
    return { ok: true, value: await this.crossings(rows.value, recordedBy, read) };
  }

  crossingsFromJson(
    items: readonly Readonly<Record<string, string>>[],
    recordedBy: Actor,
  ): Promise<FeedReport> {
    return this.crossings(jsonSubmission(items), recordedBy, readBorderCrossing);
  }

  async dutyPeriodsFromCsv(input: Readable, submittedBy: Actor): Promise<Result<FeedReport, FileRejected>> {
    const rows = await csvSubmission(input, DUTY_PERIOD_COLUMNS);
    if (!rows.ok) return rows;
    const read = namingColumns((row) => readDutyPeriod(row, submittedBy.role), DUTY_PERIOD_COLUMNS);
    return { ok: true, value: await this.dutyPeriods(rows.value, submittedBy, read) };
  }

  dutyPeriodsFromJson(
    items: readonly Readonly<Record<string, string>>[],
    submittedBy: Actor,
  ): Promise<FeedReport> {
    return this.dutyPeriods(jsonSubmission(items), submittedBy, (row) =>
      readDutyPeriod(row, submittedBy.role),
    );
  }

  async declareDisaster(declaration: DisasterDeclaration, declaredBy: Actor): Promise<DisasterOutcome> {
    const payload: DisasterDeclaredPayload = { ...declaration, declaredBy };
    return this.writer.disaster(uuidv7(), payload);
  }

  private crossings(
    rows: AsyncIterable<SubmittedRow> | Iterable<SubmittedRow>,
    recordedBy: Actor,
    read: typeof readBorderCrossing,
  ): Promise<FeedReport> {
    const submissionId = uuidv7();
    return recordInPages(submissionId, rows, read, (page) =>
      this.writer.crossings(submissionId, page, recordedBy),
    );
  }

  private dutyPeriods(
    rows: AsyncIterable<SubmittedRow> | Iterable<SubmittedRow>,
    submittedBy: Actor,
    read: (row: Readonly<Record<string, string | undefined>>) => ReturnType<typeof readDutyPeriod>,
  ): Promise<FeedReport> {
    const submissionId = uuidv7();
    return recordInPages(submissionId, rows, read, (page) =>
      this.writer.dutyPeriods(submissionId, page, submittedBy),
    );
  }
}
