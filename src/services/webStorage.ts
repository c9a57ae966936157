import type { KeyValueStorage } from './storage';

/**
 * The browser's localStorage as Taro.setStorageSync keeps it (`{"data": value}` per key), for
 * boot.ts, which runs before Taro has arrived. The app reads and writes the same keys through Taro.
 */
export const webStorage: KeyValueStorage = {
  get<T>(key: string): T | undefined {
    try {
      const item: unknown = JSON.parse(localStorage.getItem(key) ?? '');
      if (!item || typeof item !== 'object' || !('data' in item)) return undefined;
      const { data } = item as { data: unknown };
      return data === '' || data === null ? undefined : (data as T);
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify({ data: value }));
    } catch {
      // Storage full or disabled: the app asks again through Taro.
    }
  },
  remove(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // As above.
    }
  },
};
