import { QueryFailedError } from 'typeorm';

/** What a failed statement means to a caller that may decide again: the rest is a real failure. */
export type DatabaseErrorKind = 'unique-violation' | 'serialization-failure' | 'deadlock' | 'other';

/**
 * A concurrent transaction took a unique key first. Raised by code that inserts with `on conflict do nothing`
 * instead of letting the statement fail, whose logged parameters could carry personal numbers.
 */
export class UniqueKeyTaken extends Error {
  override readonly name: string = 'UniqueKeyTaken';
  constructor(what: string) {
    super(`${what} taken by a concurrent transaction`);
  }
}

// PostgreSQL SQLSTATE codes (Appendix A of its manual)
const KINDS: Readonly<Record<string, DatabaseErrorKind>> = {
  '23505': 'unique-violation',
  '40001': 'serialization-failure',
  '40P01': 'deadlock',
};

/** Classifies a PostgreSQL error, raw from `pg` or wrapped by TypeORM's QueryFailedError. */
export function classifyDatabaseError(error: unknown): DatabaseErrorKind {
  if (error instanceof UniqueKeyTaken) return 'unique-violation';
  const code = driverField(error, 'code');
  return (code !== undefined && KINDS[code]) || 'other';
}

/** The detail PostgreSQL gave with the error (e.g. the key a unique violation hit), when there is one. */
export const databaseErrorDetail = (error: unknown): string | undefined => driverField(error, 'detail');

// TypeORM wraps the driver's error (QueryFailedError.driverError); `pg` alone throws it bare
function driverField(error: unknown, field: 'code' | 'detail'): string | undefined {
  const driver = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  const value = isRecord(driver) ? driver[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
