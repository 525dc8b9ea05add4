import { z } from 'zod';

/** Start-up cannot go on: names each bad variable and what it expects, in one line. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** Parses the environment through a schema; a missing or malformed variable is a ConfigurationError. */
export function loadConfig<TShape extends z.ZodRawShape>(
  schema: z.ZodObject<TShape>,
  env: Environment = process.env,
): z.infer<z.ZodObject<TShape>> {
  const picked = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, emptyAsMissing(env[key])]));
  const parsed = schema.safeParse(picked);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    // a nested path (a JSON variable's inner field) still names the variable itself
    const variable = String(issue.path[0] ?? '(environment)');
    const given = picked[variable];
    return given === undefined
      ? `${variable} is missing: ${issue.message}`
      : `${variable}=${JSON.stringify(redact(variable, given))} is invalid: ${issue.message}`;
  });
  throw new ConfigurationError(`configuration: ${problems.join('; ')}`);
}

function emptyAsMissing(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

// secrets must not reach a log line even when they are malformed
function redact(variable: string, value: string): string {
  if (/KEY|SECRET|PASSWORD|JWKS/.test(variable)) return '<redacted>';
  return value.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
