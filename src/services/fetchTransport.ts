import { REQUEST_TIMEOUT_MS, type HttpTransport } from './api';

/**
 * The browser build's HTTP: fetch, which every browser the H5 build serves has. Taro.request would
 * bring its fetch, AbortController and JSONP polyfills into the first script (issue 9 #5), and it
 * needs Taro loaded: boot.ts signs in before Taro has arrived.
 */
export const fetchTransport: HttpTransport = async ({ method, url, data, header }) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method,
      headers: header,
      body: data === undefined || method === 'GET' ? undefined : JSON.stringify(data),
      // Never answer from the HTTP cache: Chromium kept a browser link's 410 (link_used) and served
      // it again after the request had ended.
      cache: 'no-cache',
      signal: controller.signal,
    });
    const text = await response.text();
    return { statusCode: response.status, data: jsonOrText(text) };
  } finally {
    clearTimeout(timer);
  }
};

/** As wx.request with dataType 'json': the parsed body, or its text when it is not JSON. */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
