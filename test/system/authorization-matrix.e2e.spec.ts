import { anyRoleMatches, type Role, type RolePattern } from '@vl/auth';
import { startSixServices, type SixServices } from '../support/six-services';
import { admittedRole, BAD_TOKENS, isLocal, MATRIX_ROLES, MatrixTokens } from '../support/matrix-tokens';
import { allOperations, type Operation } from '../support/openapi-operations';
import { exampleRequest, namesPrecinct, send, type OperationAnswer } from '../support/operation-requests';
import { requestAppendedEvents } from '../support/request-appended-events';

/**
 * admitted: neither 401 nor 403; scope-decides: admitted, or a 403 that names the scope (the request's territory
 * is not one the document declares); 401 and 403: exactly that.
 */
type Expected = 'admitted' | 'scope-decides' | 401 | 403;

interface Cell {
  readonly operation: Operation;
  readonly caller: string;
  readonly expected: Expected;
  token(): Promise<string | undefined>;
}

const operations = allOperations();

const admits = (operation: Operation, role: Role) =>
  operation.roles === undefined || anyRoleMatches([role], operation.roles as RolePattern[]);

// x-scope is the endpoint's scope declaration: national, none (unscoped), an election, a precinct or a territory
function localExpectation(operation: Operation, samePrecinct: boolean): Expected {
  const scope = typeof operation.scope === 'string' ? operation.scope : undefined;
  if (scope === 'national') return 403;
  if (scope?.startsWith('none') || scope?.startsWith('election')) return 'admitted';
  if (namesPrecinct(operation)) return samePrecinct ? 'admitted' : 403;
  return 'scope-decides';
}

function cellsOf(operation: Operation, tokens: MatrixTokens): Cell[] {
  const { service, roles } = operation;
  const byRole = MATRIX_ROLES.map((role): Cell => ({
    operation,
    caller: role,
    expected: !admits(operation, role)
      ? 403
      : roles !== undefined && isLocal(role)
        ? localExpectation(operation, true)
        : 'admitted',
    token: () => tokens.valid(role, service),
  }));
  const local = MATRIX_ROLES.find((role) => isLocal(role) && admits(operation, role)) ?? 'poll-worker';
  const elsewhere: Cell = {
    operation,
    caller: `${local} of another precinct`,
    expected:
      roles === undefined ? 'admitted' : admits(operation, local) ? localExpectation(operation, false) : 403,
    token: () => tokens.anotherPrecinct(local, service),
  };
  const byBadToken = BAD_TOKENS.map((kind): Cell => ({
    operation,
    caller: kind,
    expected: roles === undefined ? 'admitted' : 401,
    token: () => tokens.bad(kind, roles === undefined ? 'auditor' : admittedRole(operation), service),
  }));
  return [...byRole, elsewhere, ...byBadToken];
}

function verdict(cell: Cell, answer: OperationAnswer): string | undefined {
  const { status } = answer;
  const namesScope =
    status === 403 && /^scope:/.test(String((answer.body as { message?: unknown })?.message));
  const met =
    status < 500 &&
    (cell.expected === 'admitted'
      ? status !== 401 && status !== 403
      : cell.expected === 'scope-decides'
        ? status !== 401 && (status !== 403 || namesScope)
        : status === cell.expected);
  if (met) return undefined;
  const expected =
    cell.expected === 'admitted'
      ? 'neither 401 nor 403'
      : cell.expected === 'scope-decides'
        ? 'admitted or 403 naming the scope'
        : String(cell.expected);
  return `${cell.operation.label} as ${cell.caller}: ${status}, expected ${expected}: ${answer.text.slice(0, 200)}`;
}

async function failuresOf(stack: SixServices, cells: readonly Cell[]): Promise<string[]> {
  const failures: string[] = [];
  for (const cell of cells) {
    const request = exampleRequest(cell.operation);
    const answer = await send(
      stack.urls[cell.operation.service],
      cell.operation,
      request,
      await cell.token(),
    );
    const failure = verdict(cell, answer);
    if (failure) failures.push(failure);
  }
  return failures;
}

describe('authorization matrix: every endpoint of the OpenAPI documents × every role and every bad token', () => {
  let stack: SixServices;
  let cells: Cell[];

  beforeAll(async () => {
    const tokens = await MatrixTokens.create();
    stack = await startSixServices({ env: { AUTH_JWKS: tokens.jwks } });
    cells = operations.flatMap((operation) => cellsOf(operation, tokens));
    const columns = cells.length / operations.length;
    process.stdout.write(
      `authorization matrix: ${operations.length} endpoints × ${columns} callers ` +
        `(${MATRIX_ROLES.length} roles, another precinct, ${BAD_TOKENS.length} bad tokens) = ${cells.length} cells\n`,
    );
  }, 240_000);

  afterAll(() => stack?.stop());

  it('given the six documents, when read, then every service has endpoints and every non-public one names its roles', () => {
    const services = new Set(operations.map((operation) => operation.service));
    expect([...services].sort()).toEqual(Object.keys(stack.urls).sort());
    const roleless = operations.filter((operation) => operation.roles?.length === 0);
    expect(roleless.map((operation) => operation.label)).toEqual([]);
  });

  it('given a refusing cell (role not admitted, another precinct, bad token), when called, then 403 or 401 as derived, and no log grows', async () => {
    const before = await requestAppendedEvents(stack.schemas);
    const refusing = cells.filter((cell) => cell.expected === 401 || cell.expected === 403);
    expect(await failuresOf(stack, refusing)).toEqual([]);
    expect(await requestAppendedEvents(stack.schemas)).toEqual(before);
  }, 180_000);

  it('given an admitted cell, when called, then neither 401 nor 403 (but a 403 naming the scope where the scope decides) and never a 5xx', async () => {
    const admitted = cells.filter(
      (cell) => cell.expected === 'admitted' || cell.expected === 'scope-decides',
    );
    expect(await failuresOf(stack, admitted)).toEqual([]);
  }, 180_000);
});
