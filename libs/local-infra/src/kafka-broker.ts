import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ensureKafkaJars } from './kafka-artifacts';
import { KAFKA_DIR } from './locations';

export interface BrokerOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly heapMb?: number;
  readonly log?: (line: string) => void;
}

export interface RunningBroker {
  readonly brokers: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 90_000;

function serverProperties({ dataDir, port, controllerPort }: BrokerOptions): string {
  // a single-node KRaft broker: broker and controller in one process, replication factor 1
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(dataDir, 'kraft')}`,
    'num.partitions=6',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=6',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    '',
  ].join('\n');
}

/** Formats storage when new, starts the broker, and returns once its admin API answers. */
export async function startKafkaBroker(options: BrokerOptions): Promise<RunningBroker> {
  const log = options.log ?? (() => undefined);
  const libs = await ensureKafkaJars(log);
  mkdirSync(options.dataDir, { recursive: true });
  const propertiesFile = join(options.dataDir, 'server.properties');
  writeFileSync(propertiesFile, serverProperties(options));
  const classpath = `${libs}/*`;
  const log4j = `-Dlog4j2.configurationFile=${join(KAFKA_DIR, 'log4j2.yaml')}`;
  if (!existsSync(join(options.dataDir, 'kraft', 'meta.properties'))) {
    const clusterId = execFileSync('java', [
      '-cp',
      classpath,
      log4j,
      'kafka.tools.StorageTool',
      'random-uuid',
    ])
      .toString()
      .trim();
    execFileSync(
      'java',
      ['-cp', classpath, log4j, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propertiesFile],
      {
        stdio: 'ignore',
      },
    );
  }
  const logFile = join(options.dataDir, 'broker.log');
  const output = createWriteStream(logFile, { flags: 'a' });
  const heap = `${options.heapMb ?? 512}m`;
  const java = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      log4j,
      '-cp',
      classpath,
      'kafka.Kafka',
      propertiesFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  java.stdout.pipe(output);
  java.stderr.pipe(output);
  const brokers = `127.0.0.1:${options.port}`;
  await waitUntilReady(java, brokers, logFile);
  return { brokers, logFile, stop: () => stopProcess(java) };
}

async function waitUntilReady(java: ChildProcess, brokers: string, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exited: string | undefined;
  java.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
  const kafka = new Kafka({
    clientId: 'launcher',
    brokers: [brokers],
    connectionTimeout: 1000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`Kafka broker ${exited}; last lines of ${logFile}:\n${tail(logFile)}`);
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.controller !== null && cluster.brokers.length > 0) return;
    } catch {
      // not listening yet: poll again shortly
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopProcess(java);
  throw new Error(`Kafka broker did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
}

function tail(file: string): string {
  return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
}

/** SIGTERM for a clean shutdown, SIGKILL if it does not end in time. */
export async function stopProcess(child: ChildProcess, graceMs = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await ended;
  clearTimeout(timer);
}
