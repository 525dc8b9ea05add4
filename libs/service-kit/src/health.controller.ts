import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { PublicEndpoint } from '@vl/auth';
import { ServiceMetrics } from '@vl/observability';
import type { Admin, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { KAFKA } from './kafka-client';

type CheckResult = 'up' | `down: ${string}`;
const CHECK_TIMEOUT_MS = 2000;

@Controller('health')
export class HealthController {
  private admin: Admin | undefined;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly metrics: ServiceMetrics,
  ) {}

  /** Readiness: the service can reach its database and the broker. */
  @Get()
  @PublicEndpoint('readiness probe for orchestrators; carries no personal data')
  async readiness() {
    const [database, kafka] = await Promise.all([
      this.check(() => this.dataSource.query('select 1')),
      this.check(() => this.kafkaAdmin().then((admin) => admin.describeCluster())),
    ]);
    const body = {
      status: database === 'up' && kafka === 'up' ? 'ok' : 'unavailable',
      checks: { database, kafka },
    };
    if (body.status !== 'ok') {
      this.metrics.startupFailures.inc();
      throw new ServiceUnavailableException(body);
    }
    return body;
  }

  /** Liveness: the process answers; restarts are not a cure for a missing dependency. */
  @Get('live')
  @HttpCode(200)
  @PublicEndpoint('liveness probe for orchestrators; carries no personal data')
  liveness() {
    return { status: 'ok' };
  }

  private async kafkaAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    return this.admin;
  }

  private async check(probe: () => Promise<unknown>): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
            CHECK_TIMEOUT_MS,
          );
        }),
      ]);
      return 'up';
    } catch (error) {
      return `down: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect();
  }
}
