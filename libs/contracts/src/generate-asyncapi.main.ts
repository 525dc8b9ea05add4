import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ASYNCAPI_DOCUMENT_PATH, generateAsyncApi } from './asyncapi';
import { eventCatalog } from './event-catalog';

// libs/contracts/src → repository root
const repositoryRoot = join(__dirname, '..', '..', '..');
const target = join(repositoryRoot, ASYNCAPI_DOCUMENT_PATH);
const document = generateAsyncApi(eventCatalog);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, document);
const topics = eventCatalog.topics().length;
const events = eventCatalog.definitions().length;
process.stdout.write(
  `wrote ${relative(process.cwd(), target) || target}: ${events} event types on ${topics} event topics ` +
    `plus checkpoint topics, ${Buffer.byteLength(document)} bytes\n`,
);
