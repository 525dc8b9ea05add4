import { ageOn, birthdayIn, dayNumber, parseIsoDate, type CivilDate } from './civil-date';
import type { CitizenRow, CountryRow } from './country-rows';
import { isEligibleOn, VOTING_AGE } from './eligibility';

/** Citizens whose birthday of a given age falls the day before, on, or the day after the reference date. */
export interface BirthdaysAroundReferenceDate {
  readonly dayBefore: number;
  readonly onReferenceDate: number;
  readonly dayAfter: number;
}

/** The exact figures a system test compares with what the services report after importing the files. */
export interface CountryFigures {
  readonly precincts: number;
  readonly precinctsAbroad: number;
  readonly citizens: number;
  readonly citizensAbroad: number;
  readonly minors: number;
  readonly declaredIncapable: number;
  readonly inCustody: number;
  readonly registeredDisability: number;
  readonly eligible: number;
  readonly eligibleAbroad: number;
  readonly eligibleOver70: number;
  readonly eligibleWithRegisteredDisability: number;
  readonly commissionMembers: number;
  readonly eighteenthBirthdays: BirthdaysAroundReferenceDate;
  readonly seventiethBirthdays: BirthdaysAroundReferenceDate;
  /** Every precinct code, in file order, with its eligible residents (0 included). */
  readonly eligibleByPrecinct: Readonly<Record<string, number>>;
}

const OVER_AGE = 70;

/** Counts what the rows actually say (recomputed from each row, not taken from the generator's intentions). */
export class CountryTally {
  private readonly referenceDay: number;
  private readonly abroadPrecincts = new Set<string>();
  private readonly eligibleByPrecinct = new Map<string, number>();
  private readonly counts = {
    precincts: 0,
    citizens: 0,
    citizensAbroad: 0,
    minors: 0,
    declaredIncapable: 0,
    inCustody: 0,
    registeredDisability: 0,
    eligible: 0,
    eligibleAbroad: 0,
    eligibleOver70: 0,
    eligibleWithRegisteredDisability: 0,
    commissionMembers: 0,
  };
  private readonly eighteenth = [0, 0, 0];
  private readonly seventieth = [0, 0, 0];

  constructor(private readonly referenceDate: CivilDate) {
    this.referenceDay = dayNumber(referenceDate);
  }

  add(entry: CountryRow): void {
    switch (entry.kind) {
      case 'precinct':
        this.counts.precincts += 1;
        this.eligibleByPrecinct.set(entry.row.precinctCode, 0);
        if (entry.row.abroad) this.abroadPrecincts.add(entry.row.precinctCode);
        return;
      case 'commission-member':
        this.counts.commissionMembers += 1;
        return;
      case 'citizen':
        this.addCitizen(entry.row);
        return;
      default: {
        const unknown: never = entry;
        throw new TypeError(`unknown row ${JSON.stringify(unknown)}`);
      }
    }
  }

  figures(): CountryFigures {
    const { precincts, ...rest } = this.counts;
    const around = ([dayBefore, onReferenceDate, dayAfter]: readonly number[]) => ({
      dayBefore: dayBefore ?? 0,
      onReferenceDate: onReferenceDate ?? 0,
      dayAfter: dayAfter ?? 0,
    });
    return {
      precincts,
      precinctsAbroad: this.abroadPrecincts.size,
      ...rest,
      eighteenthBirthdays: around(this.eighteenth),
      seventiethBirthdays: around(this.seventieth),
      eligibleByPrecinct: Object.fromEntries(this.eligibleByPrecinct),
    };
  }

  private addCitizen(citizen: CitizenRow): void {
    const birth = parseIsoDate(citizen.birthDate);
    if (!birth) throw new RangeError(`citizen row with birth date ${citizen.birthDate}`);
    const abroad = this.abroadPrecincts.has(citizen.residencePrecinct);
    const counts = this.counts;
    counts.citizens += 1;
    if (abroad) counts.citizensAbroad += 1;
    if (ageOn(birth, this.referenceDate) < VOTING_AGE) counts.minors += 1;
    if (citizen.declaredIncapable) counts.declaredIncapable += 1;
    if (citizen.inCustody) counts.inCustody += 1;
    if (citizen.registeredDisability) counts.registeredDisability += 1;
    this.countBirthday(birth, VOTING_AGE, this.eighteenth);
    this.countBirthday(birth, OVER_AGE, this.seventieth);
    if (!isEligibleOn(birth, citizen, this.referenceDate)) return;
    counts.eligible += 1;
    if (abroad) counts.eligibleAbroad += 1;
    if (citizen.registeredDisability) counts.eligibleWithRegisteredDisability += 1;
    // "over 70" is strict: on the 70th birthday itself a voter is 70, not over
    if (this.daysFromReference(birth, OVER_AGE) < 0) counts.eligibleOver70 += 1;
    const precinct = citizen.residencePrecinct;
    this.eligibleByPrecinct.set(precinct, (this.eligibleByPrecinct.get(precinct) ?? 0) + 1);
  }

  private countBirthday(birth: CivilDate, age: number, around: number[]): void {
    const offset = this.daysFromReference(birth, age);
    if (offset >= -1 && offset <= 1) around[offset + 1] = (around[offset + 1] as number) + 1;
  }

  private daysFromReference(birth: CivilDate, age: number): number {
    return dayNumber(birthdayIn(birth, birth.year + age)) - this.referenceDay;
  }
}
