import { makeAutoObservable } from 'mobx';
import type { Platform, PrivacyAnswer } from '../services/platform';
import { StorageKeys, type KeyValueStorage } from '../services/storage';

export interface PrivacyDeps {
  platform: Platform;
  storage: KeyValueStorage;
}

/**
 * Consent to 《小程序用户隐私保护指引》 (PLATFORM.md). Pages that collect a phone or 证件号码 wait for
 * `agreed` (PrivacyGate); on weapp, WeChat itself may also ask before a privacy API runs, and then
 * the consent shows as a popup until the user answers.
 */
export class PrivacyStore {
  agreed: boolean;
  /** WeChat is holding a privacy API until the user answers. */
  platformAsking = false;

  private pendingAnswer: ((result: PrivacyAnswer) => void) | null = null;

  constructor(private readonly deps: PrivacyDeps) {
    this.agreed = deps.storage.get<boolean>(StorageKeys.privacyAgreed) === true;
    makeAutoObservable<PrivacyStore, 'deps' | 'pendingAnswer'>(this, { deps: false, pendingAnswer: false });
  }

  /** Starts answering the platform's consent requests; call once at launch. */
  listen(): void {
    this.deps.platform.privacy.onNeedAuthorization((answer) => this.platformAsks(answer));
  }

  /** On weapp, lets WeChat confirm its own consent record (it asks through listen() when missing). */
  confirmWithPlatform(): Promise<void> {
    return this.deps.platform.privacy.requireAuthorize();
  }

  agree(buttonId: string): void {
    this.agreed = true;
    this.deps.storage.set(StorageKeys.privacyAgreed, true);
    this.answerPlatform({ agreed: true, buttonId });
  }

  decline(): void {
    this.answerPlatform({ agreed: false });
  }

  /** Opens the platform's guideline page; false when the app must show the text itself. */
  openGuideline(): boolean {
    return this.deps.platform.privacy.openContract();
  }

  private platformAsks(answer: (result: PrivacyAnswer) => void): void {
    // A newer request replaces an older one: WeChat only waits on the latest.
    this.pendingAnswer = answer;
    this.platformAsking = true;
  }

  private answerPlatform(result: PrivacyAnswer): void {
    this.pendingAnswer?.(result);
    this.pendingAnswer = null;
    this.platformAsking = false;
  }
}
