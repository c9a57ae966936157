import Taro from '@tarojs/taro';
import { REQUEST_TIMEOUT_MS, type HttpTransport } from './api';
import { fetchTransport } from './fetchTransport';

/** WeChat's HTTP: wx.request through Taro. */
export const taroTransport: HttpTransport = async ({ method, url, data, header }) => {
  const response = await Taro.request({
    method,
    url,
    data,
    header,
    dataType: 'json',
    timeout: REQUEST_TIMEOUT_MS,
    // As fetchTransport: never an answer from the HTTP cache, should this ever run in a browser.
    // WeChat ignores the option.
    cache: 'no-cache',
  });
  return { statusCode: response.statusCode, data: response.data };
};

/** The build's HTTP (TARO_ENV is replaced at compile time: the other one is not shipped). */
export function appTransport(): HttpTransport {
  return process.env.TARO_ENV === 'h5' ? fetchTransport : taroTransport;
}
