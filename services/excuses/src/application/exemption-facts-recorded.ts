import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Whom newly recorded registry facts concern: persons (crossings, duty periods) and precincts (disasters). */
export interface RecordedFactSubjects {
  readonly personalNumbers: readonly string[];
  readonly precinctIds: readonly string[];
}

/**
 * Called in the transaction of each page of newly recorded registry facts: absences already recorded for these
 * persons or precincts are assessed again, since a fact may arrive after the absence it excuses.
 */
export interface ExemptionFactsRecorded {
  reassess(tx: EntityManager, subjects: RecordedFactSubjects): Promise<void>;
}

export const EXEMPTION_FACTS_RECORDED = Symbol('ExemptionFactsRecorded');

/** Until absences are re-assessed, recording a fact changes no absence. */
@Injectable()
export class NoReassessment implements ExemptionFactsRecorded {
  async reassess(): Promise<void> {}
}
