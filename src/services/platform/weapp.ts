import Taro from '@tarojs/taro';
import { MAX_SUBSCRIBE_TEMPLATES } from './subscribe';
import type { BiometricAnswer, Platform, SubscribeMessageAnswer } from './types';

export function createWeappPlatform(): Platform {
  return {
    kind: 'weapp',
    async login() {
      const { code } = await Taro.login();
      if (!code) throw new Error('wx.login returned no code');
      return code;
    },
    userKey: () => null,
    requestSubscribeMessage(tmplIds) {
      // Called synchronously from the tap handler: WeChat refuses a popup that no tap asked for.
      const option = { tmplIds: tmplIds.slice(0, MAX_SUBSCRIBE_TEMPLATES) } as Taro.requestSubscribeMessage.Option;
      return Taro.requestSubscribeMessage(option).then(
        (result) => result as unknown as SubscribeMessageAnswer,
        (error: { errMsg?: string; errCode?: number }) => ({
          errMsg: error?.errMsg ?? 'requestSubscribeMessage:fail',
          errCode: typeof error?.errCode === 'number' ? error.errCode : undefined,
        }),
      );
    },
    async proveBiometric(challenge) {
      // Older base libraries and devices without SOTER: as a device without biometrics.
      if (typeof Taro.checkIsSoterEnrolledInDevice !== 'function') return { unavailable: true };
      let mode: 'fingerPrint' | 'facial' | null = null;
      for (const candidate of ['fingerPrint', 'facial'] as const) {
        // Callbacks, not the promise form: not every base library answers SOTER calls with a promise.
        const enrolled = await new Promise<boolean>((resolve) => {
          try {
            Taro.checkIsSoterEnrolledInDevice({
              checkAuthMode: candidate,
              success: (r) => resolve(Boolean(r?.isEnrolled)),
              fail: () => resolve(false),
            });
          } catch {
            resolve(false);
          }
        });
        if (enrolled) {
          mode = candidate;
          break;
        }
      }
      if (!mode) return { unavailable: true };
      const authMode = mode;
      return new Promise<BiometricAnswer>((resolve) => {
        try {
          Taro.startSoterAuthentication({
            requestAuthModes: [authMode],
            challenge,
            authContent: authMode === 'facial' ? '请验证面容' : '请验证指纹',
            success: (r) => resolve({ resultJSON: r.resultJSON, resultJSONSignature: r.resultJSONSignature, authMode }),
            // 90008 cancelled, 90009 not recognised, …: the act does not go on.
            fail: () => resolve({ cancelled: true }),
          });
        } catch {
          resolve({ cancelled: true });
        }
      });
    },
    privacy: {
      onNeedAuthorization(listener) {
        // Base libraries before 2.32.3 have no privacy API: nothing asks, nothing to answer.
        if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
        Taro.onNeedPrivacyAuthorization((resolve) => {
          listener((result) =>
            resolve(result.agreed ? { event: 'agree', buttonId: result.buttonId } : { event: 'disagree' }),
          );
        });
      },
      requireAuthorize() {
        if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
          Taro.requirePrivacyAuthorize({ success: () => resolve(), fail: (error) => reject(error) });
        });
      },
      openContract() {
        if (typeof Taro.openPrivacyContract !== 'function') return false;
        Taro.openPrivacyContract();
        return true;
      },
    },
  };
}
