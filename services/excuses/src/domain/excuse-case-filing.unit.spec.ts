import type { AbsenceCaseEvent } from './absence-case';
import { STATUTORY_EXEMPTION_CATEGORIES } from './exemption-categories-policy';
import {
  absenceCase,
  CATEGORIES_ADOPTION,
  CASE_ID,
  OTHER_CASE_ID,
  LAST_INSTANT,
  MIDNIGHT_AFTER,
  IN_WINDOW,
  REJECTED_IN_WINDOW,
  AFTER_CLOSE,
  context,
  NO_FACTS,
  MEDICAL_CERTIFICATE,
  fileExcuse,
  decideExcuse,
  OPENED,
  excused,
  filed,
  decided,
  ACCEPTED_BASIS,
} from './absence-case.fixtures';

describe('FileExcuse (within the window, in a category the policy admits, with its documents)', () => {
  it('given an open window, when filed at 23:59:59.999 local of the last working day, then filed', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(LAST_INSTANT), NO_FACTS)
      .then([filed(LAST_INSTANT)]);
  });

  it('given an open window, when filed at 00:00:00.000 local the next day, then refused naming deadline, election, count and filing time', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(MIDNIGHT_AFTER), NO_FACTS)
      .thenRejects({
        code: 'excuse-window-closed',
        message:
          'excuse deadline was 2030-12-06 23:59:59 Asia/Bishkek (the 10th working day after 2030-11-24); ' +
          'filed 2030-12-07 00:00:00',
      });
  });

  it('given a category that needs documents, when filed without any, then documents-required names them', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(IN_WINDOW, 'serious-illness', []), NO_FACTS)
      .thenRejects({
        code: 'documents-required',
        message:
          'a case of serious-illness carries one of these documents: medical-certificate, hospital-discharge',
      });
  });

  it('given a category that needs documents, when filed with a document of another type, then documents-required', () => {
    absenceCase
      .given(OPENED)
      .when(
        fileExcuse(IN_WINDOW, 'serious-illness', [{ ...MEDICAL_CERTIFICATE, type: 'passport' }]),
        NO_FACTS,
      )
      .thenRejects({ code: 'documents-required' });
  });

  it('given a policy that does not list a category, when filed in it, then category-not-admitted', () => {
    const withoutOther = context(
      {},
      {
        exemptionCategories: {
          adoptionId: CATEGORIES_ADOPTION,
          content: {
            ...STATUTORY_EXEMPTION_CATEGORIES,
            categories: STATUTORY_EXEMPTION_CATEGORIES.categories.filter(
              (entry) => entry.category !== 'other-documented',
            ),
          },
        },
      },
    );
    absenceCase.given(OPENED).when(fileExcuse(IN_WINDOW, 'other-documented'), withoutOther).thenRejects({
      code: 'category-not-admitted',
      message: 'other-documented is not a valid reason under the policy in force',
    });
  });

  it('given a statement-only category (documentTypes []), when filed without documents, then filed', () => {
    absenceCase
      .given(OPENED)
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', []), NO_FACTS)
      .then([filed(IN_WINDOW, 'natural-disaster', [])]);
  });

  it('given a filed case, when the same case id is filed again, then nothing', () => {
    absenceCase.given(OPENED, filed(IN_WINDOW)).when(fileExcuse(AFTER_CLOSE), NO_FACTS).then([]);
  });

  it('given a filed case, when its case id is reused for another category, then case-id-reused', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', []), NO_FACTS)
      .thenRejects({
        code: 'case-id-reused',
        message: `case ${CASE_ID} was filed already, for serious-illness`,
      });
  });

  it('given a second case with its own id, when filed in time, then filed beside the first', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', [], OTHER_CASE_ID), NO_FACTS)
      .then([
        {
          type: 'ExcuseFiled',
          payload: { ...filed(IN_WINDOW, 'natural-disaster', []).payload, caseId: OTHER_CASE_ID },
        } as AbsenceCaseEvent,
      ]);
  });

  it('given an absence excused by an accepted case, when another case is filed, then already-excused', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW), decided('accepted', IN_WINDOW), excused(ACCEPTED_BASIS, '2030-11-26'))
      .when(fileExcuse(IN_WINDOW, 'natural-disaster', [], OTHER_CASE_ID), NO_FACTS)
      .thenRejects({ code: 'already-excused', message: 'the absence is excused already' });
  });

  it('given an absence excused by a registry at once, when a case is filed, then already-excused', () => {
    absenceCase
      .given(
        excused(
          { kind: 'exemption', category: 'abroad', registry: 'border-crossings', reference: 'crossing-5531' },
          '2030-11-24',
        ),
      )
      .when(fileExcuse(IN_WINDOW), NO_FACTS)
      .thenRejects({ code: 'already-excused', message: 'the absence is excused already' });
  });

  it('given no absence recorded, when a case is filed, then unknown-absence', () => {
    absenceCase.given().when(fileExcuse(IN_WINDOW), NO_FACTS).thenRejects({ code: 'unknown-absence' });
  });
});

describe('DecideExcuse (the precinct commission decides a filed case once)', () => {
  it('given a filed case, when accepted within the window, then ExcuseDecided and AbsenceExcused', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(decideExcuse('accepted', REJECTED_IN_WINDOW), NO_FACTS)
      .then([decided('accepted', REJECTED_IN_WINDOW), excused(ACCEPTED_BASIS, '2030-11-28')]);
  });

  it('given a filed case, when rejected within the window, then ExcuseDecided only: the window still runs', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW))
      .when(decideExcuse('rejected', REJECTED_IN_WINDOW), NO_FACTS)
      .then([decided('rejected', REJECTED_IN_WINDOW)]);
  });

  it('given a decided case, when decided again, then not-pending', () => {
    absenceCase
      .given(OPENED, filed(IN_WINDOW), decided('accepted', REJECTED_IN_WINDOW))
      .when(decideExcuse('rejected', AFTER_CLOSE), NO_FACTS)
      .thenRejects({ code: 'not-pending', message: `case ${CASE_ID} is accepted already` });
  });

  it('given no such case, when decided, then unknown-case', () => {
    absenceCase
      .given(OPENED)
      .when(decideExcuse('accepted', IN_WINDOW), NO_FACTS)
      .thenRejects({ code: 'unknown-case' });
  });
});
