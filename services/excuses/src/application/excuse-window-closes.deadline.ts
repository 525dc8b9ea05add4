import { deadlineKind } from '@vl/deadlines';
import { z } from 'zod';

/** When an absence's excuse window has passed its last second: scheduled with ExcuseWindowOpened, keyed by absence. */
export const excuseWindowCloses = deadlineKind('excuses.window-closes', z.object({ absenceId: z.uuid() }));
