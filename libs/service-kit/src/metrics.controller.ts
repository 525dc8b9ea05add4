import { Controller, Get, Header } from '@nestjs/common';
import { PublicEndpoint } from '@vl/auth';
import { ServiceMetrics } from '@vl/observability';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @PublicEndpoint('Prometheus scrape; aggregate counters only, never per-person data')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
