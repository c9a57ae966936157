import { useRouter } from '@tarojs/taro';

/** A page's query parameter ('' when absent); values are decoded once, whichever platform left them encoded. */
export function useParam(name: string): string {
  const raw = useRouter().params[name] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
