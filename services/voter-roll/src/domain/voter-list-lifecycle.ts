import type { Result } from '@vl/contracts';
import type { Election } from './election';

/** Where an election's voter lists stand: compiled from the registry, then finalized precinct by precinct. */
export type VoterListsStage =
  | { readonly stage: 'not-compiled' }
  /** a compilation started and did not finish (still running, or interrupted) */
  | { readonly stage: 'compiling' }
  | { readonly stage: 'compiled'; readonly registryRevision: number }
  /** finalization started; finishing it again finalizes the precincts still open */
  | { readonly stage: 'finalizing'; readonly registryRevision: number }
  | { readonly stage: 'finalized' };

export type VoterListsRejection =
  | { readonly code: 'unknown-election'; readonly message: string }
  | { readonly code: 'polling-day-passed'; readonly message: string }
  | { readonly code: 'lists-finalized'; readonly message: string }
  | { readonly code: 'not-compiled'; readonly message: string }
  | { readonly code: 'registry-changed'; readonly message: string };

export interface CompileVoterLists {
  readonly electionId: string;
  /** the calendar date in the election's time zone when the command is given */
  readonly today: string;
}

/**
 * DOMAIN "Voter lists": compiled per election from the civil registry by place of residence, then finalized;
 * once finalized only absentee certificates and polling-day inclusions change them.
 */
export function decideCompilation(
  command: CompileVoterLists,
  election: Election,
  lists: VoterListsStage,
): Result<{ readonly electionDate: string }, VoterListsRejection> {
  if (election.status !== 'called') return unknownElection(command.electionId);
  if (lists.stage === 'finalizing' || lists.stage === 'finalized') {
    return reject(
      'lists-finalized',
      `the voter lists of election ${command.electionId} are finalized; only absentee certificates and polling-day inclusions change them now`,
    );
  }
  if (command.today > election.electionDate) {
    return reject(
      'polling-day-passed',
      `polling day ${election.electionDate} has passed (today is ${command.today}); lists are compiled before it`,
    );
  }
  return { ok: true, value: { electionDate: election.electionDate } };
}

export interface FinalizeVoterLists {
  readonly electionId: string;
  /** the registry's revision now: each import that changed a citizen or a precinct raises it */
  readonly registryRevision: number;
}

/** Finalizes exactly what was compiled: a registry that changed since needs a new compilation first. */
export function decideFinalization(
  command: FinalizeVoterLists,
  election: Election,
  lists: VoterListsStage,
): Result<{ readonly resuming: boolean }, VoterListsRejection> {
  if (election.status !== 'called') return unknownElection(command.electionId);
  switch (lists.stage) {
    case 'not-compiled':
    case 'compiling':
      return reject(
        'not-compiled',
        `the voter lists of election ${command.electionId} are not compiled: POST /elections/${command.electionId}/voter-lists/compile first`,
      );
    case 'finalized':
      return reject(
        'lists-finalized',
        `the voter lists of election ${command.electionId} are already finalized`,
      );
    case 'finalizing':
      return { ok: true, value: { resuming: true } };
    case 'compiled':
      if (lists.registryRevision !== command.registryRevision) {
        return reject(
          'registry-changed',
          `the civil registry or the geography changed after the lists were compiled (revision ${lists.registryRevision}, now ${command.registryRevision}): compile them again, then finalize`,
        );
      }
      return { ok: true, value: { resuming: false } };
    default:
      return exhaustive(lists);
  }
}

function unknownElection(electionId: string) {
  return reject('unknown-election', `election ${electionId} has not been called`);
}

function reject(code: VoterListsRejection['code'], message: string) {
  return { ok: false as const, error: { code, message } as VoterListsRejection };
}

function exhaustive(lists: never): never {
  throw new Error(`unknown voter-list stage ${JSON.stringify(lists)}`);
}
