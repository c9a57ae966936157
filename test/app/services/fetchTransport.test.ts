import { fetchTransport } from '../../../src/services/fetchTransport';
import { webStorage } from '../../../src/services/webStorage';

function answer(status: number, body: string) {
  return jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(body, { status }));
}

afterEach(() => jest.restoreAllMocks());

describe('#fetchTransport', () => {
  it('should send JSON and never let the browser answer from its HTTP cache (a link’s 410 was served again)', async () => {
    const fetch = answer(200, '{"code":"c1"}');

    const response = await fetchTransport({
      method: 'POST',
      url: 'http://api.test/sandbox/wechat/control/code',
      data: { user: 'alice' },
      header: { 'Content-Type': 'application/json' },
    });

    expect(response).toEqual({ statusCode: 200, data: { code: 'c1' } });
    expect(fetch).toHaveBeenCalledWith(
      'http://api.test/sandbox/wechat/control/code',
      expect.objectContaining({
        method: 'POST',
        body: '{"user":"alice"}',
        headers: { 'Content-Type': 'application/json' },
        cache: 'no-cache',
      }),
    );
  });

  it('should answer an error status with its body, text when it is not JSON, and send no body on GET', async () => {
    const fetch = answer(502, 'Bad Gateway');

    await expect(fetchTransport({ method: 'GET', url: 'http://api.test/x', header: {} })).resolves.toEqual({
      statusCode: 502,
      data: 'Bad Gateway',
    });
    expect(fetch.mock.calls[0][1]).toMatchObject({ method: 'GET', body: undefined });
  });

  it('should reject when no answer came back', async () => {
    jest.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));

    await expect(fetchTransport({ method: 'GET', url: 'http://api.test/x', header: {} })).rejects.toThrow();
  });
});

describe('#webStorage', () => {
  const items = new Map<string, string>();
  beforeAll(() => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      value: {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => void items.set(key, value),
        removeItem: (key: string) => void items.delete(key),
      },
    });
  });
  afterAll(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('should keep values as Taro.setStorageSync does, so the app reads what boot.ts wrote', () => {
    webStorage.set('sandbox.wxuser', 'alice');
    expect(items.get('sandbox.wxuser')).toBe('{"data":"alice"}');

    // As Taro's H5 storage writes an object.
    items.set('session', JSON.stringify({ data: { token: 't', userKey: 'alice' } }));
    expect(webStorage.get('session')).toEqual({ token: 't', userKey: 'alice' });

    webStorage.remove('session');
    expect(webStorage.get('session')).toBeUndefined();
  });

  it('should read nothing from what Taro did not write', () => {
    items.set('raw', 'not json');
    items.set('other', '{"value":1}');
    items.set('empty', '{"data":""}');

    expect(webStorage.get('raw')).toBeUndefined();
    expect(webStorage.get('other')).toBeUndefined();
    expect(webStorage.get('empty')).toBeUndefined();
    expect(webStorage.get('missing')).toBeUndefined();
  });
});
