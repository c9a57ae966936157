import { StorageKeys } from '../storage';
import { MAX_SUBSCRIBE_TEMPLATES } from './subscribe';
import type { Platform, PlatformDeps, SubscribeMessageAnswer, SubscribeResult } from './types';

const MAX_USER_NAME_LENGTH = 32;

/** `?wxuser=NAME` before the hash (CONTRACT.md), or inside the hash route's own query. */
export function userFromUrl(location: { search: string; hash: string }): string | null {
  const fromSearch = new URLSearchParams(location.search).get('wxuser');
  const hashQuery = location.hash.includes('?') ? location.hash.slice(location.hash.indexOf('?')) : '';
  const name = fromSearch ?? new URLSearchParams(hashQuery).get('wxuser');
  return normalizeUserName(name);
}

export function normalizeUserName(name: string | null | undefined): string | null {
  const trimmed = (name ?? '').trim().slice(0, MAX_USER_NAME_LENGTH);
  return trimmed || null;
}

/**
 * The browser build: WeChat is simulated by the server's WeChat sandbox. The user is whoever the
 * URL names, else whoever was remembered, else whoever the person at the browser picks.
 */
export function createH5Platform(
  deps: PlatformDeps,
  location: { search: string; hash: string } = window.location,
): Platform {
  const fromUrl = userFromUrl(location);
  if (fromUrl) deps.storage.set(StorageKeys.simulatedUser, fromUrl);
  const current = () => normalizeUserName(deps.storage.get<string>(StorageKeys.simulatedUser));

  return {
    kind: 'h5',
    async login() {
      let user = current();
      if (!user) {
        user = normalizeUserName(await deps.chooseUser());
        if (!user) throw new Error('no simulated WeChat user chosen');
        deps.storage.set(StorageKeys.simulatedUser, user);
      }
      return deps.sandboxLoginCode(user);
    },
    userKey: current,
    simulatedUser: {
      current,
      forget: () => deps.storage.remove(StorageKeys.simulatedUser),
    },
    async requestSubscribeMessage(tmplIds): Promise<SubscribeMessageAnswer> {
      const ids = tmplIds.slice(0, MAX_SUBSCRIBE_TEMPLATES);
      const user = current();
      // WeChat answers 10001 for an empty list; without a simulated user there is nobody to ask.
      if (ids.length === 0 || !user) return { errMsg: 'requestSubscribeMessage:fail invalid params', errCode: 10001 };
      const allowed = await deps.askSubscribe(ids);
      const results: Record<string, SubscribeResult> = {};
      for (const id of ids) results[id] = allowed ? 'accept' : 'reject';
      try {
        // The WeChat sandbox keeps acceptances as WeChat does: without them the server's sends fail (43101).
        await deps.sandboxSubscribe(user, results);
      } catch {
        return { errMsg: 'requestSubscribeMessage:fail network error', errCode: 10003 };
      }
      return { errMsg: 'requestSubscribeMessage:ok', ...results };
    },
    async proveBiometric(challenge) {
      const user = current();
      if (!user) return { cancelled: true };
      const choice = await deps.askBiometric();
      if (choice === 'cancel') return { cancelled: true };
      if (choice === 'unavailable') return { unavailable: true };
      try {
        const signed = await deps.sandboxSoterSign(user, challenge, choice);
        return { ...signed, authMode: choice };
      } catch {
        return { cancelled: true };
      }
    },
    privacy: {
      // Browsers have no privacy API that waits for consent; pages ask through PrivacyGate.
      onNeedAuthorization: () => undefined,
      requireAuthorize: () => Promise.resolve(),
      openContract: () => false,
    },
  };
}
