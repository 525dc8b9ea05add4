import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type Provider,
  type Type,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@vl/clock';
import { ServiceMetrics } from '@vl/observability';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { DeadlineHandlers } from './deadline-handlers';
import { DeadlineMetrics } from './deadline-metrics';
import { DeadlineRunner, type DeadlineRunnerOptions } from './deadline-runner';
import { Deadlines } from './deadlines';

/** A service's reactions to its deadlines: one handler per kind (`new DeadlineHandlers().on(kind, ...)`). */
export interface DeadlineReactions {
  deadlineHandlers(): DeadlineHandlers;
}

export const DEADLINE_REACTIONS = Symbol('DEADLINE_REACTIONS');

export interface DeadlinesOptions {
  readonly reactions: Type<DeadlineReactions>;
  /** what the reactions depend on (the event store comes from the ledger module) */
  readonly providers?: readonly Provider[];
  readonly runner?: DeadlineRunnerOptions;
}

class DeadlineRunnerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(DeadlineRunner) private readonly runner: DeadlineRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }
}

/**
 * Deadlines for a service: `Deadlines` to schedule them in a transaction, and a runner on the service's clock that
 * fires each once. The service adds DEADLINE_MIGRATIONS to its migrations.
 */
@Module({})
export class DeadlinesModule {
  static forService(options: DeadlinesOptions): DynamicModule {
    return {
      module: DeadlinesModule,
      providers: [
        ...(options.providers ?? []),
        { provide: DEADLINE_REACTIONS, useClass: options.reactions },
        Deadlines,
        {
          provide: DeadlineRunner,
          inject: [DataSource, CLOCK, DEADLINE_REACTIONS, ServiceMetrics, PinoLogger],
          useFactory: (
            dataSource: DataSource,
            clock: Clock,
            reactions: DeadlineReactions,
            metrics: ServiceMetrics,
            logger: PinoLogger,
          ) =>
            new DeadlineRunner(
              dataSource,
              clock,
              reactions.deadlineHandlers(),
              options.runner,
              logger.logger,
              new DeadlineMetrics(metrics.registry, dataSource, clock),
            ),
        },
        DeadlineRunnerLifecycle,
      ],
      exports: [Deadlines, DeadlineRunner],
    };
  }
}
