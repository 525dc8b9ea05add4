import { deadlineKind } from '@vl/deadlines';
import { z } from 'zod';

/**
 * An election's excuse window has passed its last second: its open absences are closed a page at a time, each
 * page naming the last absence it reached (`after`), so a restart continues where the close stood.
 */
export const excuseWindowCloses = deadlineKind(
  'excuses.window-closes',
  z.object({ electionId: z.uuid(), after: z.uuid().nullable() }),
);
