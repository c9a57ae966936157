import { Button, View } from '@tarojs/components';
import type { SimulatedBiometric } from '../../services/platform';
import '../SubscribePopup/index.scss';
import './index.scss';

interface SoterPromptProps {
  onAnswer: (choice: SimulatedBiometric) => void;
}

/**
 * Browser build only: stands in for WeChat's SOTER prompt (startSoterAuthentication has no browser
 * version). The person plays the phone: a matched 指纹 or 面容, a phone without either, or 取消.
 */
export function SoterPrompt({ onAnswer }: SoterPromptProps) {
  return (
    <View className='subscribe-popup'>
      <View className='weui-mask' />
      <View className='weui-half-screen-dialog soter-prompt' role='dialog' aria-label='指纹或面容验证'>
        <View className='weui-half-screen-dialog__hd'>
          <View className='subscribe-popup__app'>发票云 申请</View>
          <View className='subscribe-popup__ask'>验证指纹或面容</View>
        </View>
        <View className='subscribe-popup__item'>此操作须由本人确认（模拟）</View>
        <Button className='weui-btn weui-btn_primary soter-prompt__btn' onClick={() => onAnswer('fingerPrint')}>
          指纹验证通过
        </Button>
        <Button className='weui-btn weui-btn_default soter-prompt__btn' onClick={() => onAnswer('facial')}>
          面容验证通过
        </Button>
        <Button className='weui-btn weui-btn_default soter-prompt__btn' onClick={() => onAnswer('unavailable')}>
          本机未录入指纹或面容
        </Button>
        <Button className='weui-btn weui-btn_default soter-prompt__btn' onClick={() => onAnswer('cancel')}>
          取消
        </Button>
      </View>
    </View>
  );
}
