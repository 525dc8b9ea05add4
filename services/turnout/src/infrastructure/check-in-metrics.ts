import { Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@vl/observability';
import { Counter, Histogram } from 'prom-client';

/** Counts of check-in answers and batch sizes; labels are outcomes and rule codes, never a voter or a precinct. */
@Injectable()
export class CheckInMetrics {
  private readonly answers: Counter<'outcome' | 'code'>;
  private readonly batches: Histogram;

  constructor(metrics: ServiceMetrics) {
    this.answers = new Counter({
      name: 'turnout_check_in_answers_total',
      help: 'Check-in attempts answered (retries included), by outcome (accepted, duplicate, rejected) and rejection code',
      labelNames: ['outcome', 'code'],
      registers: [metrics.registry],
    });
    this.batches = new Histogram({
      name: 'turnout_check_in_batch_size',
      help: 'Check-ins decided and appended together in one batch',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2000],
      registers: [metrics.registry],
    });
  }

  batch(size: number): void {
    this.batches.observe(size);
  }

  answered(outcome: 'accepted' | 'duplicate' | 'rejected', code = ''): void {
    this.answers.inc({ outcome, code });
  }
}
