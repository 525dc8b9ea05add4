import { z } from 'zod';

/**
 * The draft law's valid reasons for not appearing, one entry per way a reason is established: reason 4 (natural
 * disaster, serious illness, other documented reasons) and reason 5 (military in remote areas, law-enforcement
 * on duty, continuous-cycle workers) each name three.
 */
export const EXCUSE_CATEGORIES = [
  'registered-disability',
  'over-70',
  'abroad',
  'natural-disaster',
  'serious-illness',
  'other-documented',
  'military-remote-service',
  'law-enforcement-on-duty',
  'continuous-cycle-work',
] as const;
export type ExcuseCategory = (typeof EXCUSE_CATEGORIES)[number];

/** The categories a duty roster establishes; each submitting body may name only its own. */
export const DUTY_CATEGORIES = [
  'military-remote-service',
  'law-enforcement-on-duty',
  'continuous-cycle-work',
] as const satisfies readonly ExcuseCategory[];
export type DutyCategory = (typeof DUTY_CATEGORIES)[number];

/** The registry each category can be established from without documents, when the policy makes it automatic. */
export const REGISTRY_OF_CATEGORY = {
  'registered-disability': 'disability-registry',
  'over-70': 'birth-date',
  abroad: 'border-crossings',
  'natural-disaster': 'disaster-declarations',
  'serious-illness': null,
  'other-documented': null,
  'military-remote-service': 'duty-rosters',
  'law-enforcement-on-duty': 'duty-rosters',
  'continuous-cycle-work': 'duty-rosters',
} as const satisfies Record<ExcuseCategory, string | null>;
export type ExemptionRegistry = Exclude<(typeof REGISTRY_OF_CATEGORY)[ExcuseCategory], null>;
export const EXEMPTION_REGISTRIES = [
  'disability-registry',
  'birth-date',
  'border-crossings',
  'duty-rosters',
  'disaster-declarations',
] as const satisfies readonly ExemptionRegistry[];

export const excuseCategory = () => z.enum(EXCUSE_CATEGORIES);
