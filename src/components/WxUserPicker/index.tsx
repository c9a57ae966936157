import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import './index.scss';

/** Names offered with one tap; any other name works too (each name is its own WeChat user). */
export const SUGGESTED_USERS = ['张三', '李四', '王五', '赵六'];

interface WxUserPickerProps {
  onChoose: (name: string) => void;
}

/**
 * Browser build only: there is no wx.login, so the person at the browser says which simulated
 * WeChat user to be (CONTRACT.md; `?wxuser=NAME` skips this).
 */
export function WxUserPicker({ onChoose }: WxUserPickerProps) {
  const [name, setName] = useState('');
  const trimmed = name.trim();

  return (
    <View className='wx-user-picker'>
      <View className='weui-mask' />
      <View className='weui-dialog'>
        <View className='weui-dialog__hd'>选择模拟微信用户</View>
        <View className='weui-dialog__bd'>
          <View>浏览器中没有微信登录。请选择或输入一个名字，同一个名字始终是同一个微信用户。</View>
          <View className='wx-user-picker__names'>
            {SUGGESTED_USERS.map((suggested) => (
              <View
                key={suggested}
                className={`wx-user-picker__name ${suggested === trimmed ? 'wx-user-picker__name_on' : ''}`}
                onClick={() => setName(suggested)}
              >
                {suggested}
              </View>
            ))}
          </View>
          <Input
            className='weui-input wx-user-picker__input'
            placeholderClass='weui-input__placeholder'
            placeholder='或输入其他名字'
            maxlength={32}
            value={name}
            onInput={(e) => setName(e.detail.value)}
            onConfirm={() => trimmed && onChoose(trimmed)}
          />
        </View>
        <View className='weui-dialog__ft'>
          <Button
            className={`weui-dialog__btn weui-dialog__btn_primary ${trimmed ? '' : 'wx-user-picker__enter_disabled'}`}
            disabled={!trimmed}
            onClick={() => onChoose(trimmed)}
          >
            进入
          </Button>
        </View>
      </View>
    </View>
  );
}
