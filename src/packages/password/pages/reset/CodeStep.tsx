import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { FormCell } from '../../../../components/Cells';
import { ResendLink, SMS_CODE_CELL, SmsCodeInput } from '../../../../components/SmsCode';
import { ActionArea } from '../../../../components/ActionArea';
import { usePasswords } from '../../stores/PasswordChangeStore';
import { fieldOfError } from '../../rules';

/**
 * 验证码: 获取验证码 with its countdown, the code → 下一步. For a hosted number (华盟托管号码,
 * 企享云办税小号) the code is fetched and filled in by itself (seed: 不用手工输入).
 */
function CodeStepComponent() {
  const passwords = usePasswords();
  const [code, setCode] = useState('');
  const { hosted, codeFilled, fetchingCode, busy } = passwords;
  const seconds = passwords.resendSeconds;
  const sms = passwords.state?.sms;

  const server = passwords.error;
  const serverField = server
    ? (fieldOfError(server.code) ?? (server.code === 'validation_error' ? 'code' : null))
    : null;
  const fieldError = server && serverField === 'code' ? server.message : null;
  const topError = server && serverField !== 'code' ? server.message : null;

  const resendOff = seconds > 0 || busy || fetchingCode || codeFilled;
  let codeCell: JSX.Element;
  if (codeFilled) codeCell = <Text className='password-reset__filled'>已自动获取</Text>;
  else if (fetchingCode) codeCell = <Text className='password-reset__fetching'>正在自动获取验证码…</Text>;
  else if (hosted) codeCell = <Text className='weui-input__placeholder'>获取后自动填写</Text>;
  else {
    codeCell = (
      <SmsCodeInput
        value={code}
        onInput={(value) => {
          setCode(value);
          passwords.clearError();
        }}
      />
    );
  }

  return (
    <View>
      <View className='weui-cells__title'>
        {sms?.maskedPhone ? (
          <Text>
            验证码已发送至 <Text className='weui-tabular'>{sms.maskedPhone}</Text>
          </Text>
        ) : (
          '点击“获取验证码”，验证码将发送至该账号在税局绑定的手机'
        )}
      </View>
      <View className='weui-cells'>
        <FormCell
          className={SMS_CODE_CELL}
          label='验证码'
          footer={
            !codeFilled && (
              <ResendLink
                className='password-reset__resend'
                seconds={seconds}
                off={resendOff}
                onClick={() => passwords.sendCode()}
              />
            )
          }
        >
          {codeCell}
        </FormCell>
        {fieldError && <View className='weui-form__error password-reset__field-error'>{fieldError}</View>}
      </View>
      {hosted && (
        <View className='weui-form__tips password-reset__hosted'>
          该账号为托管号码：点击“获取验证码”后，验证码会自动获取并填写，不用手工输入。
        </View>
      )}
      <ActionArea error={topError}>
        <Button
          className={`weui-btn weui-btn_primary ${busy || fetchingCode ? 'weui-btn_disabled' : ''}`}
          loading={busy}
          disabled={busy || fetchingCode || (hosted && !codeFilled)}
          onClick={() => passwords.submitCode(code)}
        >
          下一步
        </Button>
      </ActionArea>
    </View>
  );
}

export const CodeStep = observer(CodeStepComponent);
