import { ApiClient, apiOrigin, type HttpTransport } from '../services/api';
import { takeHeadStart, type HeadStart } from '../services/headStart';
import { createPlatform, type Platform, type PlatformDeps } from '../services/platform';
import { taroStorage, type KeyValueStorage } from '../services/storage';
import { appTransport } from '../services/transport';
import { AccountStore } from './AccountStore';
import { FlowStore } from './FlowStore';
import { LoginRequestStore } from './LoginRequestStore';
import { PrivacyStore } from './PrivacyStore';
import { SessionStore } from './SessionStore';
import { SubscriptionStore } from './SubscriptionStore';
import { SoterStore } from './SoterStore';
import { TenantStore } from './TenantStore';

export interface RootStoreOptions {
  origin?: string;
  transport?: HttpTransport;
  storage?: KeyValueStorage;
  /** Builds the platform layer; tests pass a fake. */
  createPlatform?: (deps: PlatformDeps) => Platform;
  /** Browser build: where the head start's sign-in is taken from (boot.ts); tests pass it on any build. */
  takeHeadStart?: () => HeadStart | null;
}

/** Owns the domain stores and wires them to the services. */
export class RootStore {
  readonly api: ApiClient;
  readonly platform: Platform;
  readonly session: SessionStore;
  readonly tenants: TenantStore;
  readonly privacy: PrivacyStore;
  readonly accounts: AccountStore;
  readonly flow: FlowStore;
  readonly subscriptions: SubscriptionStore;
  readonly loginRequests: LoginRequestStore;
  readonly soter: SoterStore;

  constructor(options: RootStoreOptions = {}) {
    const storage = options.storage ?? taroStorage;
    // The API client and the session need each other: the client asks the session to sign in again
    // on 401, and the session signs in through the client. The arrows below are only called later.
    this.api = new ApiClient({
      origin: options.origin ?? apiOrigin(),
      transport: options.transport ?? appTransport(),
      getToken: () => this.session.validToken(),
      onUnauthorized: () => this.session.signIn(),
    });
    this.platform = (options.createPlatform ?? createPlatform)({
      storage,
      sandboxLoginCode: (user) => this.api.sandboxLoginCode(user),
      chooseUser: () => this.session.askForSimulatedUser(),
      askSubscribe: (tmplIds) => this.subscriptions.askInBrowser(tmplIds),
      sandboxSubscribe: (user, results) => this.api.sandboxSubscribe(user, results),
      askBiometric: () => this.soter.askInBrowser(),
      sandboxSoterSign: (user, challenge, authMode) => this.api.sandboxSoterSign(user, challenge, authMode),
    });
    this.soter = new SoterStore({ api: this.api, platform: this.platform });
    const prove = this.soter.prove;
    this.session = new SessionStore({
      api: this.api,
      platform: this.platform,
      storage,
      onSignedIn: ({ home }) => {
        this.tenants.receive(home.tenants);
        this.loginRequests.receive(home.loginRequests);
      },
      // Not in the weapp build, which has no boot.ts: nothing of it is shipped there.
      takeHeadStart: options.takeHeadStart ?? (process.env.TARO_ENV === 'h5' ? takeHeadStart : undefined),
    });
    this.tenants = new TenantStore({ api: this.api, session: this.session });
    this.privacy = new PrivacyStore({ platform: this.platform, storage });
    this.accounts = new AccountStore({ api: this.api, prove });
    this.flow = new FlowStore({ api: this.api, prove });
    this.subscriptions = new SubscriptionStore({ api: this.api, platform: this.platform });
    this.loginRequests = new LoginRequestStore({ api: this.api, session: this.session });
  }

  /** The stores a subpackage makes for itself (packages/<area>/stores), keyed by their class. */
  private readonly own = new Map<object, unknown>();

  /**
   * A subpackage's own store, made on first use and kept for the app's life like the stores above.
   * Only that subpackage imports its class, so the class ships with it and not in the main package.
   */
  ownStore<T>(key: object, make: () => T): T {
    if (!this.own.has(key)) this.own.set(key, make());
    return this.own.get(key) as T;
  }
}

let appStore: RootStore | null = null;

/** The app's one RootStore, made on first use. */
export function getRootStore(): RootStore {
  appStore ??= new RootStore();
  return appStore;
}
