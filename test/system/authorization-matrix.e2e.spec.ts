import { anyRoleMatches, type Role, type RolePattern } from '@vl/auth';
import { startSixServices, type SixServices } from '../support/six-services';
import { admittedRole, BAD_TOKENS, isLocal, MATRIX_ROLES, MatrixTokens } from '../support/matrix-tokens';
import { allOperations, type Operation } from '../support/openapi-operations';
import { exampleRequest, send, type OperationAnswer } from '../support/operation-requests';
import { requestAppendedEvents } from '../support/request-appended-events';

/** admitted: neither 401 nor 403; 401 and 403: exactly that, a 403 of the scope naming the scope. */
type Expected = 'admitted' | 401 | 403;

interface Cell {
  readonly operation: Operation;
  readonly caller: string;
  readonly expected: Expected;
  /** the refusal comes from the token's scope, not its role */
  readonly byScope: boolean;
  token(): Promise<string | undefined>;
}

const operations = allOperations();

const admits = (operation: Operation, role: Role) =>
  operation.roles === undefined || anyRoleMatches([role], operation.roles as RolePattern[]);

/** What a poll worker's or commission's token gets, from x-scope; the example requests name the example precinct. */
function localExpectation(operation: Operation, samePrecinct: boolean): Expected {
  const scope = operation.scope as { kind?: string; from?: string } | undefined;
  switch (scope?.kind) {
    case 'national':
      return 403;
    case 'unscoped':
    case 'election':
      return 'admitted';
    case 'precinct':
      // a look-up finds no precinct for the example's unknown person: nothing to act on, the same for every caller
      return scope.from?.startsWith('look-up') || samePrecinct ? 'admitted' : 403;
    case 'territory':
      // the example sends no optional query: the territory asked for is the whole country
      return 403;
    case 'person':
      // the example person has no record at the token's precinct: the uniform refusal every other caller gets
      return 403;
    default:
      throw new Error(`${operation.label}: x-scope ${JSON.stringify(scope)} is not a scope the matrix knows`);
  }
}

/** A citizen acts for themselves only: on a person's record, a citizen token of someone else is refused by scope. */
function isAnotherPerson(operation: Operation, role: Role): boolean {
  const scope = operation.scope as { kind?: string } | undefined;
  if (scope?.kind !== 'person' || !role.startsWith('citizen:')) return false;
  return exampleRequest(operation).pathParameters['personalNumber'] !== role.slice('citizen:'.length);
}

function cellsOf(operation: Operation, tokens: MatrixTokens): Cell[] {
  const { service, roles } = operation;
  const byRole = MATRIX_ROLES.map((role): Cell => ({
    operation,
    caller: role,
    ...(!admits(operation, role)
      ? { expected: 403, byScope: false }
      : roles !== undefined && isLocal(role)
        ? { expected: localExpectation(operation, true), byScope: true }
        : isAnotherPerson(operation, role)
          ? { expected: 403, byScope: true }
          : { expected: 'admitted', byScope: false }),
    token: () => tokens.valid(role, service),
  }));
  const local = MATRIX_ROLES.find((role) => isLocal(role) && admits(operation, role)) ?? 'poll-worker';
  const elsewhere: Cell = {
    operation,
    caller: `${local} of another precinct`,
    ...(roles === undefined
      ? { expected: 'admitted', byScope: false }
      : admits(operation, local)
        ? { expected: localExpectation(operation, false), byScope: true }
        : { expected: 403, byScope: false }),
    token: () => tokens.anotherPrecinct(local, service),
  };
  const byBadToken = BAD_TOKENS.map((kind): Cell => ({
    operation,
    caller: kind,
    expected: roles === undefined ? 'admitted' : 401,
    byScope: false,
    token: () => tokens.bad(kind, roles === undefined ? 'auditor' : admittedRole(operation), service),
  }));
  return [...byRole, elsewhere, ...byBadToken];
}

function verdict(cell: Cell, answer: OperationAnswer): string | undefined {
  const { status } = answer;
  const message = String((answer.body as { message?: unknown } | undefined)?.message);
  const met =
    status < 500 &&
    (cell.expected === 'admitted'
      ? status !== 401 && status !== 403
      : status === cell.expected && (!cell.byScope || /^scope:/.test(message)));
  if (met) return undefined;
  const expected =
    cell.expected === 'admitted'
      ? 'neither 401 nor 403'
      : `${cell.expected}${cell.byScope ? ' naming the scope' : ''}`;
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

  it('given the six documents, when read, then every service has endpoints and every non-public one names its roles and its scope', () => {
    const services = new Set(operations.map((operation) => operation.service));
    expect([...services].sort()).toEqual(Object.keys(stack.urls).sort());
    const roleless = operations.filter((operation) => operation.roles?.length === 0);
    expect(roleless.map((operation) => operation.label)).toEqual([]);
    const scopeless = operations.filter((operation) => operation.roles !== undefined && !operation.scope);
    expect(scopeless.map((operation) => operation.label)).toEqual([]);
  });

  it('given a refusing cell (role not admitted, another precinct, bad token), when called, then 403 or 401 as derived, and no log grows', async () => {
    const before = await requestAppendedEvents(stack.schemas);
    const refusing = cells.filter((cell) => cell.expected === 401 || cell.expected === 403);
    expect(await failuresOf(stack, refusing)).toEqual([]);
    expect(await requestAppendedEvents(stack.schemas)).toEqual(before);
  }, 180_000);

  it('given an admitted cell, when called, then neither 401 nor 403 and never a 5xx', async () => {
    const admitted = cells.filter((cell) => cell.expected === 'admitted');
    expect(await failuresOf(stack, admitted)).toEqual([]);
  }, 180_000);
});
