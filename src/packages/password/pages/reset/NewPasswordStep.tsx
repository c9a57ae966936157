import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { InputCell } from '../../../../components/Cells';
import { PASSWORD_SYMBOLS } from '../../../../../types/validators';
import { ActionArea } from '../../../../components/ActionArea';
import { usePasswords } from '../../stores/PasswordChangeStore';
import { fieldOfError, newPasswordErrors } from '../../rules';

type Field = 'newPassword' | 'confirmPassword';

/** 重置密码: 新密码 + 确认密码 under the bureau's policy, checked as typed → 确定. */
function NewPasswordStepComponent() {
  const passwords = usePasswords();
  // The passwords live only here: they go when the step or the page goes.
  const [values, setValues] = useState({ newPassword: '', confirmPassword: '' });
  const [submitting, setSubmitting] = useState(false);

  const errors = newPasswordErrors(values.newPassword, values.confirmPassword, submitting);
  const server = passwords.error;
  const serverField =
    server && (fieldOfError(server.code) === 'newPassword' || server.code === 'validation_error')
      ? 'newPassword'
      : null;
  const newPasswordError = errors.newPassword ?? (server && serverField ? server.message : undefined);
  const topError = server && !serverField ? server.message : null;

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setSubmitting(false);
    passwords.clearError();
  };

  const submit = () => {
    setSubmitting(true);
    passwords.clearError();
    const invalid = newPasswordErrors(values.newPassword, values.confirmPassword, true);
    if (invalid.newPassword || invalid.confirmPassword) return;
    passwords.setPassword(values);
  };

  return (
    <View>
      <View className='weui-cells__title'>{`设置新的税局密码：8-16位，包含数字、字母（区分大小写）、特殊字符 ${PASSWORD_SYMBOLS} 中的至少两种`}</View>
      <View className='weui-cells'>
        <InputCell
          label='新密码'
          placeholder='请输入新密码'
          password
          value={values.newPassword}
          onInput={(value) => change('newPassword', value)}
        />
        {newPasswordError && <View className='weui-form__error password-reset__field-error'>{newPasswordError}</View>}
        <InputCell
          label='确认密码'
          placeholder='请再次输入新密码'
          password
          value={values.confirmPassword}
          onInput={(value) => change('confirmPassword', value)}
        />
        {errors.confirmPassword && (
          <View className='weui-form__error password-reset__field-error'>{errors.confirmPassword}</View>
        )}
      </View>
      <ActionArea error={topError}>
        <Button
          className={`weui-btn weui-btn_primary ${passwords.busy ? 'weui-btn_disabled' : ''}`}
          loading={passwords.busy}
          disabled={passwords.busy}
          onClick={submit}
        >
          确定
        </Button>
      </ActionArea>
    </View>
  );
}

export const NewPasswordStep = observer(NewPasswordStepComponent);
