import Taro from '@tarojs/taro';
import { createWeappPlatform } from '../../../src/services/platform/weapp';

describe('#platform.weapp.requestSubscribeMessage', () => {
  it('should call WeChat at once with at most 3 templates and answer as WeChat did', async () => {
    jest
      .mocked(Taro.requestSubscribeMessage)
      .mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', a: 'accept' });

    const answering = createWeappPlatform().requestSubscribeMessage(['a', 'b', 'c', 'd']);

    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['a', 'b', 'c'] });
    await expect(answering).resolves.toEqual({ errMsg: 'requestSubscribeMessage:ok', a: 'accept' });
  });

  it.each([20004, 10002, 10005])('should answer WeChat’s error %i instead of throwing', async (errCode) => {
    jest
      .mocked(Taro.requestSubscribeMessage)
      .mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode });

    await expect(createWeappPlatform().requestSubscribeMessage(['a'])).resolves.toEqual({
      errMsg: 'requestSubscribeMessage:fail',
      errCode,
    });
  });
});
