import type { ServicePart } from '@vl/service-composition';
import { AbsenceParties } from './api/absence-parties';
import { CaseCommands } from './api/case-commands';
import { AbsencesController } from './api/absences.controller';
import { ExcuseCasesController } from './api/excuse-cases.controller';
import { ExcuseDocumentsController } from './api/excuse-documents.controller';
import { ParticipationClaimsController } from './api/participation-claims.controller';
import { DocumentRetention } from './application/document-retention';
import { ExcuseCases } from './application/excuse-cases';
import { ExcuseDocuments } from './application/excuse-documents';
import { AbsencesOnRecord } from './infrastructure/absences-on-record';
import { ExcuseCaseTables1763860003200 } from './infrastructure/excuse-case-tables.migration';
import { ExcuseCasesProjection } from './infrastructure/excuse-cases.projection';
import { ExcuseDocumentsRepository } from './infrastructure/excuse-documents.repository';

/**
 * Excuse cases over HTTP: filing, deciding, appealing and "I did vote" claims on an absence's stream, its documents'
 * files, an absence's status and a commission's open cases. The deletion of files after the retention period is a
 * deadline (`excuses.documents-expire`) whose handler is `DocumentRetention.expire`.
 */
export const excuseCasesPart: ServicePart = {
  migrations: [ExcuseCaseTables1763860003200],
  providers: [
    AbsencesOnRecord,
    ExcuseCasesProjection,
    ExcuseDocumentsRepository,
    DocumentRetention,
    ExcuseCases,
    ExcuseDocuments,
    AbsenceParties,
    CaseCommands,
  ],
  controllers: [
    ExcuseCasesController,
    ParticipationClaimsController,
    ExcuseDocumentsController,
    AbsencesController,
  ],
};
