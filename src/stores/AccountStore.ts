import { makeAutoObservable, runInAction } from 'mobx';
import type {
  AccountDetail,
  AccountListResponse,
  AccountLookupResponse,
  AccountView,
  RecentLogin,
} from '../../types/accounts';
import type { Channel } from '../../types/domain';
import type { SubscribeResults } from '../services/api';
import { errorMessage } from './errors';

export interface AccountDeps {
  api: {
    accountList(enterpriseId: string): Promise<AccountListResponse>;
    accountDetail(accountId: string): Promise<AccountDetail>;
    bindAccount(accountId: string, subscriptions: SubscribeResults): Promise<AccountDetail>;
    unbindAccount(accountId: string): Promise<AccountDetail>;
    setDefaults(accountId: string, channels: Channel[]): Promise<AccountListResponse>;
    deleteAccount(accountId: string): Promise<void>;
    unlockAccount(accountId: string): Promise<AccountDetail>;
    recentLogins(): Promise<RecentLogin[]>;
    lookupAccount(enterpriseId: string, account: string): Promise<AccountLookupResponse>;
  };
}

/**
 * F4–F8, F11, F14, F19: the e-tax accounts of each enterprise as the current user sees them (masked,
 * with what the user may do with each), one account's detail for 编辑, the actions on them, and my
 * recent logins. Every rule is the server's; this keeps its answers and the errors in its words.
 */
export class AccountStore {
  /** The 电子税局账号管理 list per enterprise id. */
  lists: Record<string, AccountListResponse> = {};
  listErrors: Record<string, string | null> = {};
  /** Accounts opened in 编辑, by id. */
  details: Record<string, AccountDetail> = {};
  detailErrors: Record<string, string | null> = {};

  /** The account an action is running on. */
  pendingId: string | null = null;
  /** Why the last action failed, in the server's words. */
  actionError: string | null = null;

  recentLogins: RecentLogin[] = [];
  recentLoaded = false;
  recentError: string | null = null;

  constructor(private readonly deps: AccountDeps) {
    makeAutoObservable<AccountStore, 'deps'>(this, { deps: false });
  }

  list(enterpriseId: string): AccountListResponse | undefined {
    return this.lists[enterpriseId];
  }

  /** The account as the lists and 编辑 know it. */
  account(accountId: string): AccountView | undefined {
    const detail = this.details[accountId];
    if (detail) return detail;
    for (const list of Object.values(this.lists)) {
      const found = list.accounts.find((a) => a.id === accountId);
      if (found) return found;
    }
    return undefined;
  }

  /** Fetches the enterprise's accounts; the current list stays on screen while it runs and if it fails. */
  async load(enterpriseId: string): Promise<void> {
    try {
      const list = await this.deps.api.accountList(enterpriseId);
      runInAction(() => {
        this.lists[enterpriseId] = list;
        this.listErrors[enterpriseId] = null;
      });
    } catch (error) {
      runInAction(() => {
        this.listErrors[enterpriseId] = errorMessage(error, '加载失败，请下拉刷新重试');
      });
    }
  }

  async loadDetail(accountId: string): Promise<void> {
    try {
      const detail = await this.deps.api.accountDetail(accountId);
      runInAction(() => {
        this.putDetail(detail);
        this.detailErrors[accountId] = null;
      });
    } catch (error) {
      runInAction(() => {
        this.detailErrors[accountId] = errorMessage(error, '加载失败，请稍后重试');
      });
    }
  }

  /** 绑定微信收登录通知 (F6), with the subscribe results of the same tap. */
  bind(accountId: string, subscriptions: SubscribeResults): Promise<boolean> {
    return this.run(accountId, async () => this.putDetail(await this.deps.api.bindAccount(accountId, subscriptions)));
  }

  /** 解绑 (F6). */
  unbind(accountId: string): Promise<boolean> {
    return this.run(accountId, async () => this.putDetail(await this.deps.api.unbindAccount(accountId)));
  }

  /** 设置默认账号 (F8): the channels this account becomes the default of ([] = 取消默认). */
  setDefaults(accountId: string, channels: Channel[]): Promise<boolean> {
    return this.run(accountId, async () => {
      const list = await this.deps.api.setDefaults(accountId, channels);
      runInAction(() => {
        this.lists[list.enterprise.id] = list;
        // Other accounts may have lost a default to this one: the detail follows the list.
        for (const view of list.accounts) {
          const detail = this.details[view.id];
          if (detail) this.details[view.id] = { ...detail, ...view };
        }
      });
    });
  }

  /** 删除 (F11). */
  remove(accountId: string): Promise<boolean> {
    return this.run(accountId, async () => {
      await this.deps.api.deleteAccount(accountId);
      runInAction(() => {
        delete this.details[accountId];
        for (const list of Object.values(this.lists)) {
          list.accounts = list.accounts.filter((a) => a.id !== accountId);
        }
      });
    });
  }

  /** 解锁 (F14). */
  unlock(accountId: string): Promise<boolean> {
    return this.run(accountId, async () => this.putDetail(await this.deps.api.unlockAccount(accountId)));
  }

  /** My last ≤ 10 successful logins (F19). */
  async loadRecentLogins(): Promise<void> {
    try {
      const logins = await this.deps.api.recentLogins();
      runInAction(() => {
        this.recentLogins = logins;
        this.recentLoaded = true;
        this.recentError = null;
      });
    } catch (error) {
      runInAction(() => {
        this.recentError = errorMessage(error, '最近登录加载失败');
      });
    }
  }

  /**
   * 新增账号 prefill (F5): what the bureau says the typed account is in the enterprise; null when it
   * cannot tell (the login itself then gives the bureau's reason).
   */
  async lookupAccount(enterpriseId: string, account: string): Promise<AccountLookupResponse | null> {
    try {
      return await this.deps.api.lookupAccount(enterpriseId, account);
    } catch {
      return null;
    }
  }

  clearActionError(): void {
    this.actionError = null;
  }

  private async run(accountId: string, action: () => Promise<void>): Promise<boolean> {
    if (this.pendingId) return false;
    this.pendingId = accountId;
    this.actionError = null;
    try {
      await action();
      runInAction(() => {
        this.pendingId = null;
      });
      return true;
    } catch (error) {
      runInAction(() => {
        this.actionError = errorMessage(error);
        this.pendingId = null;
      });
      return false;
    }
  }

  /** Keeps a fresh detail, and the same account in its enterprise's list. */
  private putDetail(detail: AccountDetail): void {
    this.details[detail.id] = detail;
    const list = this.lists[detail.enterprise.id];
    if (!list) return;
    const { enterprise: _e, enterpriseAccountCount: _n, ...view } = detail;
    list.accounts = list.accounts.map((a) => (a.id === detail.id ? view : a));
  }
}
