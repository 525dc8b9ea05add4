import { EventIdReused, StreamVersionConflict, UniqueKeyTaken } from '@vl/event-store';
import { QueryFailedError } from 'typeorm';
import { conflictKindOf, DEFAULT_CONFLICT_ATTEMPTS, retryOnConflict } from './conflict-policy';

const sqlState = (code: string) =>
  new QueryFailedError('update', [], Object.assign(new Error(code), { code }));
const versionConflict = () => new StreamVersionConflict('voter-1', 3, 4);

/** Fails with the given errors in turn, then answers with the attempt it succeeded on. */
function racing(...failures: unknown[]) {
  const attempts: number[] = [];
  const work = (attempt: number) => {
    attempts.push(attempt);
    const failure = failures.shift();
    return failure === undefined ? Promise.resolve(attempt) : Promise.reject(failure);
  };
  return { work, attempts };
}

describe('retryOnConflict', () => {
  it('decides again after each lost race and answers with the attempt that won', async () => {
    const { work, attempts } = racing(versionConflict(), sqlState('40001'), sqlState('40P01'));
    await expect(retryOnConflict(work)).resolves.toBe(4);
    expect(attempts).toEqual([1, 2, 3, 4]);
  });

  it(`gives up after ${DEFAULT_CONFLICT_ATTEMPTS} attempts by default with the last conflict`, async () => {
    const failures = Array.from({ length: 10 }, versionConflict);
    const { work, attempts } = racing(...failures);
    await expect(retryOnConflict(work)).rejects.toBe(failures[DEFAULT_CONFLICT_ATTEMPTS - 1]);
    expect(attempts).toHaveLength(DEFAULT_CONFLICT_ATTEMPTS);
  });

  it('takes another number of attempts', async () => {
    const { work, attempts } = racing(versionConflict(), versionConflict(), versionConflict());
    await expect(retryOnConflict(work, { attempts: 2 })).rejects.toBeInstanceOf(StreamVersionConflict);
    expect(attempts).toEqual([1, 2]);
  });

  it('throws at once what is not a conflict', async () => {
    const broken = new Error('connection terminated');
    const { work, attempts } = racing(broken);
    await expect(retryOnConflict(work)).rejects.toBe(broken);
    expect(attempts).toEqual([1]);
  });

  it('retries only the conflicts it is told to', async () => {
    const taken = sqlState('23505');
    const { work, attempts } = racing(versionConflict(), taken);
    await expect(retryOnConflict(work, { retryOn: ['stream-version-conflict'] })).rejects.toBe(taken);
    expect(attempts).toEqual([1, 2]);
  });
});

describe('conflictKindOf', () => {
  it.each([
    [versionConflict(), 'stream-version-conflict'],
    [new EventIdReused('voter-1'), 'stream-version-conflict'],
    [sqlState('23505'), 'unique-violation'],
    [new UniqueKeyTaken('voter list entry'), 'unique-violation'],
    [sqlState('40001'), 'serialization-failure'],
    [sqlState('40P01'), 'deadlock'],
    [sqlState('23503'), undefined],
    [new Error('boom'), undefined],
  ] as const)('%p is %p', (error, kind) => {
    expect(conflictKindOf(error)).toBe(kind);
  });
});
