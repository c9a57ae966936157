import { makeAutoObservable, runInAction } from 'mobx';
import type { JoinTenantBody, MyTenantsResponse, TenantSummary } from '../../types/api';
import { ApiError } from '../services/api';
import { errorMessage, waitText } from './errors';
import { Countdown } from './timers';

export interface TenantDeps {
  api: {
    myTenants(): Promise<MyTenantsResponse>;
    joinTenant(body: JoinTenantBody): Promise<TenantSummary>;
    leaveTenant(tenantId: string): Promise<void>;
    unbindEnterprise(enterpriseId: string): Promise<void>;
  };
  /** A sign-in brings my tenants with it (receive): a load that had to wait for one asks no more. */
  session?: { signedInNow(): Promise<boolean> };
}

/** F2/F3: the tenants I belong to, joining one by its 激活码 and leaving one. */
export class TenantStore {
  tenants: TenantSummary[] = [];
  /** The list has been fetched at least once (so an empty list means "none", not "not yet"). */
  loaded = false;
  loading = false;
  loadError: string | null = null;

  joining = false;
  /** Why the last 激活码 was refused, shown under the field. */
  joinError: string | null = null;
  /** When the server lets me try a 激活码 again, after a 429 (epoch ms); null when not limited. */
  joinRetryAt: number | null = null;
  /** The clock the wait reads; ticks every second while it runs. */
  now = Date.now();
  private readonly joinClock = new Countdown();

  /** The tenant being left, while the call runs. */
  leavingId: string | null = null;
  leaveError: string | null = null;

  /** The enterprise whose accounts are being unbound from me (F2 解绑), while the call runs. */
  unbindingId: string | null = null;

  private loadingRequest: Promise<void> | null = null;
  /** A load has run (the first one takes the list a sign-in brought before it, if any). */
  private loadedBefore = false;

  constructor(private readonly deps: TenantDeps) {
    makeAutoObservable<TenantStore, 'deps' | 'loadingRequest' | 'loadedBefore' | 'joinClock'>(this, {
      deps: false,
      loadingRequest: false,
      loadedBefore: false,
      joinClock: false,
    });
  }

  get isEmpty(): boolean {
    return this.loaded && this.tenants.length === 0;
  }

  /** Fetches my tenants; the current list stays on screen while it runs and if it fails. */
  load(): Promise<void> {
    if (!this.loadingRequest) {
      this.loadingRequest = this.fetchTenants().finally(() => {
        this.loadingRequest = null;
      });
    }
    return this.loadingRequest;
  }

  /** My tenants as the sign-in's answer brought them (个人中心 without a second round trip). */
  receive(tenants: TenantSummary[]): void {
    this.tenants = tenants;
    this.loaded = true;
    this.loadError = null;
  }

  /** Joins the tenant of this 激活码; true on success, else joinError says why. */
  async join(activationCode: string): Promise<boolean> {
    if (this.joining || this.joinWaitSeconds > 0) return false;
    const code = activationCode.trim();
    if (!code) {
      this.joinError = '请输入激活码';
      return false;
    }
    this.joining = true;
    this.joinError = null;
    try {
      const tenant = await this.deps.api.joinTenant({ activationCode: code });
      runInAction(() => {
        this.tenants = [...this.tenants.filter((t) => t.id !== tenant.id), tenant];
        this.joining = false;
      });
      return true;
    } catch (error) {
      runInAction(() => {
        this.joinError = errorMessage(error, '添加失败，请稍后重试');
        this.joining = false;
        if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
          this.waitToJoin(error.retryAfterSeconds);
        }
      });
      return false;
    }
  }

  /** Seconds until a 激活码 may be tried again; 0 when it may now. */
  get joinWaitSeconds(): number {
    return this.joinRetryAt === null ? 0 : Math.max(0, Math.ceil((this.joinRetryAt - this.now) / 1000));
  }

  /** What to show under the field: the live wait while limited, else why the last code was refused. */
  get joinMessage(): string | null {
    const wait = this.joinWaitSeconds;
    return wait > 0 ? `尝试次数过多，请 ${waitText(wait)}后再试` : this.joinError;
  }

  /** The server refused with 429: 确认 waits, counting down, until it says a try is allowed again. */
  private waitToJoin(seconds: number): void {
    this.now = Date.now();
    this.joinRetryAt = this.now + seconds * 1000;
    this.joinClock.start(() =>
      runInAction(() => {
        this.now = Date.now();
        if (this.joinWaitSeconds > 0) return true;
        this.joinRetryAt = null;
        this.joinError = null;
        return false;
      }),
    );
  }

  /** My accounts that need me (已掉线, 即将到期), over all my tenants (issue 14). */
  get needingCount(): number {
    return this.tenants.reduce((n, t) => n + t.enterprises.reduce((m, e) => m + (e.myNeedingCount ?? 0), 0), 0);
  }

  /** The first enterprise where one of my accounts needs me: where the 个人中心 row leads. */
  get firstNeedingEnterpriseId(): string | undefined {
    return this.tenants.flatMap((t) => t.enterprises).find((e) => (e.myNeedingCount ?? 0) > 0)?.id;
  }

  clearJoinError(): void {
    this.joinError = null;
  }

  /**
   * What the 解绑 confirmation says ends with the tenant (the server ends it): my bindings of its
   * accounts and my 数电配置管理员 roles in its enterprises.
   */
  leaveWarning(tenantId: string): string {
    const tenant = this.tenants.find((t) => t.id === tenantId);
    if (!tenant) return '';
    const bound = tenant.enterprises.reduce((n, e) => n + e.myBoundCount, 0);
    const admin = tenant.enterprises.filter((e) => e.admin.state === 'me').length;
    const ends = [
      bound > 0 ? `你在该租户绑定的 ${bound} 个账号将解绑` : '',
      admin > 0 ? `你将不再是 ${admin} 家企业的数电配置管理员（重新加入后需重新申请）` : '',
    ].filter(Boolean);
    const lead = ends.length > 0 ? `${ends.join('，')}。` : '';
    return `${lead}解绑后，将无法通过微信管理“${tenant.name}”下企业的电子税局账号。`;
  }

  /** Leaves the tenant; true on success, else leaveError says why. */
  async leave(tenantId: string): Promise<boolean> {
    if (this.leavingId) return false;
    this.leavingId = tenantId;
    this.leaveError = null;
    try {
      await this.deps.api.leaveTenant(tenantId);
      runInAction(() => {
        this.tenants = this.tenants.filter((t) => t.id !== tenantId);
        this.leavingId = null;
      });
      return true;
    } catch (error) {
      runInAction(() => {
        this.leaveError = errorMessage(error, '解绑失败，请稍后重试');
        this.leavingId = null;
      });
      return false;
    }
  }

  /**
   * F2 解绑: unbinds every account of the enterprise bound to me. Returns the error to show, or null.
   * The list is fetched again afterwards: the counts are the server's.
   */
  async unbindEnterprise(enterpriseId: string): Promise<string | null> {
    if (this.unbindingId) return null;
    this.unbindingId = enterpriseId;
    try {
      await this.deps.api.unbindEnterprise(enterpriseId);
      runInAction(() => {
        for (const enterprise of this.tenants.flatMap((t) => t.enterprises)) {
          if (enterprise.id === enterpriseId) enterprise.myBoundCount = 0;
        }
        this.unbindingId = null;
      });
      await this.load();
      return null;
    } catch (error) {
      runInAction(() => {
        this.unbindingId = null;
      });
      return errorMessage(error, '解绑失败，请稍后重试');
    }
  }

  private async fetchTenants(): Promise<void> {
    this.loading = true;
    this.loadError = null;
    const first = !this.loadedBefore;
    this.loadedBefore = true;
    try {
      // A sign-in brought the list: the one this load waited for, or one that ended before the
      // first load asked (the browser build's head start, services/headStart.ts).
      if ((await this.deps.session?.signedInNow()) || (first && this.loaded)) {
        runInAction(() => {
          this.loading = false;
        });
        return;
      }
      const { tenants } = await this.deps.api.myTenants();
      runInAction(() => {
        this.receive(tenants);
        this.loading = false;
      });
    } catch (error) {
      runInAction(() => {
        this.loadError = errorMessage(error, '加载失败，请下拉刷新重试');
        this.loading = false;
      });
    }
  }
}
