import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { FormCell } from '../../../../components/Cells';
import { ResendLink, SMS_CODE_CELL, SmsCodeInput } from '../../../../components/SmsCode';
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
        <FormCell
          className={SMS_CODE_CELL}
          label='验证码'
          footer={
            <ResendLink
              className='flow-steps__resend'
              seconds={seconds}
              off={seconds > 0 || flow.busy}
              onClick={() => flow.resendSms()}
            />
          }
        >
          <SmsCodeInput
            value={code}
            onInput={(value) => {
              setCode(value);
              if (flow.error) flow.clearError();
            }}
            onConfirm={() => flow.submitSms(code)}
          />
        </FormCell>
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
