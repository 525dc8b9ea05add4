import { readFileSync } from 'node:fs';

/** The peak resident set of another process so far (VmHWM in /proc/<pid>/status), in MB. */
export function peakResidentMbOf(pid: number): number {
  const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!line) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(line[1]) / 1024;
}
