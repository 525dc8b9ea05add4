import type {
  AbsenceExcused,
  AbsenceUnexcused,
  AppealDecided,
  ExcuseAppealed,
  ExcuseBasis,
  ExcuseCategory,
  ExcuseDecided,
  ExcuseFiled,
  ExcuseWindowOpened,
  ParticipationClaimFiled,
  ParticipationClaimResolved,
  PollBookOmissionReported,
} from '@vl/contracts';

/** One absence's case, from VoterAbsent to its outcome; one stream per absence. */
export const absenceCaseStreamId = (absenceId: string) => `absence-case-${absenceId}`;

export interface Absence {
  /** turnout's VoterAbsent event id */
  readonly absenceId: string;
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly electionDate: string;
}

export interface OpenWindow {
  readonly workingDays: number;
  readonly lastWorkingDay: string;
  readonly closesAt: string;
}

export type ExcuseCaseStatus =
  'filed' | 'accepted' | 'rejected' | 'appealed' | 'appeal-upheld' | 'appeal-dismissed';

export interface ExcuseCase {
  readonly category: ExcuseCategory;
  readonly status: ExcuseCaseStatus;
  readonly filedAt: string;
  /** when it was rejected: the appeal period counts from it */
  readonly rejectedAt?: string;
  readonly appealed: boolean;
}

export type ClaimStatus = 'filed' | 'upheld' | 'dismissed';

export type AbsenceCase =
  | { readonly status: 'none' }
  | {
      /** open: the window runs or a case is undecided; excused and unexcused are outcomes (an appeal may follow) */
      readonly status: 'open' | 'excused' | 'unexcused';
      readonly absence: Absence;
      /** none when a registry excused the absence at once */
      readonly window: OpenWindow | undefined;
      readonly cases: ReadonlyMap<string, ExcuseCase>;
      readonly claims: ReadonlyMap<string, ClaimStatus>;
      /** why it is excused, once it is */
      readonly basis?: ExcuseBasis;
    };

export type RecordedCase = Exclude<AbsenceCase, { readonly status: 'none' }>;

export type AbsenceCaseEvent =
  | ExcuseWindowOpened
  | AbsenceExcused
  | AbsenceUnexcused
  | ExcuseFiled
  | ExcuseDecided
  | ExcuseAppealed
  | AppealDecided
  | ParticipationClaimFiled
  | ParticipationClaimResolved
  | PollBookOmissionReported;

export const noAbsenceCase: AbsenceCase = { status: 'none' };

const recorded = (
  absence: Absence,
  window: OpenWindow | undefined,
  status: RecordedCase['status'],
): RecordedCase => ({
  status,
  absence,
  window,
  cases: new Map(),
  claims: new Map(),
});

const withCase = (state: RecordedCase, caseId: string, change: Partial<ExcuseCase>): RecordedCase => {
  const current = state.cases.get(caseId);
  return current ? { ...state, cases: new Map(state.cases).set(caseId, { ...current, ...change }) } : state;
};

export function evolveAbsenceCase(state: AbsenceCase, event: AbsenceCaseEvent): AbsenceCase {
  if (event.type === 'ExcuseWindowOpened') {
    const { absenceId, electionId, personalNumber, precinctId, electionDate } = event.payload;
    const { workingDays, lastWorkingDay, closesAt } = event.payload;
    return recorded(
      { absenceId, electionId, personalNumber, precinctId, electionDate },
      { workingDays, lastWorkingDay, closesAt },
      'open',
    );
  }
  if (event.type === 'AbsenceExcused' && state.status === 'none') {
    const { absenceId, electionId, personalNumber, precinctId, electionDate } = event.payload;
    return {
      ...recorded({ absenceId, electionId, personalNumber, precinctId, electionDate }, undefined, 'excused'),
      basis: event.payload.basis,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AbsenceExcused':
      return { ...state, status: 'excused', basis: event.payload.basis };
    case 'AbsenceUnexcused':
      return { ...state, status: 'unexcused' };
    case 'ExcuseFiled':
      return {
        ...state,
        cases: new Map(state.cases).set(event.payload.caseId, {
          category: event.payload.category,
          status: 'filed',
          filedAt: event.payload.filedAt,
          appealed: false,
        }),
      };
    case 'ExcuseDecided':
      return withCase(state, event.payload.caseId, {
        status: event.payload.decision,
        ...(event.payload.decision === 'rejected' ? { rejectedAt: event.payload.decidedAt } : {}),
      });
    case 'ExcuseAppealed':
      return withCase(state, event.payload.caseId, { status: 'appealed', appealed: true });
    case 'AppealDecided':
      return withCase(state, event.payload.caseId, {
        status: event.payload.decision === 'upheld' ? 'appeal-upheld' : 'appeal-dismissed',
      });
    case 'ParticipationClaimFiled':
      return { ...state, claims: new Map(state.claims).set(event.payload.claimId, 'filed') };
    case 'ParticipationClaimResolved':
      return { ...state, claims: new Map(state.claims).set(event.payload.claimId, event.payload.decision) };
    case 'PollBookOmissionReported':
      return state;
    default:
      return exhaustive(event, state);
  }
}

function exhaustive(_: never, state: AbsenceCase): AbsenceCase {
  return state;
}

/** A case or a claim still to be decided keeps the absence open past its window (issue "Excuses", 5). */
export function undecided(state: RecordedCase): boolean {
  return (
    [...state.cases.values()].some((excuse) => excuse.status === 'filed' || excuse.status === 'appealed') ||
    [...state.claims.values()].some((claim) => claim === 'filed')
  );
}
