import { createH5Platform, userFromUrl } from '../../../src/services/platform/h5';
import { createMemoryStorage, StorageKeys } from '../../../src/services/storage';
import type { SimulatedBiometric } from '../../../src/services/platform';

function h5(location: { search: string; hash: string }, storage = createMemoryStorage()) {
  const chooseUser = jest.fn(async () => ' 王五 ');
  const sandboxLoginCode = jest.fn(async (user: string) => `code:${user}`);
  const askSubscribe = jest.fn(async (_ids: string[]) => true);
  const sandboxSubscribe = jest.fn(async (_user: string, _results: Record<string, string>) => undefined);
  const askBiometric = jest.fn(async (): Promise<SimulatedBiometric> => 'fingerPrint');
  const sandboxSoterSign = jest.fn(async (_user: string, challenge: string, _mode: string) => ({
    resultJSON: JSON.stringify({ raw: challenge }),
    resultJSONSignature: 'signed',
  }));
  const platform = createH5Platform(
    { storage, chooseUser, sandboxLoginCode, askSubscribe, sandboxSubscribe, askBiometric, sandboxSoterSign },
    location,
  );
  return {
    platform,
    storage,
    chooseUser,
    sandboxLoginCode,
    askSubscribe,
    sandboxSubscribe,
    askBiometric,
    sandboxSoterSign,
  };
}

describe('#platform.h5', () => {
  it('should read ?wxuser= before the hash, or inside the hash route', () => {
    expect(userFromUrl({ search: '?wxuser=alice', hash: '#/pages/index/index' })).toBe('alice');
    expect(userFromUrl({ search: '', hash: '#/pages/index/index?wxuser=%E5%BC%A0%E4%B8%89' })).toBe('张三');
    expect(userFromUrl({ search: '?wxuser=', hash: '' })).toBeNull();
    expect(userFromUrl({ search: '', hash: '' })).toBeNull();
  });

  it('should sign in as the URL’s user without asking, and remember it', async () => {
    const { platform, storage, chooseUser, sandboxLoginCode } = h5({ search: '?wxuser=alice', hash: '' });

    await expect(platform.login()).resolves.toBe('code:alice');

    expect(chooseUser).not.toHaveBeenCalled();
    expect(sandboxLoginCode).toHaveBeenCalledWith('alice');
    expect(storage.get(StorageKeys.simulatedUser)).toBe('alice');
    expect(platform.userKey()).toBe('alice');
  });

  it('should let the URL replace a remembered user', () => {
    const storage = createMemoryStorage({ [StorageKeys.simulatedUser]: 'bob' });
    const { platform } = h5({ search: '?wxuser=carol', hash: '' }, storage);

    expect(platform.userKey()).toBe('carol');
  });

  it('should ask for a name when none is known, then remember it', async () => {
    const { platform, chooseUser, sandboxLoginCode } = h5({ search: '', hash: '#/' });
    expect(platform.userKey()).toBeNull();

    await expect(platform.login()).resolves.toBe('code:王五');

    expect(chooseUser).toHaveBeenCalledTimes(1);
    expect(sandboxLoginCode).toHaveBeenCalledWith('王五');
    expect(platform.simulatedUser?.current()).toBe('王五');

    await platform.login();
    expect(chooseUser).toHaveBeenCalledTimes(1);
  });

  it('should ask again after the user is forgotten', async () => {
    const { platform, chooseUser } = h5({ search: '?wxuser=alice', hash: '' });

    platform.simulatedUser?.forget();
    await platform.login();

    expect(chooseUser).toHaveBeenCalledTimes(1);
  });

  it('should show the simulated popup and record 允许 in the WeChat sandbox, answering like WeChat', async () => {
    const { platform, askSubscribe, sandboxSubscribe } = h5({ search: '?wxuser=alice', hash: '' });

    const answer = await platform.requestSubscribeMessage(['tmpl-login', 'tmpl-change']);

    expect(askSubscribe).toHaveBeenCalledWith(['tmpl-login', 'tmpl-change']);
    expect(sandboxSubscribe).toHaveBeenCalledWith('alice', { 'tmpl-login': 'accept', 'tmpl-change': 'accept' });
    expect(answer).toEqual({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-login': 'accept', 'tmpl-change': 'accept' });
  });

  it('should record 取消 as reject for every template', async () => {
    const { platform, askSubscribe, sandboxSubscribe } = h5({ search: '?wxuser=alice', hash: '' });
    askSubscribe.mockResolvedValueOnce(false);

    const answer = await platform.requestSubscribeMessage(['tmpl-login']);

    expect(sandboxSubscribe).toHaveBeenCalledWith('alice', { 'tmpl-login': 'reject' });
    expect(answer['tmpl-login']).toBe('reject');
  });

  it('should ask about at most 3 templates, as WeChat allows', async () => {
    const { platform, askSubscribe } = h5({ search: '?wxuser=alice', hash: '' });

    await platform.requestSubscribeMessage(['a', 'b', 'c', 'd']);

    expect(askSubscribe).toHaveBeenCalledWith(['a', 'b', 'c']);
  });

  it('should answer with WeChat’s error code when the sandbox cannot record the answer', async () => {
    const { platform, sandboxSubscribe } = h5({ search: '?wxuser=alice', hash: '' });
    sandboxSubscribe.mockRejectedValueOnce(new Error('down'));

    const answer = await platform.requestSubscribeMessage(['tmpl-login']);

    expect(answer.errCode).toBe(10003);
    expect(answer['tmpl-login']).toBeUndefined();
  });

  it('should stand in for SOTER: the simulated prompt’s choice, signed by the WeChat sandbox for the challenge', async () => {
    const { platform, askBiometric, sandboxSoterSign } = h5({ search: '?wxuser=alice', hash: '' });
    await expect(platform.proveBiometric('c-1')).resolves.toEqual({
      resultJSON: JSON.stringify({ raw: 'c-1' }),
      resultJSONSignature: 'signed',
      authMode: 'fingerPrint',
    });
    expect(sandboxSoterSign).toHaveBeenCalledWith('alice', 'c-1', 'fingerPrint');

    askBiometric.mockResolvedValueOnce('unavailable');
    await expect(platform.proveBiometric('c-2')).resolves.toEqual({ unavailable: true });
    askBiometric.mockResolvedValueOnce('cancel');
    await expect(platform.proveBiometric('c-3')).resolves.toEqual({ cancelled: true });
    expect(sandboxSoterSign).toHaveBeenCalledTimes(1);
  });
});
