import { COMMISSION_POSITIONS, type CommissionMemberAppointedPayload } from '@vl/contracts';
import { readPersonalNumber } from './personal-number';
import type { CsvRow, RowIssue, RowOutcome } from './row-issues';

export type CommissionMember = CommissionMemberAppointedPayload;

export const COMMISSION_MEMBER_COLUMNS = ['precinct_code', 'personal_number', 'position'] as const;

/** One row of commission-members.csv; `precinctKnown` says whether precincts.csv registered the precinct. */
export function readCommissionMemberRow(
  row: CsvRow,
  precinctKnown: (precinctId: string) => boolean,
): RowOutcome<CommissionMember> {
  const issues: RowIssue[] = [];
  const precinctId = row['precinct_code'] ?? '';
  const personalNumber = row['personal_number'] ?? '';
  const position = row['position'] ?? '';
  if (!precinctKnown(precinctId))
    issues.push({ column: 'precinct_code', rule: 'expected a precinct registered by precincts.csv' });
  const pin = readPersonalNumber(personalNumber);
  if (!pin.ok) issues.push({ column: 'personal_number', rule: pin.rule });
  const positions: readonly string[] = COMMISSION_POSITIONS;
  if (!positions.includes(position))
    issues.push({ column: 'position', rule: `expected one of ${COMMISSION_POSITIONS.join(', ')}` });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { precinctId, personalNumber, position: position as CommissionMember['position'] },
  };
}
