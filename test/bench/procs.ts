/**
 * The bench's processes: each measured server runs in a process of its own (the sandboxes too), so
 * none shares an event loop with the load generator or with another; memory is read from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Proc {
  child: ChildProcess;
  /** What the process printed on its `READY {json}` line. */
  ready: Record<string, unknown>;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry through tsx and waits for its `READY {json}` line. */
export async function startEntry(entry: string, env: Record<string, string>, timeoutMs = 120_000): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry}: not ready in ${timeoutMs} ms\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out = (out + chunk.toString()).slice(-8000);
      const line = /^READY (.*)$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line[1]) as Record<string, unknown>);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-8000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code})\n${out}`));
    });
  });
  // Keep draining its output so a full pipe never blocks it.
  child.stdout!.removeAllListeners('data');
  child.stdout!.on('data', () => {});
  return { child, ready, stop: () => stopChild(child) };
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Waits until GET url answers 200; the milliseconds it took. */
export async function waitForOk(url: string, timeoutMs = 180_000): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - t0;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - t0 > timeoutMs) throw new Error(`${url}: no 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, all its threads) one process has used so far, ms: a start's cost however loaded the machine is. */
export function cpuMs(pid: number): number {
  const stat = readProc(pid, 'stat') ?? '';
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ 100)
}

/** Resident memory of one process, MB. */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readProc(pid, 'status') ?? '')?.[1];
  return kb ? Number(kb) / 1024 : 0;
}

/** A process and all its descendants. */
function tree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(Number(entry), 'stat');
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (!Number.isNaN(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const all: number[] = [];
  const visit = (p: number) => {
    all.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return all;
}

/** Proportional memory (shared pages split among their users) of a process and all its descendants, MB. */
export function treePssMb(pid: number): number {
  return tree(pid).reduce((total, p) => {
    const kb = /Pss:\s+(\d+)/.exec(readProc(p, 'smaps_rollup') ?? '')?.[1];
    return total + (kb ? Number(kb) / 1024 : 0);
  }, 0);
}

/** CPU ms used so far by a process and its live descendants (a database's postmaster and backends). */
export function treeCpuMs(pid: number): number {
  return tree(pid).reduce((total, p) => total + cpuMs(p), 0);
}

/** CPU ms used so far by every live process of this name (e.g. a PostgreSQL server's `postgres`). */
export function namedCpuMs(name: string): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (/^\d+$/.test(entry) && readProc(Number(entry), 'comm')?.trim() === name) total += cpuMs(Number(entry));
  }
  return total;
}
