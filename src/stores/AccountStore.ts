import { makeAutoObservable, runInAction } from 'mobx';
import type {
  AccountDetail,
  AccountListQuery,
  AccountListResponse,
  AccountLookupResponse,
  AccountView,
  RecentLogin,
} from '../../types/accounts';
import { ACCOUNT_PAGE_MAX, ACCOUNT_PAGE_SIZE } from '../../types/domain';
import type { Channel } from '../../types/domain';
import type { SubscribeResults } from '../services/api';
import { errorMessage } from './errors';
import type { ProveBiometric } from './SoterStore';
import type { SoterProof } from '../../types/soter';

/** Where a page of the list began: the cursor it was asked with, and how many accounts came before. */
interface PageStart {
  cursor: string;
  before: number;
}

/**
 * The requests that fetch the first `total` accounts again: from the top and from some of the pages'
 * starts, each asking for at most ACCOUNT_PAGE_MAX.
 */
export function refreshBlocks(starts: PageStart[], total: number): { cursor?: string; limit: number }[] {
  const blocks: { cursor?: string; before: number }[] = [{ before: 0 }];
  let candidate: PageStart | undefined;
  for (const start of [...starts, { cursor: '', before: total }]) {
    const from = blocks[blocks.length - 1].before;
    if (start.before - from > ACCOUNT_PAGE_MAX && candidate) blocks.push(candidate);
    candidate = start;
  }
  return blocks.map((b, i) => ({
    cursor: b.cursor,
    limit: Math.min(ACCOUNT_PAGE_MAX, (blocks[i + 1]?.before ?? total) - b.before),
  }));
}

export interface AccountDeps {
  api: {
    accountList(enterpriseId: string, query?: AccountListQuery): Promise<AccountListResponse>;
    accountDetail(accountId: string): Promise<AccountDetail>;
    bindAccount(accountId: string, subscriptions: SubscribeResults): Promise<AccountDetail>;
    unbindAccount(accountId: string): Promise<AccountDetail>;
    setDefaults(accountId: string, channels: Channel[]): Promise<AccountListResponse>;
    deleteAccount(accountId: string, soter?: SoterProof): Promise<void>;
    unlockAccount(accountId: string): Promise<AccountDetail>;
    recentLogins(): Promise<RecentLogin[]>;
    lookupAccount(enterpriseId: string, account: string): Promise<AccountLookupResponse>;
  };
  /** 指纹 / 面容 before deleting an account bound to someone else (SoterStore). */
  prove?: ProveBiometric;
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
  /** The 搜索 text each enterprise's list is filtered by ('' = none). */
  queries: Record<string, string> = {};
  /**
   * Where each page after the first began, per enterprise: the cursor it was asked with and how many
   * accounts came before it — what a refresh asks for again.
   */
  pageStarts: Record<string, PageStart[]> = {};
  /** A next page is being fetched, per enterprise. */
  loadingMore: Record<string, boolean> = {};
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

  /**
   * Fetches the first page of the enterprise's accounts (matching its 搜索); the current list stays
   * on screen while it runs and if it fails. An answer to an older 搜索 is dropped.
   */
  async load(enterpriseId: string): Promise<void> {
    const q = this.queries[enterpriseId] ?? '';
    try {
      const list = await this.deps.api.accountList(enterpriseId, { limit: ACCOUNT_PAGE_SIZE, q });
      runInAction(() => {
        if ((this.queries[enterpriseId] ?? '') !== q) return;
        this.lists[enterpriseId] = list;
        this.pageStarts[enterpriseId] = [];
        this.listErrors[enterpriseId] = null;
      });
    } catch (error) {
      runInAction(() => {
        this.listErrors[enterpriseId] = errorMessage(error, '加载失败，请下拉刷新重试');
      });
    }
  }

  /**
   * The accounts loaded so far, fetched again (back on the list from a page it opened): the list
   * keeps its length, so the user stays where they were. The pages are asked for in blocks of the
   * most one request may hold, all at once; the current list stays on screen while they run and
   * if one fails. A list that was complete takes the accounts added since at its end.
   */
  async refresh(enterpriseId: string): Promise<void> {
    const current = this.lists[enterpriseId];
    if (!current || current.accounts.length <= ACCOUNT_PAGE_SIZE) return this.load(enterpriseId);
    const q = this.queries[enterpriseId] ?? '';
    const blocks = refreshBlocks(this.pageStarts[enterpriseId] ?? [], current.accounts.length);
    try {
      const answers = await Promise.all(
        blocks.map((b) => this.deps.api.accountList(enterpriseId, { limit: b.limit, cursor: b.cursor, q })),
      );
      const complete = !current.nextCursor;
      const fresh = answers[answers.length - 1];
      runInAction(() => {
        // A new 搜索, a pull-down or another refresh replaced the list meanwhile: it wins.
        if (this.lists[enterpriseId] !== current) return;
        const seen = new Set<string>();
        // Blocks overlap when accounts were deleted meanwhile: each account once, in order.
        const accounts = answers.flatMap((a) => a.accounts).filter((a) => !seen.has(a.id) && seen.add(a.id));
        this.lists[enterpriseId] = { ...answers[0], accounts, nextCursor: fresh.nextCursor };
        this.listErrors[enterpriseId] = null;
      });
      if (complete && fresh.nextCursor) await this.loadMore(enterpriseId);
    } catch (error) {
      runInAction(() => {
        this.listErrors[enterpriseId] = errorMessage(error, '加载失败，请下拉刷新重试');
      });
    }
  }

  /** 搜索 by the account's last four characters, the whole account or the holder's 姓名. */
  search(enterpriseId: string, text: string): Promise<void> {
    this.queries[enterpriseId] = text.trim();
    return this.load(enterpriseId);
  }

  /** There are accounts after the ones loaded. */
  hasMore(enterpriseId: string): boolean {
    return Boolean(this.lists[enterpriseId]?.nextCursor);
  }

  /** The next page, appended (on reaching the bottom); nothing when all are loaded or one is on its way. */
  async loadMore(enterpriseId: string): Promise<void> {
    const current = this.lists[enterpriseId];
    if (!current?.nextCursor || this.loadingMore[enterpriseId]) return;
    const q = this.queries[enterpriseId] ?? '';
    const start = { cursor: current.nextCursor, before: current.accounts.length };
    this.loadingMore[enterpriseId] = true;
    try {
      const page = await this.deps.api.accountList(enterpriseId, { limit: ACCOUNT_PAGE_SIZE, cursor: start.cursor, q });
      runInAction(() => {
        // A refresh or a new 搜索 replaced the list meanwhile: this page belongs to the old one.
        if (this.lists[enterpriseId] !== current) return;
        this.pageStarts[enterpriseId] = [...(this.pageStarts[enterpriseId] ?? []), start];
        const known = new Set(current.accounts.map((a) => a.id));
        current.accounts.push(...page.accounts.filter((a) => !known.has(a.id)));
        current.nextCursor = page.nextCursor;
        this.listErrors[enterpriseId] = null;
      });
    } catch (error) {
      runInAction(() => {
        this.listErrors[enterpriseId] = errorMessage(error, '加载失败，请上拉重试');
      });
    } finally {
      runInAction(() => {
        this.loadingMore[enterpriseId] = false;
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
        // The answer is the whole list: only the loaded page(s) take its news, so the screen keeps
        // its length (and setData its size).
        const shown = this.lists[list.enterprise.id];
        if (shown) {
          const fresh = new Map(list.accounts.map((a) => [a.id, a]));
          shown.accounts = shown.accounts.map((a) => fresh.get(a.id) ?? a);
        }
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
      // Someone else's account (the admin's right): the admin's own finger or face first.
      const bound = this.details[accountId]?.bound ?? this.viewOf(accountId)?.bound;
      const soter = bound === 'other' && this.deps.prove ? await this.deps.prove('admin_delete') : undefined;
      await this.deps.api.deleteAccount(accountId, soter);
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

  private viewOf(accountId: string) {
    for (const list of Object.values(this.lists)) {
      const view = list.accounts.find((a) => a.id === accountId);
      if (view) return view;
    }
    return undefined;
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
