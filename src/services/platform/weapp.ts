import Taro from '@tarojs/taro';
import type { Platform } from './types';

export function createWeappPlatform(): Platform {
  return {
    kind: 'weapp',
    async login() {
      const { code } = await Taro.login();
      if (!code) throw new Error('wx.login returned no code');
      return code;
    },
    userKey: () => null,
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
