import { z } from 'zod';
import { checkpointProblem, type Checkpoint } from './checkpoint';
import { err, ok, type Result } from './result';

/** The JSON form of a checkpoint: the same five fields, all strings except treeSize. */
export type CheckpointJson = Checkpoint;

const checkpointShape = z.object({
  origin: z.string(),
  treeSize: z.number(),
  rootHash: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

/** A plain copy with exactly the signed fields and the signature, ready for JSON.stringify. */
export function checkpointToJson(checkpoint: Checkpoint): CheckpointJson {
  const { origin, treeSize, rootHash, keyId, signature } = checkpoint;
  return { origin, treeSize, rootHash, keyId, signature };
}

/**
 * Parses a checkpoint from JSON data (e.g. a `<service>.checkpoints.v1` message). Fields outside the five
 * (such as publishedAt) are dropped: the signature does not cover them. Does not verify the signature.
 */
export function parseCheckpointJson(value: unknown): Result<Checkpoint> {
  const parsed = checkpointShape.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(`checkpoint ${issue?.path.join('.') || '(value)'}: ${issue?.message ?? 'invalid'}`);
  }
  const problem = checkpointProblem(parsed.data);
  return problem === undefined ? ok(parsed.data) : err(`checkpoint: ${problem}`);
}
