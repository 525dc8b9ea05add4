import { QueryFailedError } from 'typeorm';
import { classifyDatabaseError, databaseErrorDetail, UniqueKeyTaken } from './database-errors';

const driverError = (code: string, detail?: string) =>
  Object.assign(new Error(`SQLSTATE ${code}`), { code, ...(detail === undefined ? {} : { detail }) });

describe('classifyDatabaseError', () => {
  it.each([
    ['23505', 'unique-violation'],
    ['40001', 'serialization-failure'],
    ['40P01', 'deadlock'],
    ['23503', 'other'],
    ['57014', 'other'],
  ] as const)('reads SQLSTATE %s through TypeORM as %s', (code, kind) => {
    expect(classifyDatabaseError(new QueryFailedError('insert', [], driverError(code)))).toBe(kind);
  });

  it('reads the bare driver error as well', () => {
    expect(classifyDatabaseError(driverError('40P01'))).toBe('deadlock');
  });

  it('counts a key taken under "on conflict do nothing" as a unique violation', () => {
    class SerialTaken extends UniqueKeyTaken {}
    expect(classifyDatabaseError(new SerialTaken('absentee certificate serial'))).toBe('unique-violation');
  });

  it.each([new Error('connection terminated'), 'a string', undefined, null, { code: 40001 }])(
    'calls anything else other: %p',
    (error) => {
      expect(classifyDatabaseError(error)).toBe('other');
    },
  );

  it('gives the detail PostgreSQL attached', () => {
    const detail = 'Key (event_id)=(0192) already exists.';
    expect(databaseErrorDetail(new QueryFailedError('insert', [], driverError('23505', detail)))).toBe(
      detail,
    );
    expect(databaseErrorDetail(new Error('no detail'))).toBeUndefined();
  });
});
