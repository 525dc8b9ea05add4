import { z } from 'zod';

/** Who performed a command: the bearer token's subject and the role it acted in (recorded in its events). */
export const actorSchema = z.strictObject({
  subject: z.string().min(1).max(200),
  role: z.string().min(1).max(100),
});

export type Actor = z.output<typeof actorSchema>;
