import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { OPENAPI_SERVICES, openApiDocumentPath, serviceOpenApi } from './service-openapi';

// libs/service-kit/src/openapi → repository root
const repositoryRoot = join(__dirname, '..', '..', '..', '..');

async function main(): Promise<void> {
  // each root module registers its own TypeORM data source; reading them side by side is expected here
  Logger.overrideLogger(false);
  for (const service of OPENAPI_SERVICES) {
    const target = join(repositoryRoot, openApiDocumentPath(service));
    const document = await serviceOpenApi(repositoryRoot, service);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, document);
    const operations = document.match(/^ {6}operationId: /gm)?.length ?? 0;
    process.stdout.write(
      `wrote ${relative(process.cwd(), target) || target}: ${operations} operations, ${Buffer.byteLength(document)} bytes\n`,
    );
  }
}

main().then(
  // the service modules leave loggers and metric registries behind; nothing else is left to do
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
