import { useState } from 'react';
import { Button, Picker, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { InputCell } from '../../../../components/Cells';
import { ActionArea } from '../../../../components/ActionArea';
import { usePasswords } from '../../stores/PasswordChangeStore';
import {
  fieldOfError,
  ID_TYPES,
  idNumberSubmitError,
  idNumberTypingError,
  normalizeIdNumber,
  RESIDENT_ID,
  type IdType,
} from '../../rules';

/** 身份认证: 证件类型 + 证件号码 of the account's holder, checked as typed → 下一步. */
function IdentityStepComponent({ accountId }: { accountId: string }) {
  const passwords = usePasswords();
  // The 证件号码 lives only here: it goes when the step or the page goes.
  const [idType, setIdType] = useState<IdType>(RESIDENT_ID);
  const [idNumber, setIdNumber] = useState('');
  const [submitError, setSubmitError] = useState<string | null>(null);

  const server = passwords.error;
  const serverField = server
    ? (fieldOfError(server.code) ?? (server.code === 'validation_error' ? 'idNumber' : null))
    : null;
  const fieldError =
    submitError ??
    idNumberTypingError(idType, idNumber) ??
    (server && serverField === 'idNumber' ? server.message : null);
  const topError = server && serverField !== 'idNumber' ? server.message : null;

  const edit = (next: { idType?: IdType; idNumber?: string }) => {
    if (next.idType !== undefined) setIdType(next.idType);
    if (next.idNumber !== undefined) setIdNumber(next.idNumber);
    setSubmitError(null);
    passwords.clearError();
  };

  const submit = () => {
    const error = idNumberSubmitError(idType, idNumber);
    setSubmitError(error);
    passwords.clearError();
    if (error || !accountId) return;
    passwords.startReset(accountId, { idType, idNumber: normalizeIdNumber(idNumber) });
  };

  return (
    <View>
      <View className='weui-cells__title'>输入该账号实名登记的证件类型和证件号码</View>
      <View className='weui-cells'>
        <Picker
          mode='selector'
          range={[...ID_TYPES]}
          value={Math.max(0, ID_TYPES.indexOf(idType))}
          onChange={(e) => edit({ idType: ID_TYPES[Number(e.detail.value)] })}
        >
          <View className='weui-cell weui-cell_access'>
            <View className='weui-cell__hd'>证件类型</View>
            <View className='weui-cell__bd'>{idType}</View>
            <View className='weui-cell__ft' />
          </View>
        </Picker>
        <InputCell
          label='证件号码'
          tabular
          placeholder='请输入证件号码'
          type={idType === RESIDENT_ID ? 'idcard' : 'text'}
          maxlength={32}
          value={idNumber}
          onInput={(value) => edit({ idNumber: value })}
        />
        {fieldError && <View className='weui-form__error password-reset__field-error'>{fieldError}</View>}
      </View>
      <ActionArea error={topError}>
        <Button
          className={`weui-btn weui-btn_primary ${passwords.busy ? 'weui-btn_disabled' : ''}`}
          loading={passwords.busy}
          disabled={passwords.busy}
          onClick={submit}
        >
          下一步
        </Button>
      </ActionArea>
    </View>
  );
}

export const IdentityStep = observer(IdentityStepComponent);
