/** An expected outcome the caller branches on: a value, or the reason there is none. */
export type Result<TValue> =
  { readonly ok: true; readonly value: TValue } | { readonly ok: false; readonly error: string };

export function ok<TValue>(value: TValue): Result<TValue> {
  return { ok: true, value };
}

export function err<TValue = never>(error: string): Result<TValue> {
  return { ok: false, error };
}
