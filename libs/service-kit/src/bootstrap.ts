import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, type Environment } from '@vl/config';
import { Logger } from 'nestjs-pino';
import { checkDrillClock } from './clock/service-clock';
import { checkDatabase, checkKafka, DependencyUnavailable } from './dependency-checks';
import { loadServiceConfig, type ServiceConfig } from './service-config';
import type { ServiceDescriptor } from './service-descriptor';
import { parseRequestBodies } from './request-bodies/json-bodies';

export type AppModuleFactory = (config: ServiceConfig) => Type<unknown> | DynamicModule;

/** Builds a service's Nest application after its configuration and dependencies have been checked. */
export async function createServiceApp(
  descriptor: ServiceDescriptor,
  appModule: AppModuleFactory,
  env?: Environment,
): Promise<{ app: INestApplication; config: ServiceConfig }> {
  const config = loadServiceConfig(descriptor, env);
  await Promise.all([
    checkDatabase(config.DATABASE_URL),
    checkKafka(config.KAFKA_BROKERS),
    checkDrillClock(config),
  ]);
  const app = await NestFactory.create(appModule(config), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  parseRequestBodies(app);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return { app, config };
}

/** The entry point of every service: a start-up problem is one line on stderr and exit code 1. */
export async function runService(descriptor: ServiceDescriptor, appModule: AppModuleFactory): Promise<void> {
  try {
    const { app, config } = await createServiceApp(descriptor, appModule);
    await app.listen(config.PORT, config.HOST);
    app.get(Logger).log(`${descriptor.name} listening on http://${config.HOST}:${config.PORT}`);
  } catch (error) {
    const expected = error instanceof ConfigurationError || error instanceof DependencyUnavailable;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `${descriptor.name}: cannot start: ${expected ? message : (error as Error).stack}\n`,
    );
    process.exit(1);
  }
}
