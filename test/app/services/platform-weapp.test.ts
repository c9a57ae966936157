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

describe('#platform.weapp.proveBiometric', () => {
  type Callbacks = { success?: (result: unknown) => void; fail?: (error: unknown) => void };
  // The jest stand-in of Taro has no SOTER API (as an old base library): each test installs WeChat's.
  const soter = Taro as unknown as Record<string, jest.Mock | undefined>;
  let checkIsSoterEnrolledInDevice: jest.Mock;
  let startSoterAuthentication: jest.Mock;

  beforeEach(() => {
    // A device with only a fingerprint enrolled.
    checkIsSoterEnrolledInDevice = jest.fn((options: Callbacks & { checkAuthMode: string }) =>
      options.success?.({ isEnrolled: options.checkAuthMode === 'fingerPrint', errMsg: 'ok' }),
    );
    startSoterAuthentication = jest.fn();
    soter.checkIsSoterEnrolledInDevice = checkIsSoterEnrolledInDevice;
    soter.startSoterAuthentication = startSoterAuthentication;
  });
  afterEach(() => {
    delete soter.checkIsSoterEnrolledInDevice;
    delete soter.startSoterAuthentication;
  });

  it('should send the challenge to the enrolled fingerprint and answer the signed result', async () => {
    startSoterAuthentication.mockImplementationOnce((options: Callbacks) =>
      options.success?.({ resultJSON: '{"raw":"challenge-1"}', resultJSONSignature: 'sig-1', authMode: 'fingerPrint' }),
    );

    const answer = await createWeappPlatform().proveBiometric('challenge-1');

    expect(startSoterAuthentication).toHaveBeenCalledWith(
      expect.objectContaining({ requestAuthModes: ['fingerPrint'], challenge: 'challenge-1' }),
    );
    expect(answer).toEqual({
      resultJSON: '{"raw":"challenge-1"}',
      resultJSONSignature: 'sig-1',
      authMode: 'fingerPrint',
    });
  });

  it('should answer cancelled when the person cancels the fingerprint prompt', async () => {
    startSoterAuthentication.mockImplementationOnce((options: Callbacks) =>
      options.fail?.({ errCode: 90008, errMsg: 'startSoterAuthentication:fail cancel' }),
    );

    await expect(createWeappPlatform().proveBiometric('challenge-2')).resolves.toEqual({ cancelled: true });
  });

  it('should answer unavailable, without a prompt, when nothing is enrolled', async () => {
    checkIsSoterEnrolledInDevice.mockImplementation((options: Callbacks) =>
      options.success?.({ isEnrolled: false, errMsg: 'ok' }),
    );

    await expect(createWeappPlatform().proveBiometric('challenge-3')).resolves.toEqual({ unavailable: true });
    expect(startSoterAuthentication).not.toHaveBeenCalled();
  });
});
