import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useFlow } from './context';

/** 验证码: the code sent to the holder's phone, 获取验证码 with its countdown, 登录. */
function SmsStepComponent() {
  const flow = useFlow();
  const [code, setCode] = useState('');
  const seconds = flow.resendSeconds;

  return (
    <View>
      <View className='weui-cells__title'>
        验证码已发送至 <Text className='weui-tabular'>{flow.state?.sms?.maskedPhone ?? ''}</Text>
      </View>
      <View className='weui-cells'>
        <View className='weui-cell'>
          <View className='weui-cell__hd'>验证码</View>
          <View className='weui-cell__bd'>
            <Input
              className='weui-input weui-tabular'
              placeholderClass='weui-input__placeholder'
              placeholder='请输入验证码'
              type='number'
              maxlength={6}
              value={code}
              onInput={(e) => {
                setCode(e.detail.value);
                if (flow.error) flow.clearError();
              }}
              onConfirm={() => flow.submitSms(code)}
            />
          </View>
          <View className='weui-cell__ft'>
            <Text
              className={`flow-steps__resend ${seconds > 0 || flow.busy ? 'flow-steps__resend_off' : ''}`}
              onClick={() => flow.resendSms()}
            >
              {seconds > 0 ? `${seconds}s 后重新获取` : '获取验证码'}
            </Text>
          </View>
        </View>
      </View>
      {flow.error && <View className='weui-form__error'>{flow.error.message}</View>}
      <View className='weui-btn-area'>
        <Button
          className={`weui-btn weui-btn_primary ${flow.busy ? 'weui-btn_disabled' : ''}`}
          disabled={flow.busy}
          loading={flow.busy}
          onClick={() => flow.submitSms(code)}
        >
          登录
        </Button>
      </View>
    </View>
  );
}

export const SmsStep = observer(SmsStepComponent);
