import type { LoadedEvent } from '@vl/event-store';

/** The election date an absence's stream was opened with (its first event, ExcuseWindowOpened or AbsenceExcused). */
export function electionDateOf(stream: readonly LoadedEvent[]): string | undefined {
  const [first] = stream;
  if (first?.type === 'ExcuseWindowOpened' || first?.type === 'AbsenceExcused')
    return first.payload.electionDate;
  return undefined;
}
