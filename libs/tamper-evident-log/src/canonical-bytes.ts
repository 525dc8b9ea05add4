import canonicalize from 'canonicalize';

// A marker, not a value: the fast path declines anything it cannot prove it serializes exactly as RFC 8785.
const DECLINED = Symbol('declined by the fast path');
// Deeper data goes to the library, whose explicit stack cannot overflow.
const MAX_FAST_DEPTH = 64;
const UINT32_MAX = 4294967295;

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a JSON value. Plain data takes a fast path: copy the
 * value with keys inserted in UTF-16 code-unit order, then let V8's native JSON.stringify write it, which
 * escapes strings and formats numbers exactly as RFC 8785 §3.2.2 requires. Anything else (toJSON, Dates,
 * non-finite numbers, lone surrogates, array-index keys, `__proto__`, deep nesting) goes to `canonicalize`,
 * the reference implementation; tests assert both give identical text for arbitrary JSON.
 * Throws when the value has no canonical form (NaN, Infinity, lone surrogates, cycles, BigInt, undefined).
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value, 0);
  if (sorted !== DECLINED) {
    const text = JSON.stringify(sorted) as string | undefined;
    if (text !== undefined) return text;
  }
  const text = canonicalize(value);
  if (text === undefined) {
    throw new TypeError('value has no JSON representation (undefined, a function or a symbol)');
  }
  return text;
}

/** The canonical bytes of an event: RFC 8785 text encoded as UTF-8. */
export function canonicalBytes(event: unknown): Uint8Array {
  return Buffer.from(canonicalJson(event), 'utf8');
}

function sortedCopy(value: unknown, depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return value.isWellFormed() ? value : DECLINED;
    case 'number':
      return Number.isFinite(value) ? value : DECLINED;
    case 'boolean':
    case 'undefined':
    case 'function':
    case 'symbol':
      // JSON.stringify drops these in objects and writes null in arrays, as RFC 8785 implementations do
      return value;
    case 'object':
      break;
    default:
      return DECLINED;
  }
  if (value === null) return null;
  if (depth > MAX_FAST_DEPTH || (value as { toJSON?: unknown }).toJSON !== undefined) return DECLINED;
  if (Array.isArray(value)) return sortedArrayCopy(value, depth);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return DECLINED;
  const record = value as Readonly<Record<string, unknown>>;
  // default sort compares UTF-16 code units, the order RFC 8785 §3.2.3 prescribes
  const keys = Object.keys(record).sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    if (!isOrdinaryKey(key)) return DECLINED;
    const member = sortedCopy(record[key], depth + 1);
    if (member === DECLINED) return DECLINED;
    copy[key] = member;
  }
  return copy;
}

function sortedArrayCopy(array: readonly unknown[], depth: number): unknown {
  if (Object.getPrototypeOf(array) !== Array.prototype) return DECLINED;
  const copy: unknown[] = new Array<unknown>(array.length);
  for (let i = 0; i < array.length; i++) {
    const element = sortedCopy(array[i], depth + 1);
    if (element === DECLINED) return DECLINED;
    copy[i] = element;
  }
  return copy;
}

/** Keys whose insertion order V8 keeps, and which assignment stores as plain own data properties. */
function isOrdinaryKey(key: string): boolean {
  if (key === '__proto__' || !key.isWellFormed()) return false;
  const first = key.charCodeAt(0);
  // V8 enumerates array-index keys ("0", "17") numerically, before all others: not code-unit order
  if (first >= 0x30 && first <= 0x39) return !isArrayIndex(key);
  return true;
}

function isArrayIndex(key: string): boolean {
  return (key === '0' || /^[1-9][0-9]*$/.test(key)) && Number(key) < UINT32_MAX;
}
