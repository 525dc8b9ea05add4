import { topicName, type AnyEventDefinition, type EnvelopeOf, type EventEnvelope } from '@vl/contracts';
import type { EntityManager } from 'typeorm';

/** Applies one event's effects inside the consumer's transaction; throwing means "not applied". */
export type EventHandler<TEvent extends EventEnvelope = EventEnvelope> = (
  event: TEvent,
  tx: EntityManager,
) => Promise<void>;

/** Applies a run of consecutive events of one type at once (one multi-row statement instead of one per event). */
export type BatchEventHandler<TEvent extends EventEnvelope = EventEnvelope> = (
  events: readonly TEvent[],
  tx: EntityManager,
) => Promise<void>;

/**
 * A consumer's reactions, registered per event contract: each handler receives its contract's typed, current-
 * version payload (the consumer parsed and upcast it), and the topics to read follow from the contracts.
 */
export class EventHandlers {
  private readonly single = new Map<string, EventHandler>();
  private readonly batch = new Map<string, BatchEventHandler>();
  private readonly topicSet = new Set<string>();

  /** Applies each event of `contract` by itself. */
  on<TContract extends AnyEventDefinition>(
    contract: TContract,
    handler: EventHandler<EnvelopeOf<TContract>>,
  ): this {
    this.register(contract, this.single);
    this.single.set(contract.type, (event, tx) => (isOf(contract, event) ? handler(event, tx) : skip()));
    return this;
  }

  /** Applies consecutive events of `contract` in runs on the fast path; the slow path needs `on` as well. */
  onBatch<TContract extends AnyEventDefinition>(
    contract: TContract,
    handler: BatchEventHandler<EnvelopeOf<TContract>>,
  ): this {
    this.register(contract, this.batch);
    this.batch.set(contract.type, (events, tx) => handler(events.filter(isOfContract(contract)), tx));
    return this;
  }

  /** Takes over every registration of `other` (one consumer group reading several services' topics). */
  include(other: EventHandlers): this {
    for (const [type, handler] of other.single) this.set(this.single, type, handler);
    for (const [type, handler] of other.batch) this.set(this.batch, type, handler);
    for (const topic of other.topicSet) this.topicSet.add(topic);
    return this;
  }

  /** The topics the registered contracts travel on, sorted. */
  get topics(): readonly string[] {
    return [...this.topicSet].sort();
  }

  handlerOf(type: string): EventHandler | undefined {
    return this.single.get(type);
  }

  batchHandlerOf(type: string): BatchEventHandler | undefined {
    return this.batch.get(type);
  }

  private register(contract: AnyEventDefinition, handlers: ReadonlyMap<string, unknown>): void {
    if (contract.owner === 'any') {
      // an 'any' event travels on every service's operations topic: a consumer names the service's topic itself
      throw new Error(`${contract.type} is published by every service; consume it from one service's topic`);
    }
    if (handlers.has(contract.type)) throw new Error(`${contract.type} has a handler already`);
    this.topicSet.add(topicName(contract.owner, contract.stream, contract.topicMajor));
  }

  private set<THandler>(handlers: Map<string, THandler>, type: string, handler: THandler): void {
    if (handlers.has(type)) throw new Error(`${type} has a handler already`);
    handlers.set(type, handler);
  }
}

// the consumer parsed the event through the catalog, so its type names the contract its payload passed
function isOf<TContract extends AnyEventDefinition>(
  contract: TContract,
  event: EventEnvelope,
): event is EnvelopeOf<TContract> {
  return event.type === contract.type;
}

const isOfContract =
  <TContract extends AnyEventDefinition>(contract: TContract) =>
  (event: EventEnvelope): event is EnvelopeOf<TContract> =>
    isOf(contract, event);

const skip = () => Promise.resolve();
