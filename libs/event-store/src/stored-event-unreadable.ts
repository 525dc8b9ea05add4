/** An event in the store no longer reads through its contract: the log is not what the code expects. */
export class StoredEventUnreadable extends Error {
  override readonly name = 'StoredEventUnreadable';
  constructor(
    readonly event: {
      readonly eventId: string;
      readonly type: string;
      readonly schemaVersion: number;
      readonly streamId: string;
    },
    readonly violation: string,
  ) {
    super(
      `stored event ${event.eventId} (${event.type} v${event.schemaVersion}, stream ${event.streamId}) breaks its contract: ${violation}`,
    );
  }
}
