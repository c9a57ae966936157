import { makeAutoObservable, runInAction } from 'mobx';
import type { LoginRequestPurpose, LoginRequestView } from '../../../../types/requests';
import { ApiError } from '../../../services/api';
import { errorMessage, type FlowStore } from '../../../stores';
import { Countdown } from '../../../stores/timers';

/** How the page's last flow ended. */
export type FlowEnd = 'done' | 'failed';

/** Where a page reads its request: my 登录通知 (signed in) or the browser link. */
export interface RequestSource {
  /**
   * The request as it stands; rejects as the API does (404, 410 …). `after` says how the page's
   * flow just ended, when that is why it is read again.
   */
  load(after?: FlowEnd): Promise<LoginRequestView>;
}

export interface RequestProblem {
  /** HTTP status; 0 when no answer came. */
  status: number;
  code: string;
  message: string;
}

export type RequestPhase = 'loading' | 'unavailable' | LoginRequestView['status'];

/** How often the time left is brought up to date (minutes are shown). */
export const CLOCK_MS = 15_000;

/**
 * A login request open on a page (F15, F18): what it asks, the flow that answers it, and what
 * follows — read it again when the flow ends: done, or (a 认证 request that needed a login first)
 * on with the 认证. Knows nothing of where the request comes from (RequestSource) nor which routes
 * drive the flow (the FlowStore's driver).
 */
export class OpenRequest {
  view: LoginRequestView | null = null;
  /** Why the request cannot be shown, or why reading it again failed. */
  problem: RequestProblem | null = null;
  /** A login on this page succeeded (a 认证 request then goes on with its 认证). */
  loggedInHere = false;
  now = Date.now();

  private readonly clock = new Countdown(CLOCK_MS);

  constructor(private readonly deps: { source: RequestSource; flow: FlowStore }) {
    makeAutoObservable<OpenRequest, 'deps' | 'clock'>(this, { deps: false, clock: false });
  }

  get phase(): RequestPhase {
    if (this.view) return this.view.status;
    return this.problem ? 'unavailable' : 'loading';
  }

  /** What starting now does: 登录 (SMS code or QR) or 认证 (the face QR). */
  get next(): LoginRequestPurpose | null {
    return this.view?.status === 'pending' ? (this.view.next ?? this.view.purpose) : null;
  }

  /** Milliseconds until a pending request expires. */
  get msLeft(): number {
    return this.view ? Math.max(0, Date.parse(this.view.expiresAt) - this.now) : 0;
  }

  async load(after?: FlowEnd): Promise<void> {
    try {
      const view = await this.deps.source.load(after);
      runInAction(() => {
        this.view = view;
        this.problem = null;
        this.now = Date.now();
      });
    } catch (error) {
      runInAction(() => {
        this.problem = toProblem(error);
        // Not found, or gone (410): nothing of the request stays on screen. A dropped call keeps it.
        if (this.problem.status === 404 || this.problem.status === 410) this.view = null;
      });
    }
  }

  /** 登录 (`password`: the SMS code) or 扫码登录 (`qr`); 认证 is always the face QR. */
  async start(method: 'password' | 'qr'): Promise<void> {
    const view = this.view;
    if (!view || view.status !== 'pending') return;
    const started = await this.deps.flow.start({
      kind: 'request',
      requestId: view.id,
      body: { method: this.next === 'auth' ? 'qr' : method, qrApp: 'tax' },
    });
    // Refused: the request may have ended meanwhile (done elsewhere, expired); show how it stands.
    if (!started) await this.load();
  }

  /** The page's flow ended: read the request again; after a login, a 认证 request goes on with 认证. */
  async flowEnded(end: FlowEnd): Promise<void> {
    // What the flow that ended was for: only a login leads on to the 认证.
    const ended = this.next;
    await this.load(end);
    if (end !== 'done' || ended !== 'login') return;
    runInAction(() => {
      this.loggedInHere = true;
    });
    if (this.next === 'auth') await this.start('qr');
  }

  /** Keeps the time left current while the page shows; an expiry is confirmed by the server. */
  startClock(): void {
    this.clock.start(() => {
      runInAction(() => {
        this.now = Date.now();
      });
      if (this.view?.status === 'pending' && this.msLeft === 0) this.load();
      return true;
    });
  }

  stopClock(): void {
    this.clock.stop();
  }
}

function toProblem(error: unknown): RequestProblem {
  if (error instanceof ApiError)
    return { status: error.status, code: String(error.code), message: errorMessage(error) };
  return { status: 0, code: 'unknown', message: errorMessage(error) };
}
