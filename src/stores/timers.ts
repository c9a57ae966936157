/**
 * The timers behind a flow's screens: the 获取验证码 countdown and the polling of a step that waits
 * for something outside (a scan, a hosted number's code, the related accounts). Each holds at most
 * one timer; starting again replaces it and `stop()` clears it.
 */

/** Seconds until `iso` (rounded up), seen from `now`; 0 when it is past or not a time. */
export function secondsUntil(iso: string | undefined, now: number): number {
  const at = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(at)) return 0;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Every timer running now. A countdown may run for minutes after the screen that started it (a
 * 激活码 wait lasts up to 10 minutes): whoever ends the whole app — a test, between tests — stops them.
 */
const liveTimers = new Set<{ stop(): void }>();

/** Stops every Countdown and Poller of the app. */
export function stopAllTimers(): void {
  for (const timer of [...liveTimers]) timer.stop();
}

/** Calls `tick` every `everyMs` (a second by default) until it answers false or it is stopped. */
export class Countdown {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly everyMs = 1000) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(tick: () => boolean): void {
    this.stop();
    liveTimers.add(this);
    this.timer = setInterval(() => {
      if (!tick()) this.stop();
    }, this.everyMs);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    liveTimers.delete(this);
  }
}

/** Runs `poll` once after `ms`; the store schedules the next one when the answer asks for it. */
export class Poller {
  private timer: ReturnType<typeof setTimeout> | null = null;

  get pending(): boolean {
    return this.timer !== null;
  }

  schedule(ms: number, poll: () => void): void {
    this.stop();
    liveTimers.add(this);
    this.timer = setTimeout(() => {
      this.timer = null;
      liveTimers.delete(this);
      poll();
    }, ms);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    liveTimers.delete(this);
  }
}
