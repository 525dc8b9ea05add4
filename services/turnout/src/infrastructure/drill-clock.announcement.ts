import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ServiceMetrics } from '@vl/observability';
import { Gauge } from 'prom-client';
import { CLOCK, type Clock } from '../application/clock';
import { POLLING_DAY_DRILL, type PollingDayDrill } from '../application/drill-clock';

/** A drill must never pass for the real day: a warning at start-up, and the clock on GET /metrics. */
@Injectable()
export class DrillClockAnnouncement implements OnModuleInit {
  constructor(
    metrics: ServiceMetrics,
    @Inject(CLOCK) clock: Clock,
    @Inject(POLLING_DAY_DRILL) private readonly drill: PollingDayDrill | null,
  ) {
    const info = new Gauge({
      name: 'turnout_polling_day_drill_info',
      help: '1 while the service runs a polling-day drill clock (labels: the instant it started at, its speed), else 0',
      labelNames: ['starts_at', 'speed'],
      registers: [metrics.registry],
    });
    info.set({ starts_at: drill?.startsAt ?? '', speed: String(drill?.speed ?? 1) }, drill ? 1 : 0);
    new Gauge({
      name: 'turnout_clock_seconds',
      help: "The service's clock (receive times, polls), in Unix seconds: the drill clock during a drill",
      registers: [metrics.registry],
      collect() {
        this.set(clock.now().getTime() / 1000);
      },
    });
  }

  onModuleInit(): void {
    if (!this.drill) return;
    new Logger('PollingDayDrill').warn(
      `POLLING-DAY DRILL: the clock started at ${this.drill.startsAt} and runs ${this.drill.speed}× real time; ` +
        'check-ins, polls and figures of this process are a rehearsal',
    );
  }
}
