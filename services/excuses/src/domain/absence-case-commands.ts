import type { Actor, ExcuseCategory, ExemptionCategoriesContent } from '@vl/contracts';
import type { ExcuseWindowPolicy } from './excuse-window-policy';
import type { ExemptionFacts, PollingHours } from './exemptions';
import type { WorkingDayCalendar } from './working-day-calendar';

/** Turnout recorded the voter absent (VoterAbsent): a registry may excuse it at once, else its window opens. */
export interface RecordAbsence {
  readonly type: 'RecordAbsence';
  readonly absenceId: string;
  readonly electionId: string;
  readonly personalNumber: string;
  readonly precinctId: string;
  readonly electionDate: string;
  readonly now: string;
}

/** A registry fact about the voter arrived after the absence was recorded: read them all again. */
export interface ReassessExemption {
  readonly type: 'ReassessExemption';
  readonly now: string;
}

/** The window's deadline fired on the service's clock. */
export interface CloseExcuseWindow {
  readonly type: 'CloseExcuseWindow';
  readonly now: string;
}

export interface DocumentDescription {
  readonly type: string;
  readonly issuer: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly sha256: string;
}

export interface FileExcuse {
  readonly type: 'FileExcuse';
  readonly caseId: string;
  readonly category: ExcuseCategory;
  readonly statement: string;
  readonly documents: readonly DocumentDescription[];
  readonly filedBy: Actor;
  readonly now: string;
}

export interface DecideExcuse {
  readonly type: 'DecideExcuse';
  readonly caseId: string;
  readonly decision: 'accepted' | 'rejected';
  readonly reason: string;
  readonly decidedBy: Actor;
  readonly now: string;
}

export interface AppealRejection {
  readonly type: 'AppealRejection';
  readonly caseId: string;
  readonly statement: string;
  readonly appealedBy: Actor;
  readonly now: string;
}

export interface DecideAppeal {
  readonly type: 'DecideAppeal';
  readonly caseId: string;
  readonly decision: 'upheld' | 'dismissed';
  readonly reason: string;
  readonly decidedBy: Actor;
  readonly now: string;
}

export interface FileParticipationClaim {
  readonly type: 'FileParticipationClaim';
  readonly claimId: string;
  readonly statement: string;
  readonly filedBy: Actor;
  readonly now: string;
}

export interface ResolveParticipationClaim {
  readonly type: 'ResolveParticipationClaim';
  readonly claimId: string;
  readonly decision: 'upheld' | 'dismissed';
  readonly reason: string;
  readonly decidedBy: Actor;
  readonly now: string;
}

export type AbsenceCaseCommand =
  | RecordAbsence
  | ReassessExemption
  | CloseExcuseWindow
  | FileExcuse
  | DecideExcuse
  | AppealRejection
  | DecideAppeal
  | FileParticipationClaim
  | ResolveParticipationClaim;

/** A policy as in force on the election's date: its content and the adoption it comes from. */
export interface PolicyInForce<TContent> {
  readonly adoptionId: string;
  readonly content: TContent;
}

/** What the registries say of the voter, read against their precinct's polling hours. */
export interface RegistryView {
  readonly facts: ExemptionFacts;
  readonly hours: PollingHours;
}

/** The policies in force on the absence's election date (ARCHITECTURE invariant 6), and the registries' facts. */
export interface AbsenceCaseContext {
  readonly excuseWindow: PolicyInForce<ExcuseWindowPolicy>;
  readonly workingDayCalendar: PolicyInForce<WorkingDayCalendar>;
  readonly exemptionCategories: PolicyInForce<ExemptionCategoriesContent>;
  /** needed by RecordAbsence and ReassessExemption only */
  readonly registry?: RegistryView;
}
