import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { PRIVACY_AGREE_BUTTON_ID } from '../../services/platform';
import { useStores } from '../../stores';
import './index.scss';

export const PRIVACY_GUIDELINE_NAME = '《发票云小程序隐私保护指引》';

/** Shown in the browser build, which has no WeChat page for the guideline. */
const GUIDELINE_SUMMARY =
  '为登录电子税局并完成身份核验，发票云会收集你录入的手机号码和证件号码。' +
  '它们只用于电子税局登录、认证和登录通知，加密保存，不用于其他目的，也不向第三方提供（电子税务局除外）。' +
  '你可以随时在账号管理中删除它们。';

interface PrivacyConsentProps {
  /** After 拒绝, e.g. leave the page. */
  onDecline?: () => void;
}

/**
 * The consent step before any phone number or 证件号码 is collected (PLATFORM.md), as WeChat shows
 * its own: a half-screen sheet from the bottom over the page, 拒绝 and 同意 side by side.
 */
function PrivacyConsentComponent({ onDecline }: PrivacyConsentProps) {
  const { privacy } = useStores();

  const showGuideline = () => {
    if (privacy.openGuideline()) return;
    Taro.showModal({ title: '隐私保护指引', content: GUIDELINE_SUMMARY, showCancel: false, confirmText: '我知道了' });
  };
  const agree = () => privacy.agree(PRIVACY_AGREE_BUTTON_ID);
  const decline = () => {
    privacy.decline();
    onDecline?.();
  };
  // On weapp the tap must land on WeChat's own agree button: WeChat records the consent from it.
  const agreeProps =
    process.env.TARO_ENV === 'weapp'
      ? { openType: 'agreePrivacyAuthorization' as const, onAgreePrivacyAuthorization: agree }
      : { onClick: agree };

  return (
    <View className='privacy-consent'>
      <View className='weui-mask' />
      <View className='weui-half-screen-dialog' role='dialog' aria-label='用户隐私保护提示'>
        <View className='weui-half-screen-dialog__hd'>
          <View className='weui-half-screen-dialog__title'>用户隐私保护提示</View>
        </View>
        {/* Each run of text in its own element: WeChat's text nodes then read in order around the link. */}
        <View className='weui-half-screen-dialog__bd'>
          <Text>在你录入手机号码、证件号码前，请阅读</Text>
          <Text className='privacy-consent__link' onClick={showGuideline}>
            {PRIVACY_GUIDELINE_NAME}
          </Text>
          <Text>。同意后，这些信息仅用于电子税局登录与身份核验。</Text>
        </View>
        <View className='weui-half-screen-dialog__btn-area'>
          <Button className='weui-btn weui-btn_default' onClick={decline}>
            拒绝
          </Button>
          <Button id={PRIVACY_AGREE_BUTTON_ID} className='weui-btn weui-btn_primary' {...agreeProps}>
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}

export const PrivacyConsent = observer(PrivacyConsentComponent);
