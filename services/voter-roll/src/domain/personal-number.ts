import { personalNumberParts, type PersonalNumberParts } from '@vl/contracts';

/**
 * docs/civil-registry-csv.md: 14 digits: sex digit (1 female, 2 male), birth date DDMMYYYY, 5-digit serial.
 * Returns the parts, or the first rule the number breaks.
 */
export function readPersonalNumber(
  value: string,
):
  { readonly ok: true; readonly parts: PersonalNumberParts } | { readonly ok: false; readonly rule: string } {
  if (!/^[0-9]{14}$/.test(value)) return { ok: false, rule: 'expected 14 digits' };
  if (value[0] !== '1' && value[0] !== '2')
    return { ok: false, rule: 'expected the sex digit 1 (female) or 2 (male) first' };
  const parts = personalNumberParts(value);
  if (parts === null) return { ok: false, rule: 'expected a real birth date DDMMYYYY in digits 2 to 9' };
  return { ok: true, parts };
}
