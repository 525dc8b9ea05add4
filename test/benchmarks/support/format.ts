/** A whole number with thousands separators, the same on every machine's locale (e.g. 200,000). */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
