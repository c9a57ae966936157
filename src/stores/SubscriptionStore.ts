import { makeAutoObservable, runInAction } from 'mobx';
import type { SubscriptionsResponse } from '../../types/accounts';
import type { SubscribeResults } from '../services/api';
import { subscribeFailureMessage, subscribeResultsOf, type Platform } from '../services/platform';
import { errorMessage } from './errors';

export interface SubscriptionDeps {
  api: {
    mySubscriptions(): Promise<SubscriptionsResponse>;
    recordSubscriptions(subscriptions: SubscribeResults): Promise<SubscriptionsResponse>;
  };
  platform: Pick<Platform, 'requestSubscribeMessage'>;
}

/** What the subscribe popup calls each of our templates (WeChat shows the template's own title). */
export const TEMPLATE_TITLES: Record<keyof SubscriptionsResponse['templates'], string> = {
  loginNotice: '电子税局登录通知',
  accountChange: '电子税局账号变更通知',
};

/** The outcome of one subscribe request: the choices per template, and why WeChat refused if it did. */
export interface SubscribeOutcome {
  results: SubscribeResults;
  /** Set when WeChat refused the call itself (e.g. 20004, the user turned notifications off). */
  failure: string | null;
}

/**
 * F20 subscribe credits: our template ids (fetched before any tap, because the tap must call WeChat
 * at once), the credits left, and — browser build — the simulated popup waiting for an answer.
 */
export class SubscriptionStore {
  templates: SubscriptionsResponse['templates'] | null = null;
  credits: Record<string, number> = {};
  loadError: string | null = null;
  /** Browser build: the simulated WeChat popup on screen, with the templates it asks about. */
  popup: { id: string; title: string }[] | null = null;

  private popupAnswer: ((allowed: boolean) => void) | null = null;

  constructor(private readonly deps: SubscriptionDeps) {
    makeAutoObservable<SubscriptionStore, 'deps' | 'popupAnswer'>(this, { deps: false, popupAnswer: false });
  }

  /** The template ids to ask for: 登录通知 first (the one that matters), then 账号变更. */
  get templateIds(): string[] {
    return this.templates ? [this.templates.loginNotice, this.templates.accountChange] : [];
  }

  /** How many 登录通知 WeChat will still deliver to me. */
  get loginNoticesLeft(): number {
    return this.templates ? (this.credits[this.templates.loginNotice] ?? 0) : 0;
  }

  async load(): Promise<void> {
    try {
      const response = await this.deps.api.mySubscriptions();
      runInAction(() => this.apply(response));
    } catch (error) {
      runInAction(() => {
        this.loadError = errorMessage(error, '通知设置加载失败');
      });
    }
  }

  /**
   * Asks WeChat for our templates. Call it straight from a tap handler, before any await: its first
   * statement calls the platform, which on weapp must run inside the tap.
   */
  request(): Promise<SubscribeOutcome> {
    const ids = this.templateIds;
    if (ids.length === 0) return Promise.resolve({ results: {}, failure: null });
    return this.deps.platform.requestSubscribeMessage(ids).then((answer) => ({
      results: subscribeResultsOf(answer, ids),
      failure: subscribeFailureMessage(answer),
    }));
  }

  /**
   * A tap that only asks for more 登录通知 (F20): asks WeChat, then tells our server what was
   * accepted. Returns the message to show when nothing came of it, else null.
   */
  async requestMore(): Promise<string | null> {
    const { results, failure } = await this.request();
    if (failure) return failure;
    if (!Object.values(results).includes('accept')) return '未开启登录通知';
    try {
      const response = await this.deps.api.recordSubscriptions(results);
      runInAction(() => this.apply(response));
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  /** The server's figures after it recorded a binding's subscribe results. */
  apply(response: SubscriptionsResponse): void {
    this.templates = response.templates;
    this.credits = response.credits;
    this.loadError = null;
  }

  /** Browser build: show the simulated popup; resolves with the person's answer. */
  askInBrowser(tmplIds: string[]): Promise<boolean> {
    const titles = new Map<string, string>();
    if (this.templates) {
      for (const key of Object.keys(TEMPLATE_TITLES) as (keyof typeof TEMPLATE_TITLES)[]) {
        titles.set(this.templates[key], TEMPLATE_TITLES[key]);
      }
    }
    // An unanswered popup is replaced, as WeChat shows one at a time.
    this.popupAnswer?.(false);
    this.popup = tmplIds.map((id) => ({ id, title: titles.get(id) ?? '订阅消息' }));
    return new Promise<boolean>((resolve) => {
      this.popupAnswer = resolve;
    });
  }

  answerPopup(allowed: boolean): void {
    const answer = this.popupAnswer;
    this.popupAnswer = null;
    this.popup = null;
    answer?.(allowed);
  }
}
