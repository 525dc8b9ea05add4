import canonicalize from 'canonicalize';

// A marker, not a value: the fast path declines anything it cannot prove it serializes exactly as RFC 8785.
const DECLINED = Symbol('declined by the fast path');
// Deeper data goes to the library, whose explicit stack cannot overflow.
const MAX_FAST_DEPTH = 64;
const UINT32_MAX = 4294967295;

/**
 * The RFC 8785 (JSON Canonicalization Scheme) text of a JSON value. Plain data takes a fast path: make sure
 * keys are in UTF-16 code-unit order (copying only objects that are not), then let V8's native JSON.stringify
 * write it, which escapes strings and formats numbers exactly as RFC 8785 §3.2.2 requires. Anything else
 * (toJSON, Dates, non-finite numbers, lone surrogates, array-index keys, `__proto__`, deep nesting) goes to
 * `canonicalize`, the reference implementation; tests assert both give identical results for arbitrary input.
 * Throws when the value has no canonical form (NaN, Infinity, lone surrogates, cycles, BigInt, undefined).
 */
export function canonicalJson(value: unknown): string {
  const ordered = canonicalOrder(value, 0);
  if (ordered !== DECLINED) {
    const text = JSON.stringify(ordered) as string | undefined;
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

// Returns the value itself when it is already in canonical key order (e.g. parsed from an export line),
// a copy with sorted keys when it is not, or DECLINED.
function canonicalOrder(value: unknown, depth: number): unknown {
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
  if (Array.isArray(value)) return canonicalArray(value, depth);
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return DECLINED;
  const record = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record);
  // RFC 8785 §3.2.3 orders keys by UTF-16 code units, which is how < compares strings and how sort() sorts
  let inOrder = true;
  for (let i = 1; i < keys.length && inOrder; i++) inOrder = (keys[i - 1] as string) < (keys[i] as string);
  if (!inOrder) keys.sort();
  let copy: Record<string, unknown> | undefined = inOrder ? undefined : {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (!isOrdinaryKey(key)) return DECLINED;
    const member = record[key];
    const ordered = canonicalOrder(member, depth + 1);
    if (ordered === DECLINED) return DECLINED;
    if (copy === undefined && ordered !== member) copy = copyOfFirst(record, keys, i);
    if (copy !== undefined) copy[key] = ordered;
  }
  return copy ?? record;
}

function canonicalArray(array: readonly unknown[], depth: number): unknown {
  if (Object.getPrototypeOf(array) !== Array.prototype) return DECLINED;
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const element = array[i];
    const ordered = canonicalOrder(element, depth + 1);
    if (ordered === DECLINED) return DECLINED;
    if (copy === undefined && ordered !== element) copy = array.slice(0, i);
    if (copy !== undefined) copy[i] = ordered;
  }
  return copy ?? array;
}

function copyOfFirst(
  record: Readonly<Record<string, unknown>>,
  keys: readonly string[],
  count: number,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) copy[keys[i] as string] = record[keys[i] as string];
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
