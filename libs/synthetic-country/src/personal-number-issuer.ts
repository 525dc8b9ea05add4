import { dayNumber, type CivilDate } from './civil-date';
import type { Sex } from './kyrgyz-names';

const MAX_SERIAL = 99_999;

/**
 * Issues personal numbers as docs/civil-registry-csv.md fixes them: sex digit (1 female, 2 male), birth
 * date DDMMYYYY, 5-digit serial. Serials count up per sex and birth date from 00001, so numbers are unique
 * with memory bounded by the number of distinct birth dates (about 74,000 for a century), not by citizens.
 */
export class PersonalNumberIssuer {
  private readonly lastSerial = new Map<number, number>();

  issue(sex: Sex, birth: CivilDate): string {
    const key = dayNumber(birth) * 2 + (sex === 'M' ? 1 : 0);
    const serial = (this.lastSerial.get(key) ?? 0) + 1;
    if (serial > MAX_SERIAL) {
      throw new RangeError(`more than ${MAX_SERIAL} citizens of one sex born on one day: serials exhausted`);
    }
    this.lastSerial.set(key, serial);
    return (
      (sex === 'M' ? '2' : '1') +
      String(birth.day).padStart(2, '0') +
      String(birth.month).padStart(2, '0') +
      String(birth.year).padStart(4, '0') +
      String(serial).padStart(5, '0')
    );
  }
}
