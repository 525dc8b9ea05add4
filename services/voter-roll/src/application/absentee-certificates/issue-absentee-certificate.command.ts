import { Command } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import type {
  AbsenteeCertificateRejection,
  IssueAbsenteeCertificate,
} from '../../domain/absentee-certificate';

export type UnknownElection = { readonly code: 'unknown-election'; readonly message: string };

export interface IssuedCertificate {
  readonly electionId: string;
  readonly serial: string;
  readonly homePrecinctId: string;
  readonly votingPrecinctId: string;
}

export class IssueAbsenteeCertificateCommand extends Command<
  Result<IssuedCertificate, AbsenteeCertificateRejection | UnknownElection>
> {
  constructor(
    readonly certificate: IssueAbsenteeCertificate,
    readonly issuedBy: string,
  ) {
    super();
  }
}
