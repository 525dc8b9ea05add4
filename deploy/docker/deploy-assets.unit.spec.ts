import { envBrokerList, envPort, envPostgresUrl } from '@vl/config';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { loadServiceConfig } from '@vl/service-kit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// Offline checks of the container assets: no Docker engine is needed (none runs on these machines).
const ROOT = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

const SERVICES = [
  { name: 'voter-roll', port: 3001 },
  { name: 'turnout', port: 3002 },
  { name: 'excuses', port: 3003 },
  { name: 'sanctions', port: 3004 },
  { name: 'lottery', port: 3005 },
  { name: 'incentives', port: 3006 },
] as const;
const schemaOf = (service: string) => service.replace(/-/g, '_');
const passwordVariableOf = (service: string) => `VL_${schemaOf(service).toUpperCase()}_DB_PASSWORD`;
const SAMPLE_JWKS = JSON.stringify({
  keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'test', x: 'hNQxH-uHiFUXJ7xFcubNyRA1_LFuw_Usn8-EtzkJWxY' }],
});

interface Instruction {
  readonly keyword: string;
  readonly args: string;
}

/** Dockerfile instructions grouped by stage (a stage starts at FROM); continuations joined, comments dropped. */
function dockerfileStages(text: string): Instruction[][] {
  const instructions = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
  const stages: Instruction[][] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

const argsOf = (stage: readonly Instruction[], keyword: string) =>
  stage.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

/** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} interpolation, enough for this file. */
function interpolate(value: string, env: Readonly<Record<string, string>>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}/g,
    (_match, name: string, operator?: string, argument?: string) => {
      const given = env[name];
      const unset = given === undefined || (operator?.startsWith(':') === true && given === '');
      if (operator?.endsWith('?') && unset) throw new Error(`${name}: ${argument}`);
      if (operator?.endsWith('-') && unset) return argument ?? '';
      return given ?? '';
    },
  );
}

interface ComposeService {
  readonly image?: string;
  readonly build?: { readonly context: string; readonly dockerfile: string };
  readonly environment?: Record<string, string | number>;
  readonly depends_on?: Record<string, { readonly condition: string }>;
  readonly healthcheck?: { readonly test: string | string[] };
  readonly ports?: string[];
  readonly volumes?: string[];
}
const compose = parse(read('deploy/docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const composeService = (name: string): ComposeService => {
  const service = compose.services[name];
  if (!service) throw new Error(`deploy/docker-compose.yml has no service ${name}`);
  return service;
};
const SAMPLE_LEDGER_KEYS = Object.fromEntries(
  ['VOTER_ROLL', 'TURNOUT', 'EXCUSES', 'SANCTIONS', 'LOTTERY', 'INCENTIVES'].map((schema) => [
    `VL_${schema}_LEDGER_KEY`,
    generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  ]),
);
const environmentOf = (
  name: string,
  env: Record<string, string> = { AUTH_JWKS: SAMPLE_JWKS, ...SAMPLE_LEDGER_KEYS },
) =>
  Object.fromEntries(
    Object.entries(composeService(name).environment ?? {}).map(([key, value]) => [
      key,
      interpolate(String(value), env),
    ]),
  );

describe('service Dockerfiles', () => {
  const nodeVersion = read('.nvmrc').trim();

  it.each(SERVICES)(
    '$name.Dockerfile: multi-stage on node:<.nvmrc version>-bookworm-slim, npm ci with the npm ./vl pins, then the build script',
    ({ name }) => {
      const stages = dockerfileStages(read(`deploy/docker/${name}.Dockerfile`));
      expect(stages.length).toBeGreaterThanOrEqual(2);
      for (const stage of stages)
        expect(argsOf(stage, 'FROM')[0]).toMatch(
          new RegExp(`^node:${nodeVersion.replace(/\./g, '\\.')}-bookworm-slim( AS \\w+)?$`, 'i'),
        );
      // every stage installs with the npm that ./vl pins, the one that writes package-lock.json
      const pinnedNpm = /^NPM_VERSION="([^"]+)"$/m.exec(read('vl'))?.[1];
      for (const stage of stages) {
        expect(argsOf(stage, 'ARG')).toContain(`NPM_VERSION=${pinnedNpm}`);
        const installsNpm = stage.findIndex(
          (i) =>
            i.keyword === 'RUN' &&
            i.args.includes('npm install --global --no-audit --no-fund npm@${NPM_VERSION}'),
        );
        const runsNpmCi = stage.findIndex((i) => i.keyword === 'RUN' && /\bnpm ci\b/.test(i.args));
        expect(installsNpm).toBeGreaterThanOrEqual(0);
        expect(runsNpmCi).toBeGreaterThan(installsNpm);
      }
      const build = stages[0] ?? [];
      expect(argsOf(build, 'RUN').some((run) => /\bnpm ci\b/.test(run) && !/--omit=dev/.test(run))).toBe(
        true,
      );
      expect(argsOf(build, 'RUN')).toContain(`bash deploy/docker/build-service.sh ${name} dist`);
    },
  );

  it.each(SERVICES)(
    '$name.Dockerfile: the final stage has production deps, dist/, USER node, HOST, EXPOSE, HEALTHCHECK and CMD',
    ({ name, port }) => {
      const stages = dockerfileStages(read(`deploy/docker/${name}.Dockerfile`));
      const [buildStageName] = (argsOf(stages[0] ?? [], 'FROM')[0] ?? '').split(/ AS /i).slice(1);
      const final = stages.at(-1) ?? [];
      expect(argsOf(final, 'RUN').some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
      expect(argsOf(final, 'COPY')).toContain(`--from=${buildStageName} /app/dist dist`);
      const users = argsOf(final, 'USER');
      expect(users.at(-1)).toBe('node');
      expect(final.findIndex((instruction) => instruction.keyword === 'USER')).toBeLessThan(
        final.findIndex((i) => i.keyword === 'CMD'),
      );
      expect(argsOf(final, 'ENV').join(' ')).toMatch(/\bHOST=0\.0\.0\.0\b/);
      expect(argsOf(final, 'ENV').join(' ')).toMatch(new RegExp(`\\bPORT=${port}\\b`));
      expect(argsOf(final, 'EXPOSE')).toEqual([String(port)]);
      const [healthcheck] = argsOf(final, 'HEALTHCHECK');
      expect(healthcheck).toMatch(/CMD \["node", "-e", ".*fetch\(.*\/health\/live/);
      expect(final.at(-1)?.keyword).toBe('CMD');
      expect(JSON.parse(final.at(-1)?.args ?? 'null')).toEqual(['node', `dist/services/${name}/src/main.js`]);
    },
  );

  it('the six Dockerfiles differ only in the service name and port', () => {
    const normalised = SERVICES.map(({ name, port }) =>
      read(`deploy/docker/${name}.Dockerfile`)
        .replaceAll(name, '<service>')
        .replaceAll(String(port), '<port>'),
    );
    for (const text of normalised) expect(text).toBe(normalised[0]);
  });

  it('everything the Dockerfiles copy from the context exists and is not excluded by .dockerignore', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.git', 'tmp', 'coverage']));
    for (const { name } of SERVICES) {
      const copies = dockerfileStages(read(`deploy/docker/${name}.Dockerfile`)).flatMap((stage) =>
        argsOf(stage, 'COPY'),
      );
      const sources = copies
        .filter((args) => !args.startsWith('--from='))
        .flatMap((args) => args.split(' ').slice(0, -1));
      for (const source of sources) {
        expect([source, existsSync(join(ROOT, source))]).toEqual([source, true]);
        expect(ignored).not.toContain(source.split('/')[0]);
      }
    }
  });

  it('no production dependency needs an install script, so the runtime stage may use --ignore-scripts', () => {
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { dev?: boolean; hasInstallScript?: boolean }>;
    };
    const scripted = Object.entries(lock.packages).filter(
      ([, entry]) => entry.hasInstallScript && !entry.dev,
    );
    expect(scripted.map(([path]) => path)).toEqual([]);
  });
});

describe('.swcrc.build.json (the production swc configuration)', () => {
  const swcrc = JSON.parse(read('.swcrc.build.json'));

  it('compiles like .swcrc: legacy decorators with metadata, CommonJS, ES2023', () => {
    expect(swcrc.jsc.parser).toEqual({ syntax: 'typescript', decorators: true });
    expect(swcrc.jsc.transform).toEqual({ legacyDecorator: true, decoratorMetadata: true });
    expect(swcrc.jsc.target).toBe('es2023');
    expect(swcrc.module.type).toBe('commonjs');
  });

  it('rewrites exactly the @vl/* aliases of tsconfig.base.json', () => {
    const { compilerOptions } = JSON.parse(read('tsconfig.base.json'));
    expect(swcrc.jsc.baseUrl).toBe('.');
    expect(swcrc.jsc.paths).toEqual(compilerOptions.paths);
  });
});

describe('deploy/docker-compose.yml (YAML checks)', () => {
  it('runs KRaft single-node Kafka from the official image, the same version as the local launcher', () => {
    const kafka = composeService('kafka');
    const localVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(
      read('libs/local-infra/kafka/pom.xml'),
    )?.[1];
    expect(kafka.image).toBe(`apache/kafka:${localVersion}`);
    expect(kafka.image).toMatch(/^apache\/kafka:4\.\d+\.\d+$/);
    const env = environmentOf('kafka');
    expect(env['KAFKA_PROCESS_ROLES']?.split(',').sort()).toEqual(['broker', 'controller']);
    expect(env['KAFKA_CONTROLLER_QUORUM_VOTERS']).toBe(`${env['KAFKA_NODE_ID']}@kafka:9093`);
    expect(env['KAFKA_LISTENERS']).toContain('CONTROLLER://:9093');
    expect(env['KAFKA_CONTROLLER_LISTENER_NAMES']).toBe('CONTROLLER');
    expect(env['KAFKA_ADVERTISED_LISTENERS']?.split(',')).toContain(
      `${env['KAFKA_INTER_BROKER_LISTENER_NAME']}://kafka:9092`,
    );
    const replication = Object.entries(env).filter(([key]) => /REPLICATION_FACTOR$|MIN_ISR$/.test(key));
    expect(replication.map(([key]) => key)).toEqual(
      expect.arrayContaining([
        'KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR',
        'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR',
      ]),
    );
    for (const [, value] of replication) expect(value).toBe('1');
    // a KRaft cluster id is a UUID in URL-safe base64 (kafka-storage format rejects anything else)
    expect(Buffer.from(env['CLUSTER_ID'] ?? '', 'base64url').toString('base64url')).toBe(env['CLUSTER_ID']);
    expect(Buffer.from(env['CLUSTER_ID'] ?? '', 'base64url')).toHaveLength(16);
    expect(kafka.healthcheck?.test).toBeDefined();
  });

  it('runs postgres:17 with the init SQL that makes one role and one schema per service', () => {
    const postgres = composeService('postgres');
    expect(postgres.image).toBe('postgres:17');
    expect(postgres.healthcheck?.test).toBeDefined();
    const mount = postgres.volumes?.find((volume) => volume.includes('/docker-entrypoint-initdb.d/'));
    expect(mount?.split(':')[0]).toBe('./docker/postgres-init.sql');
    const sql = read('deploy/docker/postgres-init.sql');
    expect(sql).toMatch(/^CREATE DATABASE voting_ledger;$/m);
    const env = environmentOf('postgres');
    for (const { name } of SERVICES) {
      const schema = schemaOf(name);
      expect(sql).toContain(`\\getenv ${schema}_password ${passwordVariableOf(name)}\n`);
      expect(sql).toContain(`CREATE ROLE vl_${schema} LOGIN PASSWORD :'${schema}_password';`);
      expect(sql).toContain(`CREATE SCHEMA ${schema} AUTHORIZATION vl_${schema};`);
      expect(env[passwordVariableOf(name)]).toBe(`vl_${schema}_dev`);
    }
  });

  it('declares the six services and nothing else besides kafka and postgres', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['kafka', 'postgres', ...SERVICES.map(({ name }) => name)].sort(),
    );
  });

  it.each(SERVICES)(
    '$name: built from its Dockerfile, waits for healthy kafka and postgres, has a readiness healthcheck and port $port',
    ({ name, port }) => {
      const service = composeService(name);
      expect(service.build).toEqual({ context: '..', dockerfile: `deploy/docker/${name}.Dockerfile` });
      expect(
        existsSync(join(ROOT, 'deploy', service.build?.context ?? '', service.build?.dockerfile ?? '')),
      ).toBe(true);
      expect(service.depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
      expect([service.healthcheck?.test].flat().join(' ')).toMatch(/\/health'/);
      expect(service.ports?.map((mapping) => mapping.split(':').slice(-2).join(':'))).toEqual([
        `${port}:${port}`,
      ]);
    },
  );

  it.each(SERVICES)(
    '$name: with AUTH_JWKS from the operator, its environment sets every variable the service requires',
    ({ name, port }) => {
      const env = environmentOf(name);
      expect(envPort().parse(env['PORT'])).toBe(port);
      expect(env['HOST']).toBe('0.0.0.0');
      expect(envBrokerList.parse(env['KAFKA_BROKERS'])).toEqual(['kafka:9092']);
      expect(JSON.parse(env['AUTH_JWKS'] ?? '')).toEqual(JSON.parse(SAMPLE_JWKS));
      const url = new URL(envPostgresUrl.parse(env['DATABASE_URL']));
      expect([url.username, url.hostname, url.port, url.pathname]).toEqual([
        `vl_${schemaOf(name)}`,
        'postgres',
        '5432',
        '/voting_ledger',
      ]);
      // the same password variable and default on both sides, else the service cannot log in
      expect(decodeURIComponent(url.password)).toBe(environmentOf('postgres')[passwordVariableOf(name)]);
      expect(env['DATABASE_SCHEMA'] ?? schemaOf(name)).toBe(schemaOf(name));
      // the service's own configuration schema accepts the whole environment, whatever it later requires
      expect(() => loadServiceConfig({ name, defaultPort: port }, env)).not.toThrow();
    },
  );

  it('has no baked-in token keys: AUTH_JWKS must come from the operator', () => {
    for (const { name } of SERVICES) {
      expect(String(composeService(name).environment?.['AUTH_JWKS'])).toMatch(/^\$\{AUTH_JWKS:\?[^}]+\}$/);
      expect(() => environmentOf(name, {})).toThrow(/AUTH_JWKS/);
    }
  });
});

// `docker compose config` only reads files: it validates without an engine where the compose CLI exists.
const composeCli =
  spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', timeout: 20_000 }).status === 0;
describe(
  composeCli
    ? 'docker compose config (compose CLI found: ran)'
    : 'docker compose config (no compose CLI on this machine: NOT run; the YAML checks above ran)',
  () => {
    if (composeCli) {
      it('accepts deploy/docker-compose.yml when AUTH_JWKS is set and refuses it when it is not', () => {
        const config = (env: NodeJS.ProcessEnv) =>
          spawnSync('docker', ['compose', '-f', 'deploy/docker-compose.yml', 'config', '--quiet'], {
            cwd: ROOT,
            env,
            encoding: 'utf8',
            timeout: 60_000,
          });
        const { AUTH_JWKS: _ignored, ...withoutJwks } = process.env;
        const accepted = config({ ...withoutJwks, AUTH_JWKS: SAMPLE_JWKS });
        expect([accepted.status, accepted.stderr]).toEqual([0, '']);
        const refused = config(withoutJwks);
        expect(refused.status).not.toBe(0);
        expect(refused.stderr).toContain('AUTH_JWKS');
      });
    } else {
      it('was skipped because `docker compose version` fails here', () => {
        expect(composeCli).toBe(false);
      });
    }
  },
);

describe('deploy/k8s manifests', () => {
  type Manifest = { kind: string; metadata: { name: string }; spec?: any; data?: Record<string, string> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  const kustomization = parse(read('deploy/k8s/kustomization.yaml')) as {
    resources: string[];
    images: { name: string }[];
  };
  const manifests: Manifest[] = kustomization.resources.flatMap((file) =>
    parseAllDocuments(read(`deploy/k8s/${file}`)).map((document) => document.toJS() as Manifest),
  );
  const find = (kind: string, name: string) => {
    const manifest = manifests.find(
      (candidate) => candidate.kind === kind && candidate.metadata.name === name,
    );
    if (!manifest) throw new Error(`no ${kind} ${name} in deploy/k8s`);
    return manifest;
  };

  it('kustomization.yaml lists every manifest file in deploy/k8s', () => {
    const files = readdirSync(join(ROOT, 'deploy/k8s')).filter(
      (file) => file.endsWith('.yaml') && file !== 'kustomization.yaml',
    );
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('the shared ConfigMap sets HOST=0.0.0.0, KAFKA_BROKERS and a JWKS document', () => {
    const data = find('ConfigMap', 'voting-ledger-config').data ?? {};
    expect(data['HOST']).toBe('0.0.0.0');
    expect(envBrokerList.parse(data['KAFKA_BROKERS']).length).toBeGreaterThan(0);
    expect(JSON.parse(data['AUTH_JWKS'] ?? '').keys.length).toBeGreaterThan(0);
  });

  it.each(SERVICES)(
    '$name: a non-root Deployment with readiness /health, liveness /health/live, resources and its env',
    ({ name, port }) => {
      const pod = find('Deployment', name).spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      // USER node is not numeric: without runAsUser the kubelet refuses to start a runAsNonRoot pod
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      const [container] = pod.containers;
      expect(container.image).toMatch(new RegExp(`^voting-ledger/${name}:`));
      expect(kustomization.images.map((image) => image.name)).toContain(`voting-ledger/${name}`);
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(container.resources.requests).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
      expect(container.env).toEqual([{ name: 'PORT', value: String(port) }]);
      expect(container.envFrom).toEqual([
        { configMapRef: { name: 'voting-ledger-config' } },
        { secretRef: { name: `${name}-database` } },
      ]);
    },
  );

  it.each(SERVICES)('$name: a Service in front of the Deployment pods', ({ name, port }) => {
    const service = find('Service', name);
    const labels = find('Deployment', name).spec.template.metadata.labels;
    for (const [key, value] of Object.entries(service.spec.selector)) expect(labels[key]).toBe(value);
    expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
  });
});
