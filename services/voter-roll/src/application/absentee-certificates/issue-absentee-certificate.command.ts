import { Command } from '@nestjs/cqrs';
import type { Result } from '@vl/contracts';
import type {
  AbsenteeCertificateRejection,
  IssueAbsenteeCertificate,
} from '../../domain/absentee-certificate';
import type { UnknownElection } from '../../domain/election';

export interface IssuedCertificate {
  readonly electionId: string;
  readonly serial: string;
  readonly homePrecinctId: string;
  readonly votingPrecinctId: string;
}

export class IssueAbsenteeCertificateCommand extends Command<
  Result<IssuedCertificate, AbsenteeCertificateRejection | UnknownElection>
> {
  constructor(readonly certificate: IssueAbsenteeCertificate) {
    super();
  }
}
