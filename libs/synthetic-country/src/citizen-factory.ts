import { agePyramid, maleShareAt } from './age-pyramid';
import { ageOn, dateOfDayNumber, dayNumber, isLeapYear, isoDate, type CivilDate } from './civil-date';
import type { CitizenRow } from './country-rows';
import { kyrgyzName, type Sex } from './kyrgyz-names';
import { PersonalNumberIssuer } from './personal-number-issuer';
import type { SeededRandom } from './seeded-random';

const DAYS_PER_YEAR = 365.2425;
// registry flags, as shares of adults (court incapacity, custody) and of everyone (disability)
const DECLARED_INCAPABLE_SHARE_OF_ADULTS = 0.003;

/** A birthday of the law's boundaries falling right around the reference date. */
export interface BoundaryBirthday {
  /** 18: voting age; 70: the draft's "over 70" excuse. */
  readonly age: number;
  /** Days from the reference date to that birthday: -1 the day before, 0 on it, 1 the day after. */
  readonly offsetDays: number;
}

export const BOUNDARY_BIRTHDAYS: readonly BoundaryBirthday[] = [18, 70].flatMap((age) =>
  [-1, 0, 1].map((offsetDays) => ({ age, offsetDays })),
);

/** Makes citizens one at a time; everything about a citizen comes from the shared seeded sequence. */
export class CitizenFactory {
  private readonly issuer = new PersonalNumberIssuer();
  private readonly referenceDay: number;

  constructor(
    private readonly random: SeededRandom,
    private readonly referenceDate: CivilDate,
  ) {
    this.referenceDay = dayNumber(referenceDate);
  }

  /** Anyone: age from the pyramid, sex by age, flags by age and sex. */
  resident(precinctCode: string): CitizenRow {
    const age = agePyramid.draw(this.random);
    const sex: Sex = this.random.chance(maleShareAt(age)) ? 'M' : 'F';
    const birth = dateOfDayNumber(
      this.referenceDay - Math.floor((age + this.random.fraction()) * DAYS_PER_YEAR),
    );
    return this.citizen(precinctCode, sex, birth, this.flagsFor(ageOn(birth, this.referenceDate), sex));
  }

  /** A working-age adult with no registry flags: every precinct is sure to have commission material. */
  commissionCandidate(precinctCode: string): CitizenRow {
    const age = this.random.integerBetween(25, 64);
    const sex: Sex = this.random.chance(0.5) ? 'M' : 'F';
    const birth = dateOfDayNumber(
      this.referenceDay - Math.floor((age + this.random.fraction()) * DAYS_PER_YEAR),
    );
    return this.citizen(precinctCode, sex, birth, NO_FLAGS);
  }

  /** Someone whose 18th or 70th birthday falls on, or a day either side of, the reference date. */
  boundaryCase(precinctCode: string, boundary: BoundaryBirthday): CitizenRow {
    const birthday = dateOfDayNumber(this.referenceDay + boundary.offsetDays);
    const sex: Sex = this.random.chance(0.5) ? 'M' : 'F';
    return this.citizen(precinctCode, sex, this.birthFor(birthday, boundary.age), NO_FLAGS);
  }

  /** A birth date whose `age`th birthday is `birthday`: for 1 March of a common year, half are leap-day births. */
  private birthFor(birthday: CivilDate, age: number): CivilDate {
    const year = birthday.year - age;
    const leapDayBirth = { year, month: 2, day: 29 };
    const isLeapDayBirthday = birthday.month === 3 && birthday.day === 1 && !isLeapYear(birthday.year);
    if (isLeapDayBirthday && isLeapYear(year) && this.random.chance(0.5)) return leapDayBirth;
    // nobody's birthday is 29 February when that year minus `age` is common; 28 February is the nearest
    if (birthday.month === 2 && birthday.day === 29 && !isLeapYear(year)) return { year, month: 2, day: 28 };
    return { ...birthday, year };
  }

  private citizen(precinctCode: string, sex: Sex, birth: CivilDate, flags: RegistryFlags): CitizenRow {
    const name = kyrgyzName(sex, this.random);
    return {
      personalNumber: this.issuer.issue(sex, birth),
      surname: name.surname,
      givenName: name.givenName,
      patronymic: name.patronymic,
      birthDate: isoDate(birth),
      sex,
      residencePrecinct: precinctCode,
      ...flags,
    };
  }

  private flagsFor(age: number, sex: Sex): RegistryFlags {
    const adult = age >= 18;
    return {
      declaredIncapable: adult && this.random.chance(DECLARED_INCAPABLE_SHARE_OF_ADULTS),
      inCustody: adult && this.random.chance(custodyShare(age, sex)),
      registeredDisability: this.random.chance(disabilityShare(age)),
    };
  }
}

interface RegistryFlags {
  readonly declaredIncapable: boolean;
  readonly inCustody: boolean;
  readonly registeredDisability: boolean;
}

const NO_FLAGS: RegistryFlags = { declaredIncapable: false, inCustody: false, registeredDisability: false };

// prisoners are mostly men of working age; overall about 0.4% of adults
function custodyShare(age: number, sex: Sex): number {
  if (age >= 60) return 0.0002;
  return sex === 'M' ? 0.0085 : 0.0006;
}

// disability grows with age; overall about 3% of citizens
function disabilityShare(age: number): number {
  if (age < 18) return 0.015;
  if (age < 40) return 0.024;
  if (age < 60) return 0.04;
  return 0.08;
}
