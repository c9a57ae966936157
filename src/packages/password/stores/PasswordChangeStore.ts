import { makeAutoObservable, runInAction } from 'mobx';
import type {
  NewPasswordBody,
  PasswordChangeState,
  PasswordItem,
  PasswordResetBody,
} from '../../../../types/passwords';
import { passwordPolicyError } from '../../../../types/validators';
import { codedError, type CodedError } from '../../../stores/errors';
import { Countdown, Poller, secondsUntil } from '../../../stores/timers';
import { useStores, type RootStore } from '../../../stores';
import type { ProveBiometric } from '../../../stores/SoterStore';
import type { PasswordApi } from '../../../services/api';

export interface PasswordDeps {
  api: PasswordApi;
  /** 指纹 / 面容 before 重置税局密码 (SoterStore). */
  prove?: ProveBiometric;
}

export type PasswordChangeError = CodedError;

/**
 * What the 修改密码 page shows: 身份认证 (证件), 验证码 — or 扫脸验证 where the region offers no SMS —,
 * 重置密码 (新密码), 更新关联账号 (progress), or the change ended before the bureau took a password.
 */
export type PasswordScreen = 'identity' | 'sms' | 'face' | 'password' | 'progress' | 'failed';

/** How often a change that waits for something (a hosted code, the related accounts) is asked about. */
export const PASSWORD_POLL_MS = 1500;

const SMS_CODE = /^\d{6}$/;
const HOSTED_TIMEOUT = 'hosted_timeout';

/**
 * F12 重置税局密码 and F13 已在税局修改，仅更新发票云: the password change kept on the server
 * (types/passwords.ts), the 获取验证码 countdown, the polling while a hosted number fetches its code or
 * the related accounts are updated, and 重试 of a failed one. One change at a time; `leave()` stops
 * the timers and forgets it. Passwords and 证件号码 pass through to the server and are never kept here.
 */
export class PasswordChangeStore {
  state: PasswordChangeState | null = null;
  /** Why the last call was refused (the bureau's words), or what a poll ran into. */
  error: PasswordChangeError | null = null;
  busy = false;
  /** The failed item being retried. */
  retryingId: string | null = null;
  /** Hosted numbers: the user has seen the code filled in and pressed 下一步. */
  codeAccepted = false;
  /** The holder was checked by 扫脸 instead of an SMS code (the region offers no SMS): kept for the steps after. */
  byFace = false;
  /** The clock the countdown reads; ticks every second while a countdown runs. */
  now = Date.now();

  private readonly pollTimer = new Poller();
  private readonly tickTimer = new Countdown();
  /** Bumped by leave(): answers of calls made before it are dropped. */
  private generation = 0;

  constructor(private readonly deps: PasswordDeps) {
    makeAutoObservable<PasswordChangeStore, 'deps' | 'pollTimer' | 'tickTimer' | 'generation'>(this, {
      deps: false,
      pollTimer: false,
      tickTimer: false,
      generation: false,
    });
  }

  get screen(): PasswordScreen {
    switch (this.state?.step) {
      case undefined:
        return 'identity';
      case 'sms':
        return 'sms';
      case 'face':
        return 'face';
      // A code filled in by the hosted number stays on screen until the user moves on (seed: 下一步).
      case 'password':
        return this.codeFilled && !this.codeAccepted ? 'sms' : 'password';
      case 'failed':
        return 'failed';
      default:
        return 'progress';
    }
  }

  get hosted(): boolean {
    return this.state?.sms?.hosted ?? false;
  }

  /** 获取验证码 was pressed: the code went to maskedPhone. */
  get codeSent(): boolean {
    return Boolean(this.state?.sms?.maskedPhone);
  }

  get codeFilled(): boolean {
    return this.state?.sms?.filled ?? false;
  }

  /** A hosted number is fetching the code it was sent (until it arrives or the wait times out). */
  get fetchingCode(): boolean {
    return this.state?.step === 'sms' && this.hosted && this.codeSent && this.error?.code !== HOSTED_TIMEOUT;
  }

  /** The face check is shown and waits for the holder in the 税务APP (not failed, not expired). */
  get faceWaiting(): boolean {
    const face = this.state?.step === 'face' ? this.state.face : undefined;
    return face !== undefined && (face.state === 'pending' || face.state === 'scanned');
  }

  /** Seconds until 获取验证码 may be pressed again; 0 when it may. */
  get resendSeconds(): number {
    return secondsUntil(this.state?.sms?.resendAt, this.now);
  }

  get items(): PasswordItem[] {
    return this.state?.items ?? [];
  }

  /** Every related account was tried: 确定 may close the page (failed ones can still be retried). */
  get finished(): boolean {
    return this.state?.step === 'done';
  }

  /** 重置税局密码, 身份认证 page's 下一步: the server checks the 证件 against the account's holder. */
  async startReset(accountId: string, body: PasswordResetBody): Promise<boolean> {
    const { prove } = this.deps;
    return this.begin(async () =>
      this.deps.api.startPasswordReset(accountId, prove ? { ...body, soter: await prove('reset_password') } : body),
    );
  }

  /** 已在税局修改，仅更新发票云: the bureau checks the password; a wrong one changes nothing. */
  async sync(accountId: string, password: string): Promise<boolean> {
    if (!password) {
      this.error = { code: 'validation_error', message: '请输入税局最新密码' };
      return false;
    }
    return this.begin(() => this.deps.api.syncPassword(accountId, password));
  }

  /** 获取验证码 (again once the countdown is over); hosted numbers then fetch and fill the code. */
  sendCode(): Promise<void> {
    if (this.resendSeconds > 0 || this.fetchingCode) return Promise.resolve();
    return this.act((id) => this.deps.api.sendResetCode(id));
  }

  /** 开始扫脸验证, and 重新验证 after a failed or expired face check. */
  startFace(): Promise<void> {
    return this.act((id) => this.deps.api.startResetFace(id));
  }

  /** 下一步 on the 验证码 page. */
  submitCode(code: string): Promise<void> {
    if (this.screen === 'sms' && this.state?.step === 'password') {
      this.codeAccepted = true;
      return Promise.resolve();
    }
    const trimmed = code.trim();
    if (!this.codeSent) return this.refuse('code_not_sent', '请先获取验证码');
    if (!SMS_CODE.test(trimmed)) return this.refuse('validation_error', '请输入6位数字验证码');
    return this.act((id) => this.deps.api.submitResetCode(id, trimmed));
  }

  /** 确定 on the 重置密码 page: the bureau's policy and the confirmation are checked first. */
  setPassword(body: NewPasswordBody): Promise<void> {
    const policy = passwordPolicyError(body.newPassword);
    if (policy) return this.refuse('validation_error', policy);
    if (body.confirmPassword !== body.newPassword) return this.refuse('validation_error', '两次输入的密码不一致');
    return this.act((id) => this.deps.api.setNewPassword(id, body));
  }

  /** 重试 of one related account that failed; what is already done stays done. */
  async retry(accountId: string): Promise<void> {
    const changeId = this.state?.changeId;
    if (!changeId || this.retryingId) return;
    const generation = this.generation;
    this.retryingId = accountId;
    this.error = null;
    try {
      const state = await this.deps.api.retryPasswordItem(changeId, accountId);
      if (generation !== this.generation) return;
      runInAction(() => {
        this.retryingId = null;
        this.apply(state);
      });
    } catch (error) {
      runInAction(() => {
        if (generation !== this.generation) return;
        this.retryingId = null;
        this.error = codedError(error);
      });
    }
  }

  /** After the change ended (expired, or the bureau closed it): back to the first page. */
  restart(): void {
    this.leave();
  }

  clearError(): void {
    this.error = null;
  }

  /** The page is left: timers stop and nothing of the change is kept. */
  leave(): void {
    this.generation++;
    this.stopTimers();
    this.state = null;
    this.error = null;
    this.busy = false;
    this.retryingId = null;
    this.codeAccepted = false;
    this.byFace = false;
  }

  /** Starts a change; false when the server refused it (`error` says why). */
  private async begin(call: () => Promise<PasswordChangeState>): Promise<boolean> {
    if (this.busy) return false;
    this.leave();
    const generation = this.generation;
    this.busy = true;
    try {
      const state = await call();
      if (generation !== this.generation) return false;
      runInAction(() => {
        this.busy = false;
        this.apply(state);
      });
      return true;
    } catch (error) {
      runInAction(() => {
        if (generation !== this.generation) return;
        this.busy = false;
        this.error = codedError(error);
      });
      return false;
    }
  }

  /** Runs one user action on the current change. */
  private async act(call: (changeId: string) => Promise<PasswordChangeState>): Promise<void> {
    const changeId = this.state?.changeId;
    if (!changeId || this.busy) return;
    const generation = this.generation;
    this.busy = true;
    this.error = null;
    try {
      const state = await call(changeId);
      if (generation !== this.generation) return;
      runInAction(() => {
        this.busy = false;
        this.apply(state);
      });
    } catch (error) {
      const refused = codedError(error);
      // Most refusals leave the step as it was (a wrong code); a closed bureau flow ends the change:
      // the stored state says which.
      const now = await this.deps.api.passwordChange(changeId).catch(() => null);
      if (generation !== this.generation) return;
      runInAction(() => {
        this.busy = false;
        if (now) this.apply(now);
        this.error = now?.step === 'failed' && now.error ? now.error : refused;
      });
    }
  }

  private refuse(code: string, message: string): Promise<void> {
    this.error = { code, message };
    return Promise.resolve();
  }

  private apply(state: PasswordChangeState): void {
    this.state = state;
    if (state.step === 'face') this.byFace = true;
    this.error = state.error ?? null;
    this.now = Date.now();
    this.stopTimers();
    if (this.resendSeconds > 0) this.startCountdown();
    if (this.fetchingCode || this.faceWaiting || state.step === 'updating') this.schedulePoll();
  }

  private schedulePoll(): void {
    const generation = this.generation;
    this.pollTimer.schedule(PASSWORD_POLL_MS, async () => {
      const changeId = this.state?.changeId;
      if (!changeId || generation !== this.generation) return;
      let state: PasswordChangeState | null = null;
      try {
        state = await this.deps.api.passwordChange(changeId);
      } catch (error) {
        // A dropped poll is tried again; the page stays as it is with what went wrong.
        runInAction(() => {
          if (generation === this.generation) this.error = codedError(error);
        });
      }
      if (generation !== this.generation || this.busy || this.retryingId) return;
      runInAction(() => {
        if (state) this.apply(state);
        else this.schedulePoll();
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

/**
 * The password pages' store, made on first use beside the app's RootStore (RootStore.ownStore): its
 * code ships with this subpackage alone, not in the main package.
 */
export function passwordsOf(root: RootStore): PasswordChangeStore {
  return root.ownStore(PasswordChangeStore, () => new PasswordChangeStore({ api: root.api, prove: root.soter.prove }));
}

export function usePasswords(): PasswordChangeStore {
  return passwordsOf(useStores());
}
