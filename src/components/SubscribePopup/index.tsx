import { Button, View } from '@tarojs/components';
import './index.scss';

interface SubscribePopupProps {
  templates: { id: string; title: string }[];
  onAnswer: (allowed: boolean) => void;
}

/**
 * Browser build only: stands in for WeChat's subscribe-message popup (wx.requestSubscribeMessage
 * has no browser version), with WeChat's wording and its 取消 / 允许.
 */
export function SubscribePopup({ templates, onAnswer }: SubscribePopupProps) {
  return (
    <View className='subscribe-popup'>
      <View className='weui-mask' />
      <View className='weui-half-screen-dialog' role='dialog' aria-label='订阅消息'>
        <View className='weui-half-screen-dialog__hd'>
          <View className='subscribe-popup__app'>发票云 申请</View>
          <View className='subscribe-popup__ask'>发送以下消息</View>
        </View>
        <View className='weui-half-screen-dialog__bd'>
          {templates.map((template) => (
            <View key={template.id} className='subscribe-popup__item'>
              {template.title}
            </View>
          ))}
        </View>
        <View className='weui-half-screen-dialog__btn-area'>
          <Button className='weui-btn weui-btn_default' onClick={() => onAnswer(false)}>
            取消
          </Button>
          <Button className='weui-btn weui-btn_primary' onClick={() => onAnswer(true)}>
            允许
          </Button>
        </View>
      </View>
    </View>
  );
}
