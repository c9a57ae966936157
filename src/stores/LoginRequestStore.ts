import { makeAutoObservable, runInAction } from 'mobx';
import type { LoginRequestView } from '../../types/requests';
import type { LoginRequestsApi } from '../services/api';
import { errorMessage } from './errors';

export interface LoginRequestDeps {
  api: Pick<LoginRequestsApi, 'loginRequests' | 'loginRequest'>;
  /** A sign-in brings my pending requests with it (receive): a load that had to wait for one asks no more. */
  session?: { signedInNow(): Promise<boolean> };
}

const newestFirst = (a: LoginRequestView, b: LoginRequestView) => Date.parse(b.createdAt) - Date.parse(a.createdAt);

/**
 * 登录通知 (F15): my pending login requests — the list, and its count on 个人中心 — and single
 * requests as their page opens them. A request I cannot see answers 404 like one that never existed.
 */
export class LoginRequestStore {
  /** Pending requests, newest first. */
  pending: LoginRequestView[] = [];
  loaded = false;
  loadError: string | null = null;

  /** A load has run (the first one takes the list a sign-in brought before it, if any). */
  private listedBefore = false;

  constructor(private readonly deps: LoginRequestDeps) {
    makeAutoObservable<LoginRequestStore, 'deps' | 'listedBefore'>(this, { deps: false, listedBefore: false });
  }

  /** What the 个人中心 badge shows. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** My requests as the sign-in's answer brought them (the 个人中心 badge without a second round trip). */
  receive(requests: LoginRequestView[]): void {
    this.pending = requests.filter((r) => r.status === 'pending').sort(newestFirst);
    this.loaded = true;
    this.loadError = null;
  }

  /** Fetches the list; the current one stays on screen while it runs and if it fails. */
  async loadList(): Promise<void> {
    const first = !this.listedBefore;
    this.listedBefore = true;
    try {
      // A sign-in brought the list: the one this load waited for, or one that ended before the
      // first load asked (the browser build's head start, services/headStart.ts).
      if ((await this.deps.session?.signedInNow()) || (first && this.loaded)) return;
      const { requests } = await this.deps.api.loginRequests();
      runInAction(() => this.receive(requests));
    } catch (error) {
      runInAction(() => {
        this.loadError = errorMessage(error, '登录通知加载失败，请下拉刷新重试');
      });
    }
  }

  /**
   * One request as it is now; rejects as the API does (404 when it is not mine). The list follows
   * it: a request that ended leaves it.
   */
  async fetch(requestId: string): Promise<LoginRequestView> {
    const request = await this.deps.api.loginRequest(requestId);
    runInAction(() => {
      const others = this.pending.filter((r) => r.id !== request.id);
      // Before the list is loaded, adding one request would make the count look complete.
      if (request.status === 'pending' && this.loaded) this.pending = [...others, request].sort(newestFirst);
      else this.pending = others;
    });
    return request;
  }
}
