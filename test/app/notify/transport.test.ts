import Taro from '@tarojs/taro';
import { taroTransport } from '../../../src/services/transport';

describe('#taroTransport', () => {
  it('should never let the browser answer from its HTTP cache (a link’s 410 was served again)', async () => {
    (Taro.request as jest.Mock).mockResolvedValueOnce({ statusCode: 200, data: {} });

    await taroTransport({ method: 'GET', url: 'http://api.test/api/v1/link/t', header: {} });

    expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ method: 'GET', cache: 'no-cache' }));
  });
});
