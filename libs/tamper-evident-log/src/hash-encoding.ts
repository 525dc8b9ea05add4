/** SHA-256 digests are 32 bytes; every hash in this library has that size. */
export const HASH_SIZE = 32;

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function toHex(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('hex');
}

export function toBase64(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('base64');
}

export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return asBuffer(a).equals(b);
}

/** Lowercase hex of exactly `size` bytes, or undefined: one spelling per value so strings compare with ===. */
export function fromCanonicalHex(text: string, size: number): Uint8Array | undefined {
  if (text.length !== size * 2 || !/^[0-9a-f]*$/.test(text)) return undefined;
  return Buffer.from(text, 'hex');
}

/** Padded standard base64 of exactly `size` bytes, else undefined (re-encoded: Node decodes leniently). */
export function fromCanonicalBase64(text: string, size: number): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === size && bytes.toString('base64') === text ? bytes : undefined;
}
