import { execFile } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cacheDir, KAFKA_DIR } from './locations';

const run = promisify(execFile);
export const KAFKA_POM = join(KAFKA_DIR, 'pom.xml');

export function kafkaVersion(): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(KAFKA_POM, 'utf8'));
  if (!match?.[1]) throw new Error(`${KAFKA_POM}: no <kafka.version> property`);
  return match[1];
}

/** Resolves Kafka's official jars from Maven Central into the cache once; later calls are free. */
export async function ensureKafkaJars(log: (line: string) => void = () => undefined): Promise<string> {
  const version = kafkaVersion();
  const libs = join(cacheDir(), `kafka-${version}`, 'libs');
  const complete = join(libs, '.complete');
  if (existsSync(complete)) return libs;
  log(`resolving Apache Kafka ${version} from Maven Central into ${libs}`);
  const partial = `${libs}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    await run(
      'mvn',
      ['-q', '-B', '-f', KAFKA_POM, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(
      `mvn could not resolve Kafka ${version}: ${(output.stdout ?? '') + (output.stderr ?? '')}`.trim(),
    );
  }
  rmSync(libs, { recursive: true, force: true });
  renameSync(partial, libs);
  await run('touch', [complete]);
  return libs;
}
