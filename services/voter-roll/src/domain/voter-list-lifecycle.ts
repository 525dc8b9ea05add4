import type {
  Actor,
  Decider,
  Result,
  VoterListsCompilationStarted,
  VoterListsCompiled,
  VoterListsFinalizationStarted,
  VoterListsFinalized,
} from '@vl/contracts';
import { unknownElection, type Election } from './election';
import { territoryName } from './election-territory';

/** Where an election's voter lists stand: compiled from the registry, then finalized precinct by precinct. */
export type VoterListsStage =
  | { readonly stage: 'not-compiled' }
  /** a compilation started and did not finish (still running, or interrupted) */
  | { readonly stage: 'compiling' }
  | { readonly stage: 'compiled'; readonly registryRevision: number }
  /** finalization started; finishing it again finalizes the precincts still open */
  | { readonly stage: 'finalizing'; readonly registryRevision: number }
  | { readonly stage: 'finalized' };

export type VoterListsEvent =
  VoterListsCompilationStarted | VoterListsCompiled | VoterListsFinalizationStarted | VoterListsFinalized;

export type VoterListsRejection =
  | { readonly code: 'unknown-election'; readonly message: string }
  | { readonly code: 'polling-day-passed'; readonly message: string }
  | { readonly code: 'unknown-territory'; readonly message: string }
  | { readonly code: 'lists-finalized'; readonly message: string }
  | { readonly code: 'not-compiled'; readonly message: string }
  | { readonly code: 'registry-changed'; readonly message: string }
  | { readonly code: 'not-running'; readonly message: string };

/** Starts a compilation of every precinct's draft list (a new one replaces the drafts). */
export interface CompileVoterLists {
  readonly type: 'CompileVoterLists';
  readonly electionId: string;
  readonly compiledBy: Actor;
}

/** The compilation's drafts are all written. */
export interface CompleteCompilation {
  readonly type: 'CompleteCompilation';
  readonly electionId: string;
  readonly registryRevision: number;
  readonly citizens: number;
  readonly voters: number;
}

/** Starts finalizing the compiled lists, or resumes an interrupted finalization. */
export interface FinalizeVoterLists {
  readonly type: 'FinalizeVoterLists';
  readonly electionId: string;
  readonly finalizedBy: Actor;
}

/** Every precinct's list is final. */
export interface CompleteFinalization {
  readonly type: 'CompleteFinalization';
  readonly electionId: string;
  readonly precincts: number;
  readonly voters: number;
}

export type VoterListsCommand =
  CompileVoterLists | CompleteCompilation | FinalizeVoterLists | CompleteFinalization;

/** What the lifecycle decides on besides its own stream: the election, the date, the registry's revision now. */
export interface VoterListsContext {
  /** folded from the election's own stream */
  readonly election: Election;
  /** the calendar date in the election's time zone when the command is given */
  readonly today: string;
  /** the registry's revision now: each import that changed a citizen or a precinct raises it */
  readonly registryRevision: number;
  /** how many precincts the geography holds now in the election's territory (all of them for the whole country) */
  readonly territoryPrecincts: number;
}

type VoterListsDecision = Result<readonly VoterListsEvent[], VoterListsRejection>;

export const notCompiled: VoterListsStage = { stage: 'not-compiled' };

export function evolveVoterLists(state: VoterListsStage, event: VoterListsEvent): VoterListsStage {
  switch (event.type) {
    case 'VoterListsCompilationStarted':
      return { stage: 'compiling' };
    case 'VoterListsCompiled':
      return { stage: 'compiled', registryRevision: event.payload.registryRevision };
    case 'VoterListsFinalizationStarted':
      return { stage: 'finalizing', registryRevision: event.payload.registryRevision };
    case 'VoterListsFinalized':
      return { stage: 'finalized' };
    default:
      return exhaustive(event, state);
  }
}

/**
 * DOMAIN "Voter lists": compiled per election from the civil registry by place of residence, then finalized;
 * once finalized only absentee certificates and polling-day inclusions change them.
 */
export function decideCompilation(
  command: CompileVoterLists,
  lists: VoterListsStage,
  { election, today, registryRevision, territoryPrecincts }: VoterListsContext,
): VoterListsDecision {
  if (election.status !== 'called') return { ok: false, error: unknownElection(command.electionId) };
  if (lists.stage === 'finalizing' || lists.stage === 'finalized') {
    return reject(
      'lists-finalized',
      `the voter lists of election ${command.electionId} are finalized; only absentee certificates and polling-day inclusions change them now`,
    );
  }
  if (today > election.electionDate) {
    return reject(
      'polling-day-passed',
      `polling day ${election.electionDate} has passed (today is ${today}); lists are compiled before it`,
    );
  }
  // checked here, not when the election is called: the geography may be imported after the call
  if (election.territory.level !== 'country' && territoryPrecincts === 0) {
    return reject(
      'unknown-territory',
      `the geography has no precinct in ${territoryName(election.territory)}, the territory election ${command.electionId} was called for: import its precincts (POST /imports/precincts) before compiling`,
    );
  }
  const { electionId, compiledBy } = command;
  const payload = { electionId, electionDate: election.electionDate, registryRevision, compiledBy };
  return { ok: true, value: [{ type: 'VoterListsCompilationStarted', payload }] };
}

/** Finalizes exactly what was compiled: a registry that changed since needs a new compilation first. */
export function decideFinalization(
  command: FinalizeVoterLists,
  lists: VoterListsStage,
  { election, registryRevision }: VoterListsContext,
): VoterListsDecision {
  if (election.status !== 'called') return { ok: false, error: unknownElection(command.electionId) };
  const started = (revision: number, resuming: boolean): VoterListsDecision => {
    const { electionId, finalizedBy } = command;
    const payload = { electionId, registryRevision: revision, resuming, finalizedBy };
    return { ok: true, value: [{ type: 'VoterListsFinalizationStarted', payload }] };
  };
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
      return started(lists.registryRevision, true);
    case 'compiled':
      if (lists.registryRevision !== registryRevision) {
        return reject(
          'registry-changed',
          `the civil registry or the geography changed after the lists were compiled (revision ${lists.registryRevision}, now ${registryRevision}): compile them again, then finalize`,
        );
      }
      return started(registryRevision, false);
    default:
      return exhaustive(lists, reject('not-compiled', 'unknown stage'));
  }
}

function decideCompletion(
  command: CompleteCompilation | CompleteFinalization,
  lists: VoterListsStage,
): VoterListsDecision {
  if (command.type === 'CompleteCompilation') {
    if (lists.stage !== 'compiling')
      return reject('not-running', `no compilation of election ${command.electionId} is running`);
    const { electionId, registryRevision, citizens, voters } = command;
    return {
      ok: true,
      value: [{ type: 'VoterListsCompiled', payload: { electionId, registryRevision, citizens, voters } }],
    };
  }
  if (lists.stage !== 'finalizing')
    return reject('not-running', `no finalization of election ${command.electionId} is running`);
  const { electionId, precincts, voters } = command;
  return { ok: true, value: [{ type: 'VoterListsFinalized', payload: { electionId, precincts, voters } }] };
}

export function decideVoterLists(
  command: VoterListsCommand,
  lists: VoterListsStage,
  context: VoterListsContext,
): VoterListsDecision {
  switch (command.type) {
    case 'CompileVoterLists':
      return decideCompilation(command, lists, context);
    case 'FinalizeVoterLists':
      return decideFinalization(command, lists, context);
    case 'CompleteCompilation':
    case 'CompleteFinalization':
      return decideCompletion(command, lists);
    default:
      return exhaustive(command, reject('not-running', 'unknown command'));
  }
}

/** An election's voter-list lifecycle; its stream is `voter-lists-<electionId>` (stream-ids.ts). */
export const voterListsDecider: Decider<
  VoterListsCommand,
  VoterListsStage,
  VoterListsEvent,
  VoterListsRejection,
  VoterListsContext
> = {
  initialState: notCompiled,
  evolve: evolveVoterLists,
  decide: decideVoterLists,
};

function reject(code: VoterListsRejection['code'], message: string): VoterListsDecision {
  return { ok: false, error: { code, message } as VoterListsRejection };
}

function exhaustive<T>(_: never, fallback: T): T {
  return fallback;
}
