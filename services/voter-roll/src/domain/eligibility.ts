/** What eligibility needs of a citizen; being in the civil registry makes the person a citizen. */
export interface EligibilityFacts {
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly declaredIncapable: boolean;
  readonly inCustody: boolean;
}

export type IneligibilityReason =
  | { readonly code: 'under-18'; readonly turns18On: string }
  | { readonly code: 'declared-incapable' }
  | { readonly code: 'in-custody' };

export type Eligibility =
  | { readonly eligible: true }
  | { readonly eligible: false; readonly reasons: readonly IneligibilityReason[] };

export const VOTING_AGE = 18;

/**
 * The date a person born on `birthDate` completes `years` years. A 29 February birthday falls on 1 March
 * in common years: the person has not completed the years until 28 February has passed.
 */
export function anniversary(birthDate: string, years: number): string {
  const year = Number(birthDate.slice(0, 4)) + years;
  const monthDay = birthDate.slice(5);
  if (monthDay === '02-29' && !isLeapYear(year)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}-${monthDay}`;
}

/**
 * DOMAIN "Participation": a citizen at least 18 on election day, not declared incapable by a court, not
 * serving a custodial sentence. The 18th birthday on election day counts: the voter is 18 that day.
 */
export function eligibilityOn(electionDate: string, citizen: EligibilityFacts): Eligibility {
  const reasons: IneligibilityReason[] = [];
  const turns18On = anniversary(citizen.birthDate, VOTING_AGE);
  // ISO dates compare correctly as strings
  if (turns18On > electionDate) reasons.push({ code: 'under-18', turns18On });
  if (citizen.declaredIncapable) reasons.push({ code: 'declared-incapable' });
  if (citizen.inCustody) reasons.push({ code: 'in-custody' });
  return reasons.length === 0 ? { eligible: true } : { eligible: false, reasons };
}

export function describeIneligibility(electionDate: string, reasons: readonly IneligibilityReason[]): string {
  return reasons
    .map((reason) => {
      switch (reason.code) {
        case 'under-18':
          return `turns 18 on ${reason.turns18On}, after election day ${electionDate}`;
        case 'declared-incapable':
          return 'declared legally incapable by a court';
        case 'in-custody':
          return 'serving a custodial sentence';
        default:
          return exhaustive(reason);
      }
    })
    .join('; ');
}

function exhaustive(reason: never): string {
  return String(reason);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
