import { createH5Platform, userFromUrl } from '../../../src/services/platform/h5';
import { createMemoryStorage, StorageKeys } from '../../../src/services/storage';

function h5(location: { search: string; hash: string }, storage = createMemoryStorage()) {
  const chooseUser = jest.fn(async () => ' 王五 ');
  const sandboxLoginCode = jest.fn(async (user: string) => `code:${user}`);
  const platform = createH5Platform({ storage, chooseUser, sandboxLoginCode }, location);
  return { platform, storage, chooseUser, sandboxLoginCode };
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
});
