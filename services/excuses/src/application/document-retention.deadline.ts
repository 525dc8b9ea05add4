import { deadlineKind } from '@vl/deadlines';
import { z } from 'zod';

/** When a finally decided case's document files are to be deleted: one per decision that may have made it final. */
export const excuseDocumentsExpire = deadlineKind(
  'excuses.documents-expire',
  z.object({ absenceId: z.uuid(), caseId: z.uuid() }),
);
