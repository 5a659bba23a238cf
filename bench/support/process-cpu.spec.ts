import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuBetween, describeCpuUse, parleyProcesses, parseMachineStat, parseProcStat, readCpu } from './process-cpu';

// utime 250 and stime 50 ticks: 3 CPU seconds.
const statLine = (pid: number, comm: string, utime = 250, stime = 50) =>
  `${pid} (${comm}) S 1 ${pid} ${pid} 0 -1 4194560 100 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 100 1000 10 0\n`;

describe('parseProcStat', () => {
  it('reads the name and user plus system time', () => {
    expect(parseProcStat(statLine(42, 'node'))).toEqual({ comm: 'node', cpuSeconds: 3 });
  });

  it('keeps a name that holds spaces and parentheses', () => {
    expect(parseProcStat(statLine(7, 'odd (name) x', 100, 0))).toEqual({ comm: 'odd (name) x', cpuSeconds: 1 });
  });
});

describe('parseMachineStat', () => {
  it('counts idle and iowait as not busy', () => {
    // user nice system idle iowait irq softirq steal
    expect(parseMachineStat('cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3\n')).toEqual({ busy: 1.5, total: 10 });
  });
});

describe('readCpu', () => {
  let proc: string;

  const addProcess = (pid: number, comm: string, argv: string[], utime: number) => {
    mkdirSync(path.join(proc, String(pid)));
    writeFileSync(path.join(proc, String(pid), 'stat'), statLine(pid, comm, utime, 0));
    writeFileSync(path.join(proc, String(pid), 'cmdline'), `${argv.join('\0')}\0`);
  };

  beforeEach(() => {
    proc = mkdtempSync(path.join(os.tmpdir(), 'parley-proc-'));
    writeFileSync(path.join(proc, 'stat'), 'cpu  300 0 100 500 100 0 0 0 0 0\n');
  });
  afterEach(() => rmSync(proc, { recursive: true, force: true }));

  it('sums the CPU time of the processes of each part and leaves the others out', () => {
    addProcess(10, 'java', ['java', '-Xmx512m', 'kafka.Kafka', 'server.properties'], 500);
    addProcess(11, 'postgres', ['postgres', '-D', 'data'], 100);
    addProcess(12, 'postgres', ['postgres: parley test 127.0.0.1(5432) idle'], 50);
    addProcess(13, 'node', ['node', '/srv/parley/dist/apps/outbound/src/main.js'], 200);
    addProcess(14, 'sshd', ['sshd'], 900);
    writeFileSync(path.join(proc, 'self'), 'not a process directory');

    const reading = readCpu(parleyProcesses(), proc);

    expect(Object.fromEntries(reading.byPart)).toEqual({ Kafka: 5, PostgreSQL: 1.5, outbound: 2 });
    expect(reading.machineBusy).toBe(4);
    expect(reading.machineTotal).toBe(10);
  });

  it('reads nothing where there is no /proc', () => {
    const reading = readCpu(parleyProcesses(), path.join(proc, 'missing'));
    expect(reading.byPart.size).toBe(0);
    expect(reading.machineBusy).toBeNaN();
  });
});

describe('parleyProcesses', () => {
  it('names this process the load generator and asks the extra classifier about the rest', () => {
    const classify = parleyProcesses((p) => (p.argv.some((a) => a.endsWith('bare-server.js')) ? 'bare server' : null));
    expect(classify({ pid: process.pid, comm: 'node', argv: ['node', 'run.js'] })).toBe('load generator');
    expect(classify({ pid: 1, comm: 'node', argv: ['node', 'dist/bench/gateway/bare-server.js'] })).toBe('bare server');
    expect(classify({ pid: 2, comm: 'java', argv: ['java', 'org.other.Main'] })).toBeNull();
  });
});

describe('cpuBetween and describeCpuUse', () => {
  const before = {
    byPart: new Map([
      ['outbound', 10],
      ['Kafka', 5],
    ]),
    machineBusy: 100,
    machineTotal: 200,
  };
  const after = {
    byPart: new Map([
      ['outbound', 12],
      ['Kafka', 6],
      ['compliance', 0.5],
    ]),
    machineBusy: 103,
    machineTotal: 204,
  };

  it('gives each part its CPU per unit of work, busiest first, and the machine its busy share', () => {
    const use = cpuBetween(before, after, 1000);
    expect(use.perUnitMs).toEqual([
      ['outbound', 2],
      ['Kafka', 1],
      ['compliance', 0.5],
    ]);
    expect(use.machineBusy).toBeCloseTo(0.75);
  });

  it('prints milliseconds or microseconds with the total', () => {
    const use = cpuBetween(before, after, 1000);
    expect(describeCpuUse(use, 'ms')).toBe('outbound 2.0, Kafka 1.0, compliance 0.5 (total 3.5 ms; machine busy 75 %)');
    expect(describeCpuUse(use, 'µs')).toBe(
      'outbound 2000, Kafka 1000, compliance 500 (total 3500 µs; machine busy 75 %)',
    );
  });
});
