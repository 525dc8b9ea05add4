/** Another writer appended to the stream first: reload, decide again, retry. */
export class StreamVersionConflict extends Error {
  override readonly name = 'StreamVersionConflict';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** the version found, when known: at least this one is taken */
    readonly actual: number | undefined,
  ) {
    super(
      actual === undefined
        ? `stream ${streamId} was appended to concurrently, the append expected ${String(expected)}`
        : `stream ${streamId} is at version ${actual}, the append expected ${String(expected)}`,
    );
  }
}

/** A payload broke its contract at produce time; the message names the field and the rule. */
export class EventContractViolation extends Error {
  override readonly name = 'EventContractViolation';
}

/** 'no-stream': the stream must not exist; a number: the stream must be exactly at that version. */
export type ExpectedVersion = number | 'no-stream' | 'any';

/** Some but not all of an append's event ids are stored: the ids were reused for different events. */
export class EventIdReused extends Error {
  override readonly name = 'EventIdReused';
  constructor(readonly streamId: string) {
    super(`append to ${streamId} reuses event ids that are already stored for other events`);
  }
}
