import { Injectable } from '@nestjs/common';
import type { Participation } from '../domain/participation';
import { AbsencesRepository } from '../infrastructure/absences.repository';
import { ParticipationRepository } from '../infrastructure/participation.repository';

/** What the CEC and auditors see of a finalized election: its figures and how far the absences are derived. */
export interface ParticipationStatus {
  readonly electionId: string;
  readonly state: 'deriving' | 'derived';
  readonly finalizedAt: string;
  readonly precincts: number;
  readonly registered: number;
  readonly participated: number;
  readonly absent: number;
  readonly absencesDerived: number;
}

@Injectable()
export class ParticipationStatuses {
  constructor(
    private readonly participation: ParticipationRepository,
    private readonly absences: AbsencesRepository,
  ) {}

  /** undefined before finalization */
  async of(electionId: string): Promise<ParticipationStatus | undefined> {
    const participation = await this.participation.load(electionId);
    return participation.status === 'finalized' ? this.statusOf(participation) : undefined;
  }

  async statusOf(participation: Participation & { status: 'finalized' }): Promise<ParticipationStatus> {
    const { derived } = await this.absences.progress(participation.electionId);
    const { electionId, finalizedAt, precincts, registered, participated, absent } = participation;
    return {
      electionId,
      state: derived >= absent ? 'derived' : 'deriving',
      finalizedAt,
      precincts,
      registered,
      participated,
      absent,
      absencesDerived: derived,
    };
  }
}
