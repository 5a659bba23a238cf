import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

export interface ProcessInfo {
  pid: number;
  /** The kernel's short name of the executable, e.g. `node`, `java`, `postgres`. */
  comm: string;
  argv: readonly string[];
}

/** Names the part of the system a process belongs to, or null to leave it out. */
export type ProcessClassifier = (process: ProcessInfo) => string | null;

export interface CpuReading {
  /** CPU seconds (user + system) used so far by the processes of each part that are alive now. */
  readonly byPart: ReadonlyMap<string, number>;
  /** CPU seconds of the whole machine, busy and idle, summed over its cores. */
  readonly machineBusy: number;
  readonly machineTotal: number;
}

/** Command name and CPU seconds from the text of `/proc/<pid>/stat`. */
export function parseProcStat(text: string): { comm: string; cpuSeconds: number } {
  // The name sits in parentheses and may itself hold spaces or parentheses: split after the last ')'.
  const nameEnd = text.lastIndexOf(')');
  const fields = text.slice(nameEnd + 2).split(' ');
  // Fields from the state on (field 3 of proc(5)); utime and stime are fields 14 and 15.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { comm: text.slice(text.indexOf('(') + 1, nameEnd), cpuSeconds: ticks / TICKS_PER_SECOND };
}

/** Busy and total CPU seconds of the machine from the first line of `/proc/stat`. */
export function parseMachineStat(text: string): { busy: number; total: number } {
  const [, ...ticks] = text.split('\n')[0].trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0);
  const idle = ticks[3] + ticks[4];
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** The CPU time of every classified process now; empty where there is no `/proc` (not Linux). */
export function readCpu(classify: ProcessClassifier, procDir = '/proc'): CpuReading {
  const byPart = new Map<string, number>();
  let machine: { busy: number; total: number };
  try {
    machine = parseMachineStat(readFileSync(path.join(procDir, 'stat'), 'utf8'));
  } catch {
    return { byPart, machineBusy: NaN, machineTotal: NaN };
  }
  for (const entry of readdirSync(procDir)) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseProcStat(readFileSync(path.join(procDir, entry, 'stat'), 'utf8'));
      const argv = readFileSync(path.join(procDir, entry, 'cmdline'), 'utf8')
        .split('\0')
        .filter(Boolean);
      const part = classify({ pid: Number(entry), comm: stat.comm, argv });
      if (part !== null) byPart.set(part, (byPart.get(part) ?? 0) + stat.cpuSeconds);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return { byPart, machineBusy: machine.busy, machineTotal: machine.total };
}

export interface CpuUse {
  /** CPU milliseconds per unit of work (a message, a delivery) of each part, busiest first. */
  perUnitMs: Array<[part: string, ms: number]>;
  /** Share of the machine's CPU that was busy, 0–1. */
  machineBusy: number;
}

/** What each part used between two readings, per unit of work done meanwhile. */
export function cpuBetween(before: CpuReading, after: CpuReading, units: number): CpuUse {
  const perUnitMs = [...after.byPart]
    .map(([part, seconds]): [string, number] => [part, ((seconds - (before.byPart.get(part) ?? 0)) * 1000) / units])
    .filter(([, ms]) => ms >= 0.0005)
    .sort((a, b) => b[1] - a[1]);
  const machineBusy = (after.machineBusy - before.machineBusy) / (after.machineTotal - before.machineTotal);
  return { perUnitMs, machineBusy };
}

/** One line: each part's share, then the total and how busy the machine was. */
export function describeCpuUse(use: CpuUse, unit: 'ms' | 'µs'): string {
  const scale = unit === 'ms' ? 1 : 1000;
  const digits = unit === 'ms' ? 1 : 0;
  const total = use.perUnitMs.reduce((sum, [, ms]) => sum + ms, 0);
  const parts = use.perUnitMs.map(([part, ms]) => `${part} ${(ms * scale).toFixed(digits)}`);
  const busy = Number.isNaN(use.machineBusy) ? 'n/a' : `${(use.machineBusy * 100).toFixed(0)} %`;
  return `${parts.join(', ')} (total ${(total * scale).toFixed(digits)} ${unit}; machine busy ${busy})`;
}

/**
 * The parts every benchmark here runs: Kafka's JVM, PostgreSQL's processes, Parley's apps (by their entry
 * `apps/<name>/src/main.js`) and the benchmark process itself, which drives the load.
 */
export function parleyProcesses(extra: ProcessClassifier = () => null): ProcessClassifier {
  return (p) => {
    if (p.pid === process.pid) return 'load generator';
    if (p.comm === 'java' && p.argv.includes('kafka.Kafka')) return 'Kafka';
    if (p.comm === 'postgres' || p.comm.startsWith('postgres:')) return 'PostgreSQL';
    const app = p.argv.map((arg) => /apps\/([\w-]+)\/src\/main\.js$/.exec(arg)?.[1]).find(Boolean);
    return app ?? extra(p);
  };
}
