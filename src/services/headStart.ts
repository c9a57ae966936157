import type { LoginResponse } from '../../types/api';
import { signsInAtLaunch } from '../routes';
import { ApiClient, type HttpTransport } from './api';
import { createH5Platform } from './platform/h5';
import { storedSessionOf, tokenUsable } from './session';
import { StorageKeys, type KeyValueStorage } from './storage';

/**
 * Browser build (issue 9 #5): the sign-in boot.ts starts, a script of a few KB that arrives long
 * before the app's. The SessionStore takes its answer (with 个人中心's data) instead of signing in
 * once more when the app's script has run.
 */
export interface HeadStart {
  /** The simulated WeChat user it signs in as (Platform.userKey()). */
  userKey: string;
  response: Promise<LoginResponse>;
}

/** Where boot.ts leaves it for the app: they are two scripts, each with its own webpack runtime. */
const SLOT = '__fapiaoyunHeadStart';

type Slot = { [SLOT]?: HeadStart };

export interface HeadStartDeps {
  location: { search: string; hash: string };
  storage: KeyValueStorage;
  transport: HttpTransport;
  origin: string;
  now?: () => number;
}

/**
 * Starts the sign-in the app would start on launch, through the same platform and API client, when
 * it will need one: a simulated user is named (else the app's picker asks), there is no usable
 * session of theirs in storage, and the page is not the browser link (which never signs in).
 */
export function startHeadStart(deps: HeadStartDeps): HeadStart | null {
  if (!signsInAtLaunch(deps.location.hash.replace(/^#/, ''))) return null;
  const api = new ApiClient({
    origin: deps.origin,
    transport: deps.transport,
    getToken: () => null,
    onUnauthorized: () => Promise.reject(new Error('the head start only signs in')),
  });
  const notHere = () => Promise.reject(new Error('asked by the app, not before it'));
  const platform = createH5Platform(
    {
      storage: deps.storage,
      sandboxLoginCode: (user) => api.sandboxLoginCode(user),
      chooseUser: notHere,
      askSubscribe: notHere,
      sandboxSubscribe: notHere,
      askBiometric: notHere,
      sandboxSoterSign: notHere,
    },
    deps.location,
  );
  const userKey = platform.userKey();
  if (!userKey) return null;
  const stored = storedSessionOf(deps.storage.get(StorageKeys.session), userKey);
  if (stored && tokenUsable(stored, (deps.now ?? Date.now)())) return null;

  const response = platform.login().then((code) => api.login(code));
  // Whoever takes it handles a failure (by signing in again); untaken, it is no error of the page's.
  response.catch(() => undefined);
  const headStart = { userKey, response };
  (globalThis as Slot)[SLOT] = headStart;
  return headStart;
}

/** The head start, once: the first sign-in of the app takes it, a later one signs in afresh. */
export function takeHeadStart(): HeadStart | null {
  const slot = globalThis as Slot;
  const headStart = slot[SLOT] ?? null;
  delete slot[SLOT];
  return headStart;
}
