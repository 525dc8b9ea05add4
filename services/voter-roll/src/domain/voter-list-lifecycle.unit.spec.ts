import type { Election } from './election';
import { decideCompilation, decideFinalization } from './voter-list-lifecycle';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const called: Election = {
  status: 'called',
  electionId,
  electionDate: '2026-11-29',
  timeZone: 'Asia/Bishkek',
};

describe('compiling voter lists', () => {
  it('given a called election and no lists, when compiled before polling day, then it goes ahead on the election date', () => {
    expect(decideCompilation({ electionId, today: '2026-10-01' }, called, { stage: 'not-compiled' })).toEqual(
      {
        ok: true,
        value: { electionDate: '2026-11-29' },
      },
    );
  });

  it('given compiled lists, when compiled again, then it is allowed: the registry may have changed', () => {
    const lists = { stage: 'compiled', registryRevision: 3 } as const;
    expect(decideCompilation({ electionId, today: '2026-10-01' }, called, lists).ok).toBe(true);
  });

  it('given polling day itself, when compiled, then allowed; the day after, refused', () => {
    expect(decideCompilation({ electionId, today: '2026-11-29' }, called, { stage: 'compiling' }).ok).toBe(
      true,
    );
    expect(
      decideCompilation({ electionId, today: '2026-11-30' }, called, { stage: 'compiling' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'polling-day-passed' },
    });
  });

  it('given finalized lists, when compiled, then refused: only certificates and inclusions change them', () => {
    expect(decideCompilation({ electionId, today: '2026-10-01' }, called, { stage: 'finalized' })).toEqual({
      ok: false,
      error: {
        code: 'lists-finalized',
        message: `the voter lists of election ${electionId} are finalized; only absentee certificates and polling-day inclusions change them now`,
      },
    });
  });

  it('given an election never called, when compiled, then it is unknown', () => {
    expect(
      decideCompilation({ electionId, today: '2026-10-01' }, { status: 'none' }, { stage: 'not-compiled' }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-election' } });
  });
});

describe('finalizing voter lists', () => {
  it('given lists compiled at the current registry revision, when finalized, then it goes ahead', () => {
    const lists = { stage: 'compiled', registryRevision: 7 } as const;
    expect(decideFinalization({ electionId, registryRevision: 7 }, called, lists)).toEqual({
      ok: true,
      value: { resuming: false },
    });
  });

  it('given an import after compilation, when finalized, then refused until compiled again', () => {
    const lists = { stage: 'compiled', registryRevision: 7 } as const;
    expect(decideFinalization({ electionId, registryRevision: 8 }, called, lists)).toMatchObject({
      ok: false,
      error: { code: 'registry-changed' },
    });
  });

  it.each(['not-compiled', 'compiling'] as const)(
    'given lists %s, when finalized, then compile first',
    (stage) => {
      expect(decideFinalization({ electionId, registryRevision: 1 }, called, { stage })).toMatchObject({
        ok: false,
        error: { code: 'not-compiled' },
      });
    },
  );

  it('given an interrupted finalization, when finalized again, then it resumes the open precincts', () => {
    const lists = { stage: 'finalizing', registryRevision: 7 } as const;
    expect(decideFinalization({ electionId, registryRevision: 9 }, called, lists)).toEqual({
      ok: true,
      value: { resuming: true },
    });
  });

  it('given finalized lists, when finalized again, then refused', () => {
    expect(
      decideFinalization({ electionId, registryRevision: 1 }, called, { stage: 'finalized' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'lists-finalized' },
    });
  });
});
