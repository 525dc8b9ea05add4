import type { Role, TokenScope } from '@vl/auth';

/** The two services the drill drives, and tokens signed with a key they trust. */
export interface DrillStack {
  readonly voterRoll: string;
  readonly turnout: string;
  /** a national token (CEC operators, auditors) */
  token(...roles: Role[]): Promise<string>;
  /** a token of one person acting in a scope: a precinct's chair, its poll worker */
  scopedToken(scope: TokenScope, subject: string, ...roles: Role[]): Promise<string>;
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** One JSON request; the answer's status and parsed body (text when it is not JSON). */
export async function call<T = unknown>(
  method: string,
  url: string,
  token: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<Answer<T>> {
  const init: RequestInit = {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': contentType }),
    },
  };
  if (body !== undefined) {
    if (contentType === 'application/json') init.body = JSON.stringify(body);
    else init.body = body as RequestInit['body'];
  }
  const response = await fetch(url, init).catch((error: Error) => {
    const cause = (error.cause as Error | undefined)?.message ?? '';
    throw new Error(`${method} ${url}: ${error.message}${cause ? ` (${cause})` : ''}`);
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: parsed as T };
}

/** The answer's body when its status is one of `expected`, else an error naming the request and the answer. */
export async function expectStatus<T>(
  what: string,
  answer: Promise<Answer<T>>,
  ...expected: number[]
): Promise<T> {
  const { status, body } = await answer;
  if (!expected.includes(status))
    throw new Error(
      `${what}: HTTP ${status} ${typeof body === 'string' ? body : JSON.stringify(body)}`.slice(0, 800),
    );
  return body;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Polls until the probe returns a value or the deadline passes; the error names what was awaited. */
export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`${what}: not reached within ${Math.round(timeoutMs / 1000)} s`);
    await sleep(250);
  }
}
