import fc from 'fast-check';
import { startSixServices, type SixServices } from '../support/six-services';
import { anyRoleMatches, type Role, type RolePattern } from '@vl/auth';
import { isLocal, MATRIX_ROLES, MatrixTokens } from '../support/matrix-tokens';
import { malformedRequests, type MalformedRequest } from '../support/malformed-requests';
import { allOperations, type Operation } from '../support/openapi-operations';
import { send, type OperationAnswer } from '../support/operation-requests';
import { requestAppendedEvents } from '../support/request-appended-events';

// about 21,000 cases in all: under two minutes on two cores
const CASES_PER_ENDPOINT = 400;
// calls in flight at once, across the six services
const PARALLEL_ENDPOINTS = 4;
const SEED = 20261130;

const fuzzed = allOperations().flatMap((operation) => {
  const requests = operation.roles === undefined ? undefined : malformedRequests(operation);
  return requests ? [{ operation, requests }] : [];
});

// a national role when the operation admits one: a local token's scope is checked before the request is validated
function callerOf(operation: Operation): Role {
  const admitted = MATRIX_ROLES.filter((role) =>
    anyRoleMatches([role], (operation.roles ?? []) as RolePattern[]),
  );
  const role = admitted.find((candidate) => !isLocal(candidate)) ?? admitted[0];
  if (!role) throw new Error(`${operation.label}: no role of the matrix is admitted`);
  return role;
}

/** Why an answer to a malformed request is wrong, or undefined when it is a 4xx naming the field. */
function defectOf(answer: OperationAnswer, malformed: MalformedRequest, caller: Role): string | undefined {
  if (answer.status >= 500 || (malformed.refused && answer.status < 400)) return `answered ${answer.status}`;
  if (answer.status < 400) return undefined;
  const errors = (answer.body as { errors?: unknown } | undefined)?.errors;
  const wellFormed =
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (error: { field?: unknown; rule?: unknown }) =>
        typeof error.field === 'string' && typeof error.rule === 'string',
    );
  if (!wellFormed) return `${answer.status} without errors[] (field, rule)`;
  const expected = malformed.field;
  // a poll worker's token is refused for a request outside its precinct before the request is validated
  if (expected === undefined || !malformed.refused || (answer.status === 403 && isLocal(caller)))
    return undefined;
  const named = (errors as { field: string }[]).some(
    ({ field }) =>
      expected === '(body)' ||
      field.toLowerCase() === expected.toLowerCase() ||
      expected.startsWith(`${field}.`) ||
      field.startsWith(`${expected}.`),
  );
  return named
    ? undefined
    : `${answer.status} names ${errors.map((error) => error.field).join(', ')}, not ${expected}`;
}

async function inParallel<T>(
  items: readonly T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

describe('fuzzing every endpoint from its OpenAPI schema', () => {
  let stack: SixServices;
  let tokens: MatrixTokens;

  beforeAll(async () => {
    tokens = await MatrixTokens.create();
    stack = await startSixServices({ env: { AUTH_JWKS: tokens.jwks } });
  }, 240_000);

  afterAll(() => stack?.stop());

  it('given malformed params, query strings, bodies and headers from an admitted caller, when sent, then a 4xx names the field and no log grows', async () => {
    const started = Date.now();
    const before = await requestAppendedEvents(stack.schemas);
    const defects: string[] = [];
    let cases = 0;
    await inParallel(
      fuzzed,
      PARALLEL_ENDPOINTS,
      async ({ operation, requests }: { operation: Operation; requests: fc.Arbitrary<MalformedRequest> }) => {
        const caller = callerOf(operation);
        const token = await tokens.valid(caller, operation.service);
        const property = fc.asyncProperty(requests, async (malformed) => {
          cases += 1;
          const answer = await send(stack.urls[operation.service], operation, malformed.request, token);
          const defect = defectOf(answer, malformed, caller);
          if (defect)
            throw new Error(
              `${operation.label}, ${malformed.mutation}: ${defect}: ${answer.text.slice(0, 200)}`,
            );
        });
        const details = await fc.check(property, {
          numRuns: CASES_PER_ENDPOINT,
          seed: SEED,
          endOnFailure: true,
        });
        if (details.failed)
          defects.push(
            String((details.errorInstance as Error | undefined)?.message ?? 'the property failed'),
          );
      },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `endpoint fuzzing: ${cases} malformed requests to ${fuzzed.length} endpoints in ${seconds} s\n`,
    );
    expect(defects).toEqual([]);
    expect(cases).toBe(fuzzed.length * CASES_PER_ENDPOINT);
    expect(await requestAppendedEvents(stack.schemas)).toEqual(before);
  }, 600_000);
});
