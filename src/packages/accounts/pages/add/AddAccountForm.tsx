import { Button, Picker, Text, View } from '@tarojs/components';
import { ActionArea } from '../../../../components/ActionArea';
import { InputCell } from '../../../../components/Cells';
import type { Channel, LoginType, Role } from '../../../../../types/domain';
import { CHANNEL_LABELS, LOGIN_TYPE_LABELS, LOGIN_TYPES, ROLES, WITHDRAWN_LOGIN_TYPE_LABEL } from '../../labels';
import type { AddField, AddFormValues } from '../../rules';

interface AddAccountFormProps {
  enterprise: { taxId: string; region: string } | undefined;
  /** 开票业务 or 收票业务, shown and changeable in place. */
  business: Channel;
  onPickBusiness: () => void;
  values: AddFormValues;
  errors: Partial<Record<AddField, string>>;
  topError: string | null;
  busy: boolean;
  onChange: (field: AddField, value: string) => void;
  /** The account field was left: the page asks the bureau for the 身份 to prefill. */
  onAccountDone: () => void;
  /** What the bureau says the typed account is here, e.g. "张*丰 · 办税员（开票、收票）". */
  bureauHint: string | null;
  onPickRecent: () => void;
  onLogin: () => void;
  onQrLogin: () => void;
}

function FieldError({ message }: { message?: string }) {
  return message ? <View className='weui-form__error account-add__field-error'>{message}</View> : null;
}

/** F5 新增账号: 地区, 税号, 身份, 电子税局账号, 密码, 登录类型; 登录 or 扫码登录. */
export function AddAccountForm(props: AddAccountFormProps) {
  const { enterprise, values, errors, topError, busy, onChange } = props;
  const roleIndex = Math.max(0, ROLES.indexOf(values.role as Role));

  return (
    <View>
      <View className='weui-cells__title'>核对地区、税号和身份，输入电子税局账号与密码</View>
      <View className='weui-cells'>
        <View className='weui-cell'>
          <View className='weui-cell__hd'>地区</View>
          <View className='weui-cell__bd'>{enterprise?.region ?? ''}</View>
        </View>
        {/* The 18-character 税号 whole on a 320 px phone: no chevron beside it, 最近登录 below it. */}
        <View className='weui-cell' hoverClass='weui-cell_active' onClick={props.onPickRecent}>
          <View className='weui-cell__hd'>税号</View>
          <View className='weui-cell__bd'>
            <View className='weui-tabular account-add__tax-id'>{enterprise?.taxId ?? ''}</View>
            <View className='weui-cell__desc account-add__recent'>最近登录</View>
          </View>
        </View>
        <View className='weui-cell weui-cell_access' hoverClass='weui-cell_active' onClick={props.onPickBusiness}>
          <View className='weui-cell__hd'>业务</View>
          <View className='weui-cell__bd'>{CHANNEL_LABELS[props.business]}</View>
          <View className='weui-cell__ft' />
        </View>
        <Picker
          mode='selector'
          range={[...ROLES]}
          value={roleIndex}
          onChange={(e) => onChange('role', ROLES[Number(e.detail.value)])}
        >
          <View className='weui-cell weui-cell_access'>
            <View className='weui-cell__hd'>身份</View>
            <View className='weui-cell__bd'>
              {values.role || <Text className='weui-input__placeholder'>请选择身份</Text>}
            </View>
            <View className='weui-cell__ft' />
          </View>
        </Picker>
        <FieldError message={errors.role} />
        <InputCell
          label='电子税局账号'
          placeholder='手机号码/证件号码/用户名'
          value={values.account}
          onInput={(value) => onChange('account', value)}
          onBlur={props.onAccountDone}
        />
        <FieldError message={errors.account} />
        {props.bureauHint && <View className='account-add__bureau'>{`税局登记：${props.bureauHint}`}</View>}
        <InputCell
          label='密码'
          placeholder='请输入电子税局密码'
          password
          value={values.password}
          onInput={(value) => onChange('password', value)}
        />
        <FieldError message={errors.password} />
      </View>

      <View className='weui-cells__title'>登录类型</View>
      <View className='weui-cells'>
        {LOGIN_TYPES.map((type: LoginType) => (
          <View
            key={type}
            className='weui-cell'
            hoverClass='weui-cell_active'
            onClick={() => onChange('loginType', type)}
          >
            <View className='weui-cell__bd'>{LOGIN_TYPE_LABELS[type]}</View>
            <View className='weui-cell__ft'>{values.loginType === type && <View className='weui-cell__check' />}</View>
          </View>
        ))}
        <View className='weui-cell account-add__withdrawn' aria-disabled='true'>
          <View className='weui-cell__bd'>{WITHDRAWN_LOGIN_TYPE_LABEL}</View>
          <View className='weui-cell__ft'>
            <Text className='weui-tag'>已下架</Text>
          </View>
        </View>
      </View>
      <FieldError message={errors.loginType} />

      <ActionArea className='account-add__actions' error={topError}>
        <Button
          className={`weui-btn weui-btn_primary ${busy ? 'weui-btn_disabled' : ''}`}
          disabled={busy}
          loading={busy}
          onClick={props.onLogin}
        >
          登录
        </Button>
        <Button className='weui-btn' disabled={busy} onClick={props.onQrLogin}>
          扫码登录
        </Button>
      </ActionArea>
    </View>
  );
}
