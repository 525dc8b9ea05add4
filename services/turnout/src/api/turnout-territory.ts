import type { ScopeTarget } from '@vl/auth';
import type { Request } from 'express';

/** The territory a turnout query names (?level=&code=); the country when it names none. */
export function turnoutTerritory(request: Request): ScopeTarget {
  const { level, code } = request.query;
  if (typeof code !== 'string') return { country: true };
  switch (level) {
    case 'region':
      return { region: code };
    case 'district':
      return { district: code };
    case 'precinct':
      return { precincts: [code] };
    default:
      return { country: true };
  }
}
