import type { KeyValueStorage } from '../storage';
import type { SoterProof } from '../../../types/soter';

/**
 * What the app needs from the host it runs in. WeChat provides it natively (weapp.ts); the browser
 * build stands in for it with the WeChat sandbox (h5.ts). Taro H5 has no login (PLATFORM.md).
 */
export interface Platform {
  readonly kind: 'weapp' | 'h5';
  /** What wx.login returns: a one-time code the server exchanges for our session token. */
  login(): Promise<string>;
  /**
   * Who the platform signs in as, when that can change without WeChat (the browser build's
   * simulated user); null on weapp. A stored session of another user is not reused.
   */
  userKey(): string | null;
  /** The browser build's simulated WeChat user; absent on weapp. */
  simulatedUser?: SimulatedUserControl;
  privacy: PrivacyBridge;
  /**
   * wx.requestSubscribeMessage for these template ids (at most 3). On weapp it must be called in the
   * tap handler itself, before any await: WeChat shows the popup only for a user's tap. Never
   * rejects: a refusal by WeChat (20004 switch off, 10001–10005) comes back with errCode.
   */
  requestSubscribeMessage(tmplIds: string[]): Promise<SubscribeMessageAnswer>;
  /**
   * SOTER (types/soter.ts): asks for 指纹 or 面容 over the server's challenge. A device with none
   * enrolled answers `{unavailable: true}` (the act goes on); a person who cancels or fails,
   * `{cancelled: true}` (the act stops). Never rejects.
   */
  proveBiometric(challenge: string): Promise<BiometricAnswer>;
}

/** What proveBiometric answers: the signed result, no biometrics on this device, or the person said no. */
export type BiometricAnswer = SoterProof | { cancelled: true };
export type SimulatedBiometric = 'fingerPrint' | 'facial' | 'unavailable' | 'cancel';

export type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter';

/**
 * WeChat's answer as it gives it: `errMsg`, and per template id the user's choice
 * (`{ errMsg: 'requestSubscribeMessage:ok', 'tmpl-1': 'accept' }`); `errCode` when the call failed.
 */
export type SubscribeMessageAnswer = { errMsg: string; errCode?: number } & {
  [templateId: string]: string | number | undefined;
};

export interface SimulatedUserControl {
  current(): string | null;
  /** Forget the remembered user, so the next login asks again. */
  forget(): void;
}

/** The user's answer to a privacy consent asked for by the platform. */
export type PrivacyAnswer = { agreed: true; buttonId: string } | { agreed: false };

export interface PrivacyBridge {
  /**
   * WeChat asks for consent before a privacy API runs (wx.onNeedPrivacyAuthorization); the app shows
   * its consent and calls `answer`. Never called in the browser build.
   */
  onNeedAuthorization(listener: (answer: (result: PrivacyAnswer) => void) => void): void;
  /** Makes the platform check its own consent record (wx.requirePrivacyAuthorize); resolves when granted. */
  requireAuthorize(): Promise<void>;
  /** Opens the platform's own page for 《小程序用户隐私保护指引》; false when there is none (browser). */
  openContract(): boolean;
}

/** What the platform layer needs from the rest of the app (the browser build only uses them). */
export interface PlatformDeps {
  storage: KeyValueStorage;
  /** The WeChat sandbox's code for a simulated user (through the API client). */
  sandboxLoginCode(user: string): Promise<string>;
  /** Asks the person at the browser which simulated WeChat user to be. */
  chooseUser(): Promise<string>;
  /** Shows the simulated subscribe popup for these templates; true when the person taps 允许. */
  askSubscribe(tmplIds: string[]): Promise<boolean>;
  /** Records the simulated popup's answers in the WeChat sandbox, as WeChat keeps them. */
  sandboxSubscribe(user: string, results: Record<string, SubscribeResult>): Promise<void>;
  /** Shows the simulated SOTER prompt; the person picks 指纹, 面容, "no biometrics" or 取消. */
  askBiometric(): Promise<SimulatedBiometric>;
  /** What the phone would answer for this user and challenge (the WeChat sandbox signs it). */
  sandboxSoterSign(
    user: string,
    challenge: string,
    authMode: 'fingerPrint' | 'facial',
  ): Promise<{ resultJSON: string; resultJSONSignature: string }>;
}
