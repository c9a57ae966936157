import { makeAutoObservable, runInAction } from 'mobx';
import type { LoginResponse } from '../../types/api';
import type { HeadStart } from '../services/headStart';
import type { Platform } from '../services/platform';
import { storedSessionOf, tokenUsable, type StoredSession } from '../services/session';
import { StorageKeys, type KeyValueStorage } from '../services/storage';
import { errorMessage } from './errors';

export type SessionStatus = 'signedOut' | 'signingIn' | 'signedIn' | 'failed';

export interface SessionDeps {
  api: { login(code: string): Promise<LoginResponse>; logout(): Promise<void> };
  platform: Platform;
  storage: KeyValueStorage;
  now?: () => number;
  /** Every successful sign-in's answer, which carries 个人中心's data: the stores take theirs from it. */
  onSignedIn?: (response: LoginResponse) => void;
  /** Browser build: the sign-in boot.ts started before the app's script arrived (services/headStart.ts). */
  takeHeadStart?: () => HeadStart | null;
}

/** F1: the session token, and signing in (again) through the platform's login code. */
export class SessionStore {
  session: StoredSession | null = null;
  status: SessionStatus = 'signedOut';
  error: string | null = null;
  /** Browser build: the simulated-user picker is waiting for a name. */
  userPickerOpen = false;

  private signingIn: Promise<void> | null = null;
  private userPickerAnswer: ((name: string) => void) | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: SessionDeps) {
    this.now = deps.now ?? Date.now;
    makeAutoObservable<SessionStore, 'deps' | 'signingIn' | 'userPickerAnswer' | 'now'>(this, {
      deps: false,
      signingIn: false,
      userPickerAnswer: false,
      now: false,
    });
    this.restore();
  }

  get isSignedIn(): boolean {
    return this.validToken() !== null;
  }

  get userId(): string | null {
    return this.session?.userId ?? null;
  }

  /** The browser build's simulated WeChat user, if one is chosen. */
  get simulatedUserName(): string | null {
    return this.status === 'signedIn' ? (this.deps.platform.simulatedUser?.current() ?? null) : null;
  }

  /** The token to send, or null when there is none or it has expired. */
  validToken(): string | null {
    const session = this.session;
    if (!session || !tokenUsable(session, this.now())) return null;
    return session.token;
  }

  /**
   * Signs in through the platform (wx.login or the sandbox) and the server. Concurrent callers
   * share one attempt: a burst of 401s must not run wx.login several times.
   */
  signIn(): Promise<void> {
    if (!this.signingIn) {
      this.signingIn = this.runSignIn().finally(() => {
        this.signingIn = null;
      });
    }
    return this.signingIn;
  }

  async ensureSignedIn(): Promise<void> {
    if (!this.validToken()) await this.signIn();
  }

  /**
   * For a first load: waits for the sign-in under way, or signs in when there is no valid token.
   * True when it did — that sign-in's answer brought 个人中心's data (onSignedIn), so the data need not
   * be asked for once more, one round trip later. False with a valid token and nothing under way.
   */
  async signedInNow(): Promise<boolean> {
    if (!this.signingIn && this.validToken()) return false;
    await this.signIn();
    return true;
  }

  /** Revokes the token on the server (best effort) and forgets it here. */
  async signOut(): Promise<void> {
    try {
      await this.deps.api.logout();
    } catch {
      // The token is dropped locally either way; an unreachable server must not keep the user in.
    }
    this.forget();
  }

  /** Browser build: become another simulated WeChat user. */
  async switchSimulatedUser(): Promise<void> {
    await this.signOut();
    this.deps.platform.simulatedUser?.forget();
    await this.signIn();
  }

  /** Browser build: the platform layer asks which simulated user to be; the picker answers. */
  askForSimulatedUser(): Promise<string> {
    this.userPickerOpen = true;
    return new Promise<string>((resolve) => {
      this.userPickerAnswer = resolve;
    });
  }

  chooseSimulatedUser(name: string): void {
    const answer = this.userPickerAnswer;
    this.userPickerAnswer = null;
    this.userPickerOpen = false;
    answer?.(name);
  }

  private async runSignIn(): Promise<void> {
    this.status = 'signingIn';
    this.error = null;
    try {
      const response = (await this.headStartAnswer()) ?? (await this.deps.api.login(await this.deps.platform.login()));
      runInAction(() => {
        this.session = {
          token: response.token,
          expiresAt: response.expiresAt,
          userId: response.user.id,
          userKey: this.deps.platform.userKey(),
        };
        this.status = 'signedIn';
        this.deps.storage.set(StorageKeys.session, this.session);
        this.deps.onSignedIn?.(response);
      });
    } catch (error) {
      runInAction(() => {
        this.session = null;
        this.status = 'failed';
        this.error = errorMessage(error, '登录失败，请稍后重试');
        this.deps.storage.remove(StorageKeys.session);
      });
      throw error;
    }
  }

  /** The answer of the head start's sign-in, when it signed in as this user; null to sign in here. */
  private async headStartAnswer(): Promise<LoginResponse | null> {
    const headStart = this.deps.takeHeadStart?.();
    if (!headStart || headStart.userKey !== this.deps.platform.userKey()) return null;
    // A failed one is tried once more here, as any first sign-in would be.
    return headStart.response.catch(() => null);
  }

  private restore(): void {
    const stored = this.deps.storage.get<StoredSession>(StorageKeys.session);
    if (!stored || typeof stored.token !== 'string') return;
    // A different simulated user (e.g. a new ?wxuser=) must not inherit the previous one's session.
    const session = storedSessionOf(stored, this.deps.platform.userKey());
    if (!session) {
      this.deps.storage.remove(StorageKeys.session);
      return;
    }
    this.session = session;
    if (this.validToken()) this.status = 'signedIn';
  }

  private forget(): void {
    this.session = null;
    this.status = 'signedOut';
    this.deps.storage.remove(StorageKeys.session);
  }
}
