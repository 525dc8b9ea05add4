import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { describeScope, isNational, scopeRefusal, type Principal } from '@vl/auth';
import type { Actor } from '@vl/contracts';
import { AbsencesOnRecord, type AbsenceOnRecord } from '../infrastructure/absences-on-record';

/** Who may act on or read an absence: the citizen themselves, their precinct's or district's commission, the CEC. */
export type AbsenceParty = 'citizen' | 'precinct-commission' | 'district-commission' | 'cec';

export interface PartyToAbsence {
  /** undefined only for the citizen and the CEC, to whom "none recorded" is an answer (requireAbsence) */
  readonly absence: AbsenceOnRecord | undefined;
  readonly party: AbsenceParty;
  /** the role the token acts in, as events and participation reads record it */
  readonly actor: Actor;
}

const WHO: Readonly<Record<AbsenceParty, string>> = {
  citizen: 'the citizen themselves',
  'precinct-commission': "the voter's precinct commission",
  'district-commission': "the commission of the voter's district",
  cec: 'the CEC',
};

export function scopeForbidden(rule: string): ForbiddenException {
  return new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: `scope: ${rule}`,
    errors: [{ field: 'scope', rule }],
  });
}

/**
 * Finds the absence a request is about and the party the token acts as. A commission of another precinct gets the
 * same 403 whether the voter is absent elsewhere or not at all (DOMAIN "Coercion": no answer tells it whether,
 * or where, someone took part); only the citizen and the CEC learn that no absence is recorded (404).
 */
@Injectable()
export class AbsenceParties {
  constructor(@Inject(AbsencesOnRecord) private readonly absences: AbsencesOnRecord) {}

  async partyTo(
    principal: Principal,
    electionId: string,
    personalNumber: string,
    admitted: readonly AbsenceParty[],
  ): Promise<PartyToAbsence> {
    const citizenRole = principal.roles.find((role) => role.startsWith('citizen:'));
    if (admitted.includes('citizen') && citizenRole === `citizen:${personalNumber}`)
      return this.found(principal, electionId, personalNumber, 'citizen', citizenRole);
    if (principal.roles.includes('commission') && !isNational(principal.scope)) {
      const { scope } = principal;
      const party: AbsenceParty = 'precincts' in scope ? 'precinct-commission' : 'district-commission';
      if (!admitted.includes(party))
        throw scopeForbidden(
          `this is for ${admitted.map((other) => WHO[other]).join(' or ')}; the token serves ${describeScope(scope)}`,
        );
      const absence = await this.absences.find(electionId, personalNumber);
      if (!absence || scopeRefusal(scope, electionId, { precincts: [absence.precinctId] }))
        throw scopeForbidden(
          `the token serves ${describeScope(scope)}; no absence of this voter is recorded there`,
        );
      return { absence, party, actor: { subject: principal.subject, role: 'commission' } };
    }
    if (admitted.includes('cec') && principal.roles.includes('cec-operator'))
      return this.found(principal, electionId, personalNumber, 'cec', 'cec-operator');
    if (citizenRole)
      throw scopeForbidden(`a citizen acts for themselves only: the token is ${citizenRole}'s`);
    throw scopeForbidden(`this is for ${admitted.map((other) => WHO[other]).join(' or ')}`);
  }

  private async found(
    principal: Principal,
    electionId: string,
    personalNumber: string,
    party: AbsenceParty,
    role: string,
  ): Promise<PartyToAbsence> {
    const absence = await this.absences.find(electionId, personalNumber);
    return { absence, party, actor: { subject: principal.subject, role } };
  }
}

/** The absence acted on; 404 for the citizen or the CEC when none is recorded. */
export function requireAbsence(party: PartyToAbsence): AbsenceOnRecord {
  if (party.absence) return party.absence;
  throw new NotFoundException({
    statusCode: 404,
    error: 'unknown-absence',
    message: 'no absence is recorded for this voter in this election',
    errors: [{ field: 'personalNumber', rule: 'no absence is recorded for this voter and election' }],
  });
}
