import type { ExemptionCategoriesContent } from '@vl/contracts';

/**
 * The draft's five valid reasons as the statutory seed. Automatic where a registry knows the fact; serious illness
 * and other reasons need a document. "Over 70" is read strictly: on the 70th birthday a voter is 70, not over 70.
 * Abroad and on duty count when they cover the whole polling hours (a voter back at noon could still vote); a
 * disaster declared for the precinct counts when it touches any part of them (the station itself was affected).
 */
export const STATUTORY_EXEMPTION_CATEGORIES: ExemptionCategoriesContent = {
  categories: [
    { category: 'registered-disability', automatic: true, documentTypes: ['disability-certificate'] },
    { category: 'over-70', automatic: true, documentTypes: ['passport'] },
    { category: 'abroad', automatic: true, documentTypes: ['passport-stamp', 'travel-ticket'] },
    { category: 'natural-disaster', automatic: true, documentTypes: [] },
    { category: 'military-remote-service', automatic: true, documentTypes: ['duty-order'] },
    { category: 'law-enforcement-on-duty', automatic: true, documentTypes: ['duty-order'] },
    { category: 'continuous-cycle-work', automatic: true, documentTypes: ['employer-shift-certificate'] },
    {
      category: 'serious-illness',
      automatic: false,
      documentTypes: ['medical-certificate', 'hospital-discharge'],
    },
    { category: 'other-documented', automatic: false, documentTypes: ['supporting-document'] },
  ],
  overAge: { years: 70, birthdayOnElectionDay: 'not-over', leapDayBirthday: 'march-1' },
  abroad: 'whole-polling-hours',
  onDuty: 'whole-polling-hours',
  naturalDisaster: 'any-part',
};
