import type { BiometricAnswer, Platform, PrivacyAnswer, SubscribeMessageAnswer } from '../../../src/services/platform';
import { takeHeadStart } from '../../../src/services/headStart';
import { createMemoryStorage, type KeyValueStorage } from '../../../src/services/storage';
import { RootStore } from '../../../src/stores';
import { createFakeServer, type FakeServer } from './fakeServer';

export interface FakePlatform extends Platform {
  /** How many times login() ran (wx.login on weapp). */
  loginCalls: number;
  /** Makes WeChat ask for privacy consent, as before a privacy API; resolves with the answer. */
  askPrivacy(): Promise<PrivacyAnswer>;
  /** The template ids of each requestSubscribeMessage call, in order. */
  subscribeCalls: string[][];
  /** What WeChat answers the next requestSubscribeMessage calls (default: every template accepted). */
  answerSubscribe(answer: (tmplIds: string[]) => SubscribeMessageAnswer): void;
  /** The challenges of each proveBiometric call (SOTER), in order. */
  soterCalls: string[];
  /** What the device answers next (default: no biometrics enrolled, the act goes on as before). */
  answerBiometric(answer: (challenge: string) => BiometricAnswer): void;
}

/** The weapp platform as the tests need it: wx.login gives a code for `user`. */
export function createFakePlatform(user = 'alice'): FakePlatform {
  let privacyListener: ((answer: (result: PrivacyAnswer) => void) => void) | null = null;
  let subscribeAnswer = (tmplIds: string[]): SubscribeMessageAnswer => ({
    errMsg: 'requestSubscribeMessage:ok',
    ...Object.fromEntries(tmplIds.map((id) => [id, 'accept'])),
  });
  let biometricAnswer = (_challenge: string): BiometricAnswer => ({ unavailable: true });
  const platform: FakePlatform = {
    kind: 'weapp',
    loginCalls: 0,
    async login() {
      platform.loginCalls += 1;
      return `code:${user}`;
    },
    userKey: () => null,
    privacy: {
      onNeedAuthorization: (listener) => {
        privacyListener = listener;
      },
      requireAuthorize: () => Promise.resolve(),
      openContract: () => false,
    },
    subscribeCalls: [],
    requestSubscribeMessage(tmplIds) {
      platform.subscribeCalls.push(tmplIds);
      return Promise.resolve(subscribeAnswer(tmplIds));
    },
    answerSubscribe(answer) {
      subscribeAnswer = answer;
    },
    soterCalls: [],
    proveBiometric(challenge) {
      platform.soterCalls.push(challenge);
      return Promise.resolve(biometricAnswer(challenge));
    },
    answerBiometric(answer) {
      biometricAnswer = answer;
    },
    askPrivacy: () =>
      new Promise<PrivacyAnswer>((resolve) => {
        if (!privacyListener) throw new Error('nobody listens for privacy requests');
        privacyListener(resolve);
      }),
  };
  return platform;
}

export interface TestApp {
  store: RootStore;
  server: FakeServer;
  platform: FakePlatform;
  storage: KeyValueStorage;
}

/** A RootStore wired to the fake server and a fake WeChat, as the app wires the real ones. */
export function createTestApp(
  options: { server?: FakeServer; platform?: FakePlatform; storage?: KeyValueStorage } = {},
): TestApp {
  const server = options.server ?? createFakeServer();
  const platform = options.platform ?? createFakePlatform();
  const storage = options.storage ?? createMemoryStorage();
  const store = new RootStore({
    origin: 'http://api.test',
    transport: server.transport,
    storage,
    createPlatform: () => platform,
    // The browser build's head start (services/headStart.ts): null unless a test started one.
    takeHeadStart,
  });
  return { store, server, platform, storage };
}
