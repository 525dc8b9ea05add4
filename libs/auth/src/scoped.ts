import { SetMetadata, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { ScopeTarget } from './scopes';

export const SCOPE_METADATA = 'vl:scope';

/** A request part by path: `params.precinctId`, `body.precinctId`, `query.code`, or every item `body.checkIns[].precinctId`. */
export type RequestPath = `${'params' | 'body' | 'query'}.${string}`;

/** A precinct that only a look-up tells (the precinct of the check-in a revocation withdraws, a voter's home list). */
export interface PrecinctLookup {
  /** the precinct, or undefined when there is nothing to act on (the handler answers that for every caller alike) */
  precinctOf(request: Request): Promise<string | undefined>;
}

/** How the OpenAPI documents state an operation's scope (`x-scope`). */
export interface ScopeDocument {
  readonly kind: 'national' | 'unscoped' | 'election' | 'precinct' | 'territory' | 'person';
  /** where the election, precinct or territory comes from: a request path, or the look-up that tells it */
  readonly from?: string;
  readonly election?: string;
  readonly reason?: string;
}

/** Where an endpoint's territory comes from; every controller method declares one with `@Scoped`. */
export type ScopeDeclaration =
  | { readonly kind: 'national'; readonly description: string; readonly document: ScopeDocument }
  | { readonly kind: 'unscoped'; readonly description: string; readonly document: ScopeDocument }
  | {
      readonly kind: 'territorial';
      readonly description: string;
      readonly document: ScopeDocument;
      readonly election: (request: Request) => string | undefined;
      readonly target?: (request: Request) => ScopeTarget;
      readonly lookup?: Type<PrecinctLookup>;
    };

/** The scope check of an endpoint, as well as its roles. */
export const Scoped = (declaration: ScopeDeclaration) => SetMetadata(SCOPE_METADATA, declaration);

const ELECTION_PARAM: RequestPath = 'params.electionId';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// a value that is no election id is left to the endpoint's validation (400), like a malformed precinct code
function electionFrom(path: RequestPath): (request: Request) => string | undefined {
  const read = readPath(path);
  return (request) => {
    const value = read(request);
    return typeof value === 'string' && UUID.test(value) ? value : undefined;
  };
}

export const Scope = {
  /** Only national tokens (CEC operators, auditors, ...): imports, finalization, exports, operations. */
  national: (): ScopeDeclaration => ({
    kind: 'national',
    description: 'national',
    document: { kind: 'national' },
  }),
  /** Not about any election or territory (the geography, the law's policies); the reason is documented. */
  unscoped: (reason: string): ScopeDeclaration => ({
    kind: 'unscoped',
    description: `none: ${reason}`,
    document: { kind: 'unscoped', reason },
  }),
  /** Election-wide figures: any token of this election (its hours, the open data). */
  election: (election: RequestPath = ELECTION_PARAM): ScopeDeclaration => ({
    kind: 'territorial',
    description: `election from ${election}`,
    document: { kind: 'election', election },
    election: electionFrom(election),
    target: () => WHOLE_ELECTION,
  }),
  /**
   * One precinct (or each of a list's) from the request, or from a look-up. The endpoint's validation must require
   * the field: a value that is no precinct code is left to it (400), any precinct code is checked.
   */
  precinct: (
    from: RequestPath | Type<PrecinctLookup>,
    election: RequestPath = ELECTION_PARAM,
  ): ScopeDeclaration => {
    const electionOf = electionFrom(election);
    if (typeof from !== 'string')
      return {
        kind: 'territorial',
        description: `precinct by look-up (${from.name})`,
        document: { kind: 'precinct', from: `look-up: ${from.name}`, election },
        election: electionOf,
        lookup: from,
      };
    const read = readPath(from);
    return {
      kind: 'territorial',
      description: `precinct from ${from}`,
      document: { kind: 'precinct', from, election },
      election: electionOf,
      target: (request) => ({ precincts: asList(read(request)) }),
    };
  },
  /**
   * One person's own record (an absence and its cases): the citizen themselves, or the commission that holds the
   * record. The guard checks the token's election; the handler finds whose record it is and answers everyone else,
   * and a person with no record there, with one uniform 403, so a refusal never tells where the person was absent.
   */
  person: (from: RequestPath, election: RequestPath = ELECTION_PARAM): ScopeDeclaration => ({
    kind: 'territorial',
    description: `the person from ${from}`,
    document: { kind: 'person', from, election },
    election: electionFrom(election),
    target: () => WHOLE_ELECTION,
  }),
  /** A territory the request names (a precinct, district, region or the country), resolved by a function. */
  territory: (
    description: string,
    resolve: (request: Request) => ScopeTarget,
    election: RequestPath = ELECTION_PARAM,
  ): ScopeDeclaration => ({
    kind: 'territorial',
    description: `territory from ${description}`,
    document: { kind: 'territory', from: description, election },
    election: electionFrom(election),
    target: resolve,
  }),
};

const WHOLE_ELECTION: ScopeTarget = { wholeElection: true };

// a value that is no precinct code names nothing to act on: the endpoint's validation refuses it with a 400 naming the field
const PRECINCT_CODE = /^[0-9]{4}-[0-9]{3}$/;
function asList(value: unknown): readonly string[] {
  if (typeof value === 'string') return PRECINCT_CODE.test(value) ? [value] : [];
  if (Array.isArray(value))
    return value.filter((item): item is string => typeof item === 'string' && PRECINCT_CODE.test(item));
  return [];
}

/** A reader compiled once per declaration: the hot path walks two or three properties. */
function readPath(path: RequestPath): (request: Request) => unknown {
  const [part, ...rest] = path.split('.') as ['params' | 'body' | 'query', ...string[]];
  const listAt = rest.findIndex((segment) => segment.endsWith('[]'));
  const dig = (value: unknown, segments: readonly string[]): unknown => {
    let current = value;
    for (const segment of segments) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
    return current;
  };
  if (listAt < 0) return (request) => dig(request[part], rest);
  const head = [...rest.slice(0, listAt), (rest[listAt] as string).slice(0, -2)];
  const tail = rest.slice(listAt + 1);
  return (request) => {
    const list = dig(request[part], head);
    return Array.isArray(list) ? list.map((item) => dig(item, tail)) : undefined;
  };
}
