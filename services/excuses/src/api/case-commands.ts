import { Injectable } from '@nestjs/common';
import type { Actor } from '@vl/contracts';
import type { Principal } from '@vl/auth';
import type { AbsenceCaseCommand } from '../domain/absence-case';
import { ExcuseCases, type CaseDecided } from '../application/excuse-cases';
import { AbsenceParties, requireAbsence, type AbsenceParty } from './absence-parties';
import { caseRefused } from './case-refusals';

/** A command on one person's absence: who may give it, then the decision; a refused one is the case's 4xx. */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly cases: ExcuseCases,
    private readonly parties: AbsenceParties,
  ) {}

  async give(
    principal: Principal,
    path: { readonly electionId: string; readonly personalNumber: string },
    mayGive: readonly AbsenceParty[],
    command: (actor: Actor, now: string) => AbsenceCaseCommand,
  ): Promise<CaseDecided> {
    const party = await this.parties.partyTo(principal, path.electionId, path.personalNumber, mayGive);
    const decided = await this.cases.decide(requireAbsence(party), (now) => command(party.actor, now));
    if (!decided.ok) throw caseRefused(decided.error);
    return decided.value;
  }
}
