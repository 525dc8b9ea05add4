/** Code-unit order, independent of locale and ICU version, so generated documents are byte-for-byte stable. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
