import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '@vl/clock';
import { ServiceMetrics } from '@vl/observability';
import { Gauge } from 'prom-client';
import { SERVICE_CLOCK, type ServiceClock } from './service-clock';

/** A drill must never pass for the real day: a warning at start-up, and the clock on GET /metrics. */
@Injectable()
export class ClockAnnouncement implements OnModuleInit, OnApplicationShutdown {
  constructor(
    metrics: ServiceMetrics,
    @Inject(CLOCK) clock: Clock,
    @Inject(SERVICE_CLOCK) private readonly serviceClock: ServiceClock,
  ) {
    const info = new Gauge({
      name: 'ledger_clock_info',
      help: 'The clock this service decides on: 1 for its kind (system; drill, shared by every service of a drill; given by a test)',
      labelNames: ['kind'],
      registers: [metrics.registry],
    });
    for (const kind of ['system', 'drill', 'given'] as const)
      info.set({ kind }, kind === serviceClock.kind ? 1 : 0);
    new Gauge({
      name: 'ledger_clock_seconds',
      help: "The service's clock in Unix seconds: the drill clock during a drill",
      registers: [metrics.registry],
      collect() {
        this.set(clock.now().getTime() / 1000);
      },
    });
  }

  onModuleInit(): void {
    const drill = this.serviceClock.opened?.drill;
    if (!drill) return;
    const epoch = drill.clock.epoch;
    new Logger('DrillClock').warn(
      `DRILL CLOCK: this service reads the drill clock shared in schema ${drill.store.schema} ` +
        `(now ${drill.clock.now().toISOString()}, ${epoch.speed}× real time); its decisions are a rehearsal`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.serviceClock.opened?.close();
  }
}
