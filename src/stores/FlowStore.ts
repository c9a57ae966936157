import { makeAutoObservable, runInAction } from 'mobx';
import type { AccountFlowBody, AddAccountBody, FlowState, FlowStep } from '../../types/accounts';
import type { AdminFlowBody } from '../../types/admin';
import type { QrApp } from '../../types/domain';
import type { RequestFlowBody } from '../../types/requests';
import { codedError, type CodedError } from './errors';
import { Countdown, Poller, secondsUntil } from './timers';
import type { ProveBiometric } from './SoterStore';

/**
 * The server calls of a flow. Signed in, the app API's flow routes (ApiClient); a browser link
 * drives its request's flows through the link routes with its token instead, and starts nothing
 * else (packages/notify linkFlowDriver).
 */
export interface FlowDriver {
  startAddAccount(enterpriseId: string, body: AddAccountBody): Promise<FlowState>;
  startAccountFlow(accountId: string, body: AccountFlowBody): Promise<FlowState>;
  startAdminFlow(enterpriseId: string, body: AdminFlowBody): Promise<FlowState>;
  startRequestFlow(requestId: string, body: RequestFlowBody): Promise<FlowState>;
  flow(flowId: string): Promise<FlowState>;
  submitSmsCode(flowId: string, code: string): Promise<FlowState>;
  resendSmsCode(flowId: string): Promise<FlowState>;
  answerRealName(flowId: string, confirm: boolean): Promise<FlowState>;
  answerAgreement(flowId: string, sign: boolean): Promise<FlowState>;
  refreshQr(flowId: string, app?: QrApp): Promise<FlowState>;
  cancelFlow(flowId: string): Promise<void>;
}

export interface FlowDeps {
  api: FlowDriver;
  /** 指纹 / 面容 before 更换微信 and 申请数电配置管理员 (SoterStore). */
  prove?: ProveBiometric;
}

/**
 * What starts a flow: 新增账号, 登录 / 认证 / 更换微信 of an account, 申请绑定 数电配置管理员, or what a
 * 登录通知 asks for (types/requests.ts).
 */
export type FlowStart =
  | { kind: 'add'; enterpriseId: string; body: AddAccountBody }
  | { kind: 'account'; accountId: string; body: AccountFlowBody }
  | { kind: 'admin'; enterpriseId: string; body: AdminFlowBody }
  | { kind: 'request'; requestId: string; body: RequestFlowBody };

export type FlowError = CodedError;

/** How often a step that waits for something outside is asked about (PRODUCT.md: within a couple of seconds). */
export const POLL_MS: Partial<Record<FlowStep, number>> = { hosted_wait: 1500, qr: 2000, face: 2000 };

const SMS_CODE = /^\d{6}$/;

/**
 * The bureau flow on screen (types/accounts.ts): its step, the bureau's words when a call was
 * refused, the 获取验证码 countdown, and the polling of steps that wait for a scan or a hosted
 * number. One flow at a time; `leave()` stops its timers and cancels it on the server. The
 * password that starts a flow passes through and is never kept here.
 */
export class FlowStore {
  state: FlowState | null = null;
  error: FlowError | null = null;
  busy = false;
  /** The clock the countdown reads; ticks every second while a countdown runs. */
  now = Date.now();

  private readonly pollTimer = new Poller();
  private readonly tickTimer = new Countdown();
  /** Bumped by leave(): answers of calls made before it are dropped. */
  private generation = 0;
  /**
   * The page whose flow this is. The store outlives pages, and a page may be unloaded after the
   * next one showed (exit animations; a 登录通知 opened while the app is in memory): only the owner's
   * leaving ends the flow, and only the owner shows it.
   */
  private owner: number | null = null;

  constructor(private readonly deps: FlowDeps) {
    makeAutoObservable<FlowStore, 'deps' | 'pollTimer' | 'tickTimer' | 'generation'>(this, {
      deps: false,
      pollTimer: false,
      tickTimer: false,
      generation: false,
    });
  }

  get step(): FlowStep | null {
    return this.state?.step ?? null;
  }

  /** A flow is under way: its steps are on screen instead of the form. */
  get active(): boolean {
    return this.step !== null && this.step !== 'done' && this.step !== 'failed';
  }

  /** Seconds until 获取验证码 may be pressed again; 0 when it may. */
  get resendSeconds(): number {
    return secondsUntil(this.state?.sms?.resendAt, this.now);
  }

  get qrExpired(): boolean {
    const qr = this.state?.qr;
    return qr !== undefined && (qr.state === 'expired' || Date.parse(qr.expiresAt) <= this.now);
  }

  /** Starts a flow; false when the server refused it (`error` says why, in the bureau's words). */
  async start(start: FlowStart): Promise<boolean> {
    if (this.busy) return false;
    this.stopTimers();
    const generation = ++this.generation;
    this.state = null;
    this.error = null;
    this.busy = true;
    try {
      const state = await this.begin(start);
      if (generation !== this.generation) return false;
      runInAction(() => {
        this.busy = false;
        this.apply(state);
      });
      return true;
    } catch (error) {
      runInAction(() => {
        this.busy = false;
        if (generation === this.generation) this.error = codedError(error);
      });
      return false;
    }
  }

  /** 登录 on the SMS step; a code that is not 6 digits is refused here. */
  submitSms(code: string): Promise<void> {
    const trimmed = code.trim();
    if (!SMS_CODE.test(trimmed)) {
      this.error = { code: 'validation_error', message: '请输入6位数字验证码' };
      return Promise.resolve();
    }
    return this.act((id) => this.deps.api.submitSmsCode(id, trimmed));
  }

  /** 获取验证码 again, once the countdown is over. */
  resendSms(): Promise<void> {
    if (this.resendSeconds > 0) return Promise.resolve();
    return this.act((id) => this.deps.api.resendSmsCode(id));
  }

  /** 实名 screen: 确认 runs the check, 取消 fails the login. */
  answerRealName(confirm: boolean): Promise<void> {
    return this.act((id) => this.deps.api.answerRealName(id, confirm));
  }

  /** Agreement dialog: 确认 signs it. */
  answerAgreement(sign: boolean): Promise<void> {
    return this.act((id) => this.deps.api.answerAgreement(id, sign));
  }

  /** 刷新二维码, or a QR for the other app. */
  refreshQr(app?: QrApp): Promise<void> {
    return this.act((id) => this.deps.api.refreshQr(id, app));
  }

  /** A page shows: the flow becomes its own; another page's flow still on the store ends. */
  enter(owner: number): void {
    if (this.owner === owner) return;
    this.leave();
    this.owner = owner;
  }

  /** Whether the flow on the store is this page's. */
  ownedBy(owner: number): boolean {
    return this.owner === owner;
  }

  /**
   * The page is left: timers stop, a flow still under way is cancelled on the server (best effort),
   * and nothing of it is kept. With `owner`, only when the flow is that page's.
   */
  leave(owner?: number): void {
    if (owner !== undefined && owner !== this.owner) return;
    this.owner = null;
    const running = this.active ? this.state?.flowId : undefined;
    this.generation++;
    this.stopTimers();
    this.state = null;
    this.error = null;
    this.busy = false;
    if (running) this.deps.api.cancelFlow(running).catch(() => undefined);
  }

  clearError(): void {
    this.error = null;
  }

  private async begin(start: FlowStart): Promise<FlowState> {
    const { api, prove } = this.deps;
    switch (start.kind) {
      case 'add':
        return api.startAddAccount(start.enterpriseId, start.body);
      case 'account':
        if (start.body.purpose === 'change_wechat' && prove) {
          return api.startAccountFlow(start.accountId, { ...start.body, soter: await prove('change_wechat') });
        }
        return api.startAccountFlow(start.accountId, start.body);
      case 'admin':
        if (prove) return api.startAdminFlow(start.enterpriseId, { ...start.body, soter: await prove('become_admin') });
        return api.startAdminFlow(start.enterpriseId, start.body);
      case 'request':
        return api.startRequestFlow(start.requestId, start.body);
    }
  }

  /** Runs one user action on the current flow. */
  private async act(call: (flowId: string) => Promise<FlowState>): Promise<void> {
    const flowId = this.state?.flowId;
    if (!flowId || this.busy || !this.active) return;
    const generation = this.generation;
    this.busy = true;
    this.error = null;
    try {
      const state = await call(flowId);
      if (generation !== this.generation) return;
      runInAction(() => {
        this.busy = false;
        this.apply(state);
      });
    } catch (error) {
      const refused = codedError(error);
      // Some refusals end the flow on the server (a wrong password), others leave it where it was
      // (a wrong code): its stored state says which.
      const now = await this.deps.api.flow(flowId).catch(() => null);
      if (generation !== this.generation) return;
      runInAction(() => {
        this.busy = false;
        if (now) this.apply(now);
        this.error = now?.step === 'failed' && now.error ? now.error : refused;
      });
    }
  }

  private apply(state: FlowState): void {
    this.state = state;
    // A step may carry passing trouble (a poll that could not reach the bureau) or, failed, the reason.
    this.error = state.error ?? null;
    this.now = Date.now();
    this.stopTimers();
    if (this.resendSeconds > 0) this.startCountdown();
    const interval = POLL_MS[state.step];
    if (interval !== undefined && !this.qrExpired) this.schedulePoll(interval);
  }

  private schedulePoll(interval: number): void {
    const generation = this.generation;
    this.pollTimer.schedule(interval, async () => {
      const flowId = this.state?.flowId;
      if (!flowId || generation !== this.generation) return;
      let state: FlowState | null = null;
      try {
        state = await this.deps.api.flow(flowId);
      } catch (error) {
        // A dropped poll is tried again; the step stays on screen with what went wrong.
        runInAction(() => {
          if (generation === this.generation) this.error = codedError(error);
        });
      }
      if (generation !== this.generation || this.busy) return;
      runInAction(() => {
        if (state) this.apply(state);
        else this.schedulePoll(interval);
      });
    });
  }

  private startCountdown(): void {
    this.tickTimer.start(() => {
      runInAction(() => {
        this.now = Date.now();
      });
      return this.resendSeconds > 0;
    });
  }

  private stopTimers(): void {
    this.pollTimer.stop();
    this.tickTimer.stop();
  }
}
