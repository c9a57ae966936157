import { Text } from '@tarojs/components';
import { CellInput } from '../Cells';

interface SmsCodeInputProps {
  value: string;
  onInput: (value: string) => void;
  onConfirm?: () => void;
}

/** The class of a 验证码 row (WeUI's vcode cell): on a 320 px phone its placeholder stays whole. */
export const SMS_CODE_CELL = 'weui-cell_vcode';

/** The 6-digit 验证码 field. */
export function SmsCodeInput({ value, onInput, onConfirm }: SmsCodeInputProps) {
  return (
    <CellInput
      tabular
      placeholder='请输入验证码'
      type='number'
      maxlength={6}
      value={value}
      onInput={onInput}
      {...(onConfirm ? { onConfirm } : {})}
    />
  );
}

interface ResendLinkProps {
  /** Seconds until it may be pressed again; 0 when it may. */
  seconds: number;
  /** Greyed out (the countdown runs, or the page is busy). */
  off: boolean;
  /** The page's class; `${className}_off` when greyed out. */
  className: string;
  onClick: () => void;
}

/** 获取验证码, or "59s 后重新获取" while the countdown runs. */
export function ResendLink({ seconds, off, className, onClick }: ResendLinkProps) {
  return (
    <Text className={`weui-vcode-btn ${className} ${off ? `${className}_off` : ''}`} onClick={onClick}>
      {seconds > 0 ? `${seconds}s 后重新获取` : '获取验证码'}
    </Text>
  );
}
