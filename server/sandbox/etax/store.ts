/**
 * The sandbox's store: a typed in-memory model (model.ts), written to `dataFile` after every change
 * (tmp file + rename, so a crash never leaves half a file) and read back on start. Separate from the
 * product's database on purpose: the bureau is another system. Faults and the test clock offset are
 * runtime switches and are not persisted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { emptyData, type EtaxData } from './model';
import { resolveTiming, type EtaxTiming } from './timing';

export interface EtaxStoreOptions {
  /** JSON file holding the bureau's data; omitted = in memory only. */
  dataFile?: string;
  timing?: Partial<EtaxTiming>;
  /** Clock in epoch ms; tests inject one to move time without sleeping. */
  now?: () => number;
}

/** A fault of the bureau API (rule 10); the control API is never affected. */
export type Fault = { mode: 'slow'; ms: number } | { mode: 'down'; variant: 'reset' | '503' } | { mode: 'error' };

/** One session check the bureau answered (counted for tests; kept in memory only). */
export interface SessionCheck {
  sessionId: string;
  idNumber: string;
  at: number;
}

/** Transient records are dropped this long after they stopped mattering, to keep the file small. */
const KEEP_AFTER_EXPIRY_MS = 24 * 60 * 60_000;
const MAX_SMS = 500;
const MAX_CHECKS = 5000;

export class EtaxStore {
  readonly timing: EtaxTiming;
  readonly dataFile?: string;
  data: EtaxData;
  fault: Fault | null = null;
  /** Session checks answered, oldest first (bounded); a runtime record like the fault switch. */
  checks: SessionCheck[] = [];
  private readonly clock: () => number;
  private offsetMs = 0;

  constructor(options: EtaxStoreOptions = {}) {
    this.timing = resolveTiming(options.timing);
    this.dataFile = options.dataFile;
    this.clock = options.now ?? Date.now;
    this.data = this.load();
  }

  now(): number {
    return this.clock() + this.offsetMs;
  }

  countCheck(sessionId: string, idNumber: string): void {
    this.checks.push({ sessionId, idNumber, at: this.now() });
    if (this.checks.length > MAX_CHECKS) this.checks.splice(0, this.checks.length - MAX_CHECKS);
  }

  /** Moves the sandbox's time forward (control API `POST /clock`). */
  advanceClock(ms: number): void {
    this.offsetMs += ms;
  }

  /**
   * Runs a change and persists it, also when the change ends in a bureau error: a wrong password
   * must be counted even though the call fails.
   */
  mutate<T>(change: (data: EtaxData) => T): T {
    try {
      return change(this.data);
    } finally {
      this.save();
    }
  }

  reset(): void {
    this.data = emptyData();
    this.fault = null;
    this.checks = [];
    this.offsetMs = 0;
    this.save();
  }

  private load(): EtaxData {
    if (!this.dataFile || !fs.existsSync(this.dataFile)) return emptyData();
    const parsed = JSON.parse(fs.readFileSync(this.dataFile, 'utf8')) as Partial<EtaxData>;
    return { ...emptyData(), ...parsed, version: 1 };
  }

  private save(): void {
    this.prune();
    if (!this.dataFile) return;
    fs.mkdirSync(path.dirname(this.dataFile), { recursive: true });
    const tmp = `${this.dataFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.data));
    fs.renameSync(tmp, this.dataFile);
  }

  private prune(): void {
    const cutoff = this.now() - KEEP_AFTER_EXPIRY_MS;
    const d = this.data;
    d.sms = d.sms.filter((s) => s.sentAt > cutoff).slice(-MAX_SMS);
    for (const [id, f] of Object.entries(d.flows)) if (f.expiresAt < cutoff) delete d.flows[id];
    for (const [id, t] of Object.entries(d.tickets)) if (t.expiresAt < cutoff) delete d.tickets[id];
    for (const [id, s] of Object.entries(d.sessions)) {
      if (Math.min(s.expiresAt, s.droppedAt ?? Infinity) < cutoff) delete d.sessions[id];
    }
    d.auths = d.auths.filter((a) => a.validUntil > cutoff);
  }
}

export function createEtaxStore(options: EtaxStoreOptions = {}): EtaxStore {
  return new EtaxStore(options);
}
