import {
  Controller,
  Get,
  GoneException,
  HttpException,
  NotFoundException,
  Param,
  Put,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles, Scope, Scoped } from '@vl/auth';
import type { Request } from 'express';
import { ParticipationReads } from '@vl/ledger';
import { ZodValidationPipe } from '@vl/service-kit';
import { ExcuseDocuments, type UploadRefusal } from '../application/excuse-documents';
import type { AbsenceOnRecord } from '../infrastructure/absences-on-record';
import { AbsenceParties, requireAbsence } from './absence-parties';
import { documentBody, documentHeaders } from './document-body';
import { documentPath, type DocumentPath } from './excuse-case.requests';

const FIELD_OF: Readonly<Record<UploadRefusal['code'], string>> = {
  'unknown-case': 'caseId',
  'sha256-mismatch': '(body)',
  'document-not-described': 'sha256',
  'retention-over': 'caseId',
};

const STATUS_OF: Readonly<Record<UploadRefusal['code'], number>> = {
  'unknown-case': 404,
  'sha256-mismatch': 422,
  'document-not-described': 422,
  'retention-over': 410,
};

const personOf = ({ personalNumber, electionId, precinctId }: AbsenceOnRecord) => ({
  personalNumber,
  electionId,
  precinctId,
});

/**
 * The file of a document a case describes, by its SHA-256: uploaded by the citizen or their precinct commission,
 * read by them and the district commission; never in the log, never on Kafka, deleted after the retention period.
 */
@Controller('elections/:electionId/absences/:personalNumber/excuses/:caseId/documents/:sha256')
export class ExcuseDocumentsController {
  constructor(
    private readonly documents: ExcuseDocuments,
    private readonly parties: AbsenceParties,
    private readonly reads: ParticipationReads,
  ) {}

  /** The file itself is the body (PDF, JPEG or PNG, at most 10 MB); uploading the same file again changes nothing. */
  @Put()
  @Roles('citizen:*', 'commission')
  // the precinct is the absence's: AbsenceParties answers another precinct's token with one 403
  @Scoped(Scope.person('params.personalNumber'))
  async upload(
    @Param(new ZodValidationPipe(documentPath)) path: DocumentPath,
    @Req() request: Request,
    @CurrentPrincipal() principal: Principal,
  ) {
    documentHeaders(request);
    const party = await this.parties.partyTo(principal, path.electionId, path.personalNumber, [
      'citizen',
      'precinct-commission',
    ]);
    const absence = requireAbsence(party);
    const file = await documentBody(request);
    const outcome = await this.documents.upload(absence, path.caseId, path.sha256, file, (tx) =>
      this.reads.record(principal, party.actor.role, 'excuse-document', { people: [personOf(absence)] }, tx),
    );
    if (!outcome.ok) {
      const status = STATUS_OF[outcome.error.code];
      throw new HttpException(
        {
          statusCode: status,
          error: outcome.error.code,
          message: outcome.error.message,
          errors: [
            { field: FIELD_OF[outcome.error.code], rule: `${outcome.error.code}: ${outcome.error.message}` },
          ],
        },
        status,
      );
    }
    return {
      caseId: path.caseId,
      sha256: path.sha256,
      contentType: file.contentType,
      size: file.bytes.length,
    };
  }

  @Get()
  @Roles('citizen:*', 'commission')
  @Scoped(Scope.person('params.personalNumber'))
  async read(
    @Param(new ZodValidationPipe(documentPath)) path: DocumentPath,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const party = await this.parties.partyTo(principal, path.electionId, path.personalNumber, [
      'citizen',
      'precinct-commission',
      'district-commission',
    ]);
    const absence = requireAbsence(party);
    const file = await this.documents.read(absence, path.caseId, path.sha256);
    // recorded before the file leaves, found or not
    await this.reads.record(principal, party.actor.role, 'excuse-document', {
      people: [{ ...personOf(absence), found: file?.bytes != null }],
    });
    if (!file)
      throw new NotFoundException({
        statusCode: 404,
        error: 'unknown-document',
        message: `no file with SHA-256 ${path.sha256} was uploaded for case ${path.caseId}`,
        errors: [{ field: 'sha256', rule: 'no file with this SHA-256 was uploaded for this case' }],
      });
    if (!file.bytes)
      throw new GoneException({
        statusCode: 410,
        error: 'document-deleted',
        message: `the file was deleted on ${file.deletedAt}, after the case's retention period`,
        errors: [{ field: 'sha256', rule: 'deleted after the retention period' }],
      });
    return new StreamableFile(file.bytes, { type: file.contentType, length: file.size });
  }
}
