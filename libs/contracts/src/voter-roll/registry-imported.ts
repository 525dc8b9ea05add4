import { z } from 'zod';
import { actorSchema } from '../actor';
import { defineEvent, type NewEventOf, type PayloadOf } from '../define-event';
import { uuid } from '../field-formats';

export const REGISTRY_FILES = ['precincts', 'commission-members', 'civil-registry'] as const;

const registryImportedPayload = z.strictObject({
  importId: uuid().describe(
    'The import: the correlationId of every PrecinctRegistered, CommissionMemberAppointed, CitizenRegistered ' +
      'and CitizenRecordChanged it appended.',
  ),
  file: z.enum(REGISTRY_FILES).describe('Which file of docs/civil-registry-csv.md was imported.'),
  registryRevision: z
    .number()
    .int()
    .min(0)
    .describe(
      'The registry’s revision after the import: voter lists compiled from an earlier one are stale.',
    ),
  importedBy: actorSchema.describe('The CEC operator who started the import: token subject and role.'),
});

export const registryImported = defineEvent({
  type: 'RegistryImported',
  owner: 'voter-roll',
  stream: 'registry-imports',
  version: 1,
  schema: registryImportedPayload,
  partitionKey: (payload) => payload.importId,
  partitionKeyDescription: 'importId: one event per import',
  description:
    'An import of a registry file changed the registry: who started it. Appended with its first change, in ' +
    'the same transaction; an import that changes nothing records nothing.',
});

export type RegistryImportedPayload = PayloadOf<typeof registryImported>;
export type RegistryImported = NewEventOf<typeof registryImported>;
