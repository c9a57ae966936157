import Taro from '@tarojs/taro';

/** Small synchronous key-value storage; Taro's on both platforms, an in-memory one in tests. */
export interface KeyValueStorage {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

export const StorageKeys = {
  session: 'session',
  privacyAgreed: 'privacy.agreed',
  simulatedUser: 'sandbox.wxuser',
  /** Per browser link: the flow this browser started with it (a reload goes on with it). */
  linkFlow: 'link.flow',
} as const;

export const taroStorage: KeyValueStorage = {
  get<T>(key: string): T | undefined {
    try {
      // Taro answers '' for a missing key.
      const value: unknown = Taro.getStorageSync(key);
      return value === '' || value === null || value === undefined ? undefined : (value as T);
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    try {
      Taro.setStorageSync(key, value);
    } catch {
      // Storage full or disabled: the app still works for this run, it just forgets on restart.
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // Same as above: nothing to do.
    }
  },
};

export function createMemoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    get: <T>(key: string) => data.get(key) as T | undefined,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}
