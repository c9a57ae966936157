import { createH5Platform } from './h5';
import type { Platform, PlatformDeps } from './types';
import { createWeappPlatform } from './weapp';

export type {
  Platform,
  PlatformDeps,
  PrivacyAnswer,
  PrivacyBridge,
  SimulatedUserControl,
  SubscribeMessageAnswer,
  SubscribeResult,
  BiometricAnswer,
  SimulatedBiometric,
} from './types';
export { MAX_SUBSCRIBE_TEMPLATES, subscribeFailureMessage, subscribeResultsOf } from './subscribe';

/** The id of the consent button; WeChat checks that this very button was tapped before an 'agree'. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

/** The platform layer for the build at hand (TARO_ENV is replaced at compile time). */
export function createPlatform(deps: PlatformDeps): Platform {
  return process.env.TARO_ENV === 'h5' ? createH5Platform(deps) : createWeappPlatform();
}
