/**
 * A hand-written stand-in for @tarojs/taro under jest (mapped in jest.config.js). It covers what
 * the app uses: storage in memory, system UI as jest.fn()s whose calls tests read, page hooks run
 * on mount, and a few helpers (`taroMock`) to drive what WeChat would do.
 */
import { useEffect, useRef } from 'react';

type Callback = () => unknown;

const storage = new Map<string, unknown>();
const pullDownHandlers = new Set<{ current: Callback }>();
const reachBottomHandlers = new Set<{ current: Callback }>();
let modalConfirms = true;
let routerParams: Record<string, string> = {};
/** The taps on the next ActionSheets, in order; none left: the user cancels. */
let actionSheetTaps: number[] = [];

function useRunOnMount(callback: Callback) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    latest.current();
  }, []);
}

export const useLaunch = useRunOnMount;
export const useLoad = useRunOnMount;
export const useDidShow = useRunOnMount;
export const useReady = useRunOnMount;

function usePageEvent(handlers: Set<{ current: Callback }>, callback: Callback) {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    handlers.add(latest);
    return () => {
      handlers.delete(latest);
    };
  }, [handlers]);
}

export function usePullDownRefresh(callback: Callback) {
  usePageEvent(pullDownHandlers, callback);
}

export function useReachBottom(callback: Callback) {
  usePageEvent(reachBottomHandlers, callback);
}

/** jsdom lays nothing out: the page never scrolls. */
export function usePageScroll(_callback: Callback) {}

/** The page's query, as a test set it with taroMock.openWith(). */
export function useRouter() {
  return { params: routerParams, path: '' };
}

const eventHandlers = new Map<string, Set<(...args: unknown[]) => void>>();
const eventCenter = {
  on(name: string, handler: (...args: unknown[]) => void) {
    if (!eventHandlers.has(name)) eventHandlers.set(name, new Set());
    eventHandlers.get(name)!.add(handler);
  },
  off(name: string, handler: (...args: unknown[]) => void) {
    eventHandlers.get(name)?.delete(handler);
  },
  trigger(name: string, ...args: unknown[]) {
    eventHandlers.get(name)?.forEach((handler) => handler(...args));
  },
};

const Taro = {
  eventCenter,
  request: jest.fn(() => Promise.reject(new Error('Taro.request is not faked in this test'))),
  login: jest.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' })),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  showToast: jest.fn(() => Promise.resolve()),
  showLoading: jest.fn(() => Promise.resolve()),
  hideLoading: jest.fn(() => Promise.resolve()),
  hideHomeButton: jest.fn(() => Promise.resolve()),
  showModal: jest.fn((_options: { title?: string; content?: string; [option: string]: unknown }) =>
    Promise.resolve({ confirm: modalConfirms, cancel: !modalConfirms }),
  ),
  showActionSheet: jest.fn((_options: { itemList: string[] }) => {
    const tapIndex = actionSheetTaps.shift();
    // WeChat rejects when the sheet is dismissed.
    return tapIndex === undefined
      ? Promise.reject({ errMsg: 'showActionSheet:fail cancel' })
      : Promise.resolve({ tapIndex, errMsg: 'showActionSheet:ok' });
  }),
  setNavigationBarTitle: jest.fn(() => Promise.resolve()),
  requestSubscribeMessage: jest.fn((_options: { tmplIds: string[] }) =>
    Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' } as Record<string, string>),
  ),
  navigateTo: jest.fn(() => Promise.resolve()),
  navigateBack: jest.fn(() => Promise.resolve()),
  redirectTo: jest.fn(() => Promise.resolve()),
  // The page under test was opened from another one unless a test says otherwise.
  getCurrentPages: jest.fn(() => [{ route: 'pages/index/index' }, { route: 'current' }]),
  stopPullDownRefresh: jest.fn(),
  pageScrollTo: jest.fn(() => Promise.resolve()),
  // jsdom lays nothing out: every box is empty, at the top, in view.
  createSelectorQuery: jest.fn(() => {
    const found: (DOMRect | DOMRect[] | null)[] = [];
    const query = {
      select: (selector: string) => ({
        boundingClientRect: () => {
          found.push(document.querySelector(selector)?.getBoundingClientRect() ?? null);
          return query;
        },
      }),
      selectAll: (selector: string) => ({
        boundingClientRect: () => {
          found.push(Array.from(document.querySelectorAll(selector)).map((el) => el.getBoundingClientRect()));
          return query;
        },
      }),
      exec: (callback: (results: (DOMRect | DOMRect[] | null)[]) => void) => callback(found),
    };
    return query;
  }),
  getWindowInfo: jest.fn(() => ({ windowWidth: 375, windowHeight: 667 })),
  onNeedPrivacyAuthorization: jest.fn(),
  requirePrivacyAuthorize: jest.fn((options?: { success?: () => void }) => options?.success?.()),
  openPrivacyContract: jest.fn(),
};

export default Taro;

/** Controls for tests. */
export const taroMock = {
  storage,
  /** What the user answers in the next Taro.showModal calls. */
  answerModals(confirm: boolean) {
    modalConfirms = confirm;
  },
  /** The page's query parameters (useRouter().params). */
  openWith(params: Record<string, string>) {
    routerParams = params;
  },
  /** The user taps these items of the next ActionSheets (by index). */
  tapActionSheets(...taps: number[]) {
    actionSheetTaps = taps;
  },
  /** The labels of the last ActionSheet shown. */
  lastActionSheet(): string[] {
    const calls = Taro.showActionSheet.mock.calls;
    return calls.length ? calls[calls.length - 1][0].itemList : [];
  },
  /** The user pulls the page down; resolves when the page's handlers are done. */
  async pullDownRefresh() {
    await Promise.all([...pullDownHandlers].map((handler) => handler.current()));
  },
  /** The user scrolls to the page's bottom; resolves when the page's handlers are done. */
  async reachBottom() {
    await Promise.all([...reachBottomHandlers].map((handler) => handler.current()));
  },
  reset() {
    storage.clear();
    modalConfirms = true;
    routerParams = {};
    actionSheetTaps = [];
    eventHandlers.clear();
  },
};
