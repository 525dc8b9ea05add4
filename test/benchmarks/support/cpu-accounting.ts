import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fmt } from './format';

/** Who spends the machine's CPU during a benchmark phase. */
export type CpuRole = 'service' | 'postgres' | 'kafka' | 'load generator' | 'other';

export type CpuSnapshot = ReadonlyMap<number, { readonly role: CpuRole; readonly ticks: number }>;

// Linux reports process times in clock ticks; USER_HZ is 100 on every Linux this project runs on
const TICKS_PER_SECOND = 100;

/** User and system CPU of every process on the machine (Linux /proc), each with the role it plays. */
export function cpuSnapshot(servicePid: number): CpuSnapshot {
  const snapshot = new Map<number, { role: CpuRole; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      snapshot.set(pid, { role: roleOf(pid, servicePid, command, cmdline), ticks });
    } catch {
      // the process ended between listing and reading
    }
  }
  return snapshot;
}

function roleOf(pid: number, servicePid: number, command: string, cmdline: string): CpuRole {
  if (pid === servicePid) return 'service';
  if (pid === process.pid) return 'load generator';
  if (command === 'postgres' || command.startsWith('postgres')) return 'postgres';
  if (command === 'java' && cmdline.includes('kafka')) return 'kafka';
  return 'other';
}

/** CPU seconds each role spent between two snapshots (processes that started in between count from zero). */
export function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): Record<CpuRole, number> {
  const spent: Record<CpuRole, number> = {
    service: 0,
    postgres: 0,
    kafka: 0,
    'load generator': 0,
    other: 0,
  };
  for (const [pid, { role, ticks }] of after)
    spent[role] += (ticks - (before.get(pid)?.ticks ?? 0)) / TICKS_PER_SECOND;
  return spent;
}

/**
 * The rate the machine could reach if nothing else ran and every core were busy with exactly this work:
 * cores / (CPU seconds per item, all roles but 'other').
 */
export function cpuCeiling(spent: Record<CpuRole, number>, items: number): number {
  const perItem = (spent.service + spent.postgres + spent.kafka + spent['load generator']) / items;
  return perItem > 0 ? cpus().length / perItem : Number.POSITIVE_INFINITY;
}

const ROLES: readonly CpuRole[] = ['service', 'postgres', 'kafka', 'load generator', 'other'];

/** Prints the CPU each role spent per 1,000 items of a phase (until projected); returns the rate that CPU allows. */
export function reportCpu(
  phase: string,
  spent: Record<CpuRole, number>,
  items: number,
  unit: string,
): number {
  const ceiling = cpuCeiling(spent, items);
  console.log(
    `  ${phase} CPU ms per 1,000 ${unit} (until projected): ` +
      ROLES.map((role) => `${role} ${fmt((spent[role] * 1e6) / items)}`).join(', ') +
      ` => ceiling ${fmt(ceiling)}/s on ${cpus().length} cores`,
  );
  return ceiling;
}
