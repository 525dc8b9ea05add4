import type {
  VoterListsCompilationStarted,
  VoterListsCompiled,
  VoterListsFinalizationStarted,
  VoterListsFinalized,
} from '@vl/contracts';
import { deciderSpecification } from '@vl/testing/decider';
import type { Election } from './election';
import {
  voterListsDecider,
  type CompileVoterLists,
  type FinalizeVoterLists,
  type VoterListsContext,
} from './voter-list-lifecycle';

const electionId = '0199a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b';
const operator = { subject: 'cec-operator-7', role: 'cec-operator' };
const called: Election = {
  status: 'called',
  electionId,
  electionDate: '2026-11-29',
  timeZone: 'Asia/Bishkek',
  territory: { level: 'country' },
};
const compile: CompileVoterLists = { type: 'CompileVoterLists', electionId, compiledBy: operator };
const finalize: FinalizeVoterLists = { type: 'FinalizeVoterLists', electionId, finalizedBy: operator };
const on = (today: string, registryRevision = 3): VoterListsContext => ({
  election: called,
  today,
  registryRevision,
  territoryPrecincts: 4,
});

const compilationStarted = (registryRevision: number): VoterListsCompilationStarted => ({
  type: 'VoterListsCompilationStarted',
  payload: { electionId, electionDate: '2026-11-29', registryRevision, compiledBy: operator },
});
const compiled = (registryRevision: number): VoterListsCompiled => ({
  type: 'VoterListsCompiled',
  payload: { electionId, registryRevision, citizens: 10, voters: 7 },
});
const finalizationStarted = (registryRevision: number): VoterListsFinalizationStarted => ({
  type: 'VoterListsFinalizationStarted',
  payload: { electionId, registryRevision, resuming: false, finalizedBy: operator },
});
const finalized: VoterListsFinalized = {
  type: 'VoterListsFinalized',
  payload: { electionId, precincts: 2, voters: 7 },
};
const compiledAt = (revision: number) => [compilationStarted(revision), compiled(revision)] as const;
const finalizingAt = (revision: number) => [...compiledAt(revision), finalizationStarted(revision)] as const;
const spec = deciderSpecification(voterListsDecider);

describe('compiling voter lists', () => {
  it('given a called election and no lists, when compiled before polling day, then it goes ahead on the election date, recording who started it', () => {
    spec
      .given()
      .when(compile, on('2026-10-01', 3))
      .then([
        {
          type: 'VoterListsCompilationStarted',
          payload: {
            electionId,
            electionDate: '2026-11-29',
            registryRevision: 3,
            compiledBy: { subject: 'cec-operator-7', role: 'cec-operator' },
          },
        },
      ]);
  });

  it('given compiled lists, when compiled again, then it is allowed: the registry may have changed', () => {
    spec
      .given(...compiledAt(3))
      .when(compile, on('2026-10-01', 4))
      .then([compilationStarted(4)]);
  });

  it('given polling day itself, when compiled, then allowed; the day after, refused', () => {
    spec
      .given(compilationStarted(3))
      .when(compile, on('2026-11-29'))
      .then([compilationStarted(3)]);
    spec
      .given(compilationStarted(3))
      .when(compile, on('2026-11-30'))
      .thenRejects({ code: 'polling-day-passed' });
  });

  it('given finalized lists, when compiled, then refused: only certificates and inclusions change them', () => {
    expect(
      spec
        .given(...finalizingAt(3), finalized)
        .when(compile, on('2026-10-01'))
        .decision(),
    ).toEqual({
      ok: false,
      error: {
        code: 'lists-finalized',
        message: `the voter lists of election ${electionId} are finalized; only absentee certificates and polling-day inclusions change them now`,
      },
    });
  });

  it('given an election never called, when compiled, then it is unknown', () => {
    spec
      .given()
      .when(compile, { ...on('2026-10-01'), election: { status: 'none' } })
      .thenRejects({ code: 'unknown-election' });
  });

  it('given a local election of a district the geography has no precinct in, when compiled, then refused naming the territory', () => {
    const local: Election = { ...called, territory: { level: 'district', code: '0707' } };

    spec
      .given()
      .when(compile, { ...on('2026-10-01'), election: local, territoryPrecincts: 0 })
      .thenRejects({
        code: 'unknown-territory',
        message: `the geography has no precinct in district 0707, the territory election ${electionId} was called for: import its precincts (POST /imports/precincts) before compiling`,
      });
  });

  it('given a local election of a district with precincts, when compiled, then it goes ahead', () => {
    const local: Election = { ...called, territory: { level: 'district', code: '1101' } };

    spec
      .given()
      .when(compile, { ...on('2026-10-01'), election: local, territoryPrecincts: 2 })
      .then([compilationStarted(3)]);
  });

  it('given a compilation started, when its drafts are all written, then VoterListsCompiled with the counts', () => {
    spec
      .given(compilationStarted(3))
      .when(
        { type: 'CompleteCompilation', electionId, registryRevision: 3, citizens: 10, voters: 7 },
        on('2026-10-01'),
      )
      .then([compiled(3)]);
  });

  it('given no compilation running, when one is completed, then refused', () => {
    spec
      .given(...compiledAt(3))
      .when(
        { type: 'CompleteCompilation', electionId, registryRevision: 3, citizens: 10, voters: 7 },
        on('2026-10-01'),
      )
      .thenRejects({ code: 'not-running' });
  });
});

describe('finalizing voter lists', () => {
  it('given lists compiled at the current registry revision, when finalized, then it goes ahead, recording who started it', () => {
    spec
      .given(...compiledAt(7))
      .when(finalize, on('2026-10-01', 7))
      .then([
        {
          type: 'VoterListsFinalizationStarted',
          payload: {
            electionId,
            registryRevision: 7,
            resuming: false,
            finalizedBy: { subject: 'cec-operator-7', role: 'cec-operator' },
          },
        },
      ]);
  });

  it('given an import after compilation, when finalized, then refused until compiled again', () => {
    spec
      .given(...compiledAt(7))
      .when(finalize, on('2026-10-01', 8))
      .thenRejects({ code: 'registry-changed' });
  });

  it('given lists not compiled, when finalized, then compile first', () => {
    spec.given().when(finalize, on('2026-10-01', 1)).thenRejects({ code: 'not-compiled' });
  });

  it('given lists compiling, when finalized, then compile first', () => {
    spec
      .given(compilationStarted(1))
      .when(finalize, on('2026-10-01', 1))
      .thenRejects({ code: 'not-compiled' });
  });

  it('given an interrupted finalization, when finalized again, then it resumes the open precincts', () => {
    spec
      .given(...finalizingAt(7))
      .when(finalize, on('2026-10-01', 9))
      .then([
        {
          type: 'VoterListsFinalizationStarted',
          payload: { electionId, registryRevision: 7, resuming: true, finalizedBy: operator },
        },
      ]);
  });

  it('given finalized lists, when finalized again, then refused', () => {
    spec
      .given(...finalizingAt(1), finalized)
      .when(finalize, on('2026-10-01', 1))
      .thenRejects({ code: 'lists-finalized' });
  });

  it('given a finalization running, when every precinct is final, then VoterListsFinalized with the totals', () => {
    spec
      .given(...finalizingAt(7))
      .when({ type: 'CompleteFinalization', electionId, precincts: 2, voters: 7 }, on('2026-10-01', 7))
      .then([finalized]);
  });
});
