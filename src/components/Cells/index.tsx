import type { ReactNode } from 'react';
import { Input, View, type InputProps } from '@tarojs/components';

interface CellGroupProps {
  /** Grey title above the group, e.g. the tenant's name. */
  title?: ReactNode;
  children: ReactNode;
}

/** A white WeUI cell group with its optional grey title. */
export function CellGroup({ title, children }: CellGroupProps) {
  return (
    <View className='weui-cells-group'>
      {title !== undefined && <View className='weui-cells__title'>{title}</View>}
      <View className='weui-cells'>{children}</View>
    </View>
  );
}

interface CellProps {
  title: ReactNode;
  /** Secondary line under the title (14 px grey). */
  description?: ReactNode;
  /** Right-hand side. */
  value?: ReactNode;
  /** Shows the chevron: the cell opens another page. */
  access?: boolean;
  onClick?: () => void;
  className?: string;
}

export function Cell({ title, description, value, access = false, onClick, className }: CellProps) {
  const classes = [
    'weui-cell',
    access ? 'weui-cell_access' : '',
    value !== undefined && description === undefined ? 'weui-cell_value' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View className={classes} hoverClass={onClick ? 'weui-cell_active' : 'none'} onClick={onClick}>
      <View className='weui-cell__bd'>
        <View className='weui-cell__title'>{title}</View>
        {description !== undefined && <View className='weui-cell__desc'>{description}</View>}
      </View>
      {(value !== undefined || access) && <View className='weui-cell__ft'>{value}</View>}
    </View>
  );
}

interface FormCellProps {
  /** Left-hand label, e.g. 密码. */
  label: ReactNode;
  children: ReactNode;
  /** Right-hand side, e.g. 获取验证码; nothing when false or absent. */
  footer?: ReactNode;
  /** e.g. WeUI's weui-cell_vcode for a 验证码 row. */
  className?: string;
}

/** A form row: label, the field, and what may stand at its right. */
export function FormCell({ label, children, footer, className }: FormCellProps) {
  return (
    <View className={`weui-cell ${className ?? ''}`}>
      <View className='weui-cell__hd'>{label}</View>
      <View className='weui-cell__bd'>{children}</View>
      {footer ? <View className='weui-cell__ft'>{footer}</View> : null}
    </View>
  );
}

export interface CellInputProps {
  placeholder: string;
  value: string;
  onInput: (value: string) => void;
  password?: boolean;
  type?: InputProps['type'];
  /** 64 unless told. */
  maxlength?: number;
  /** Digits line up (codes, 证件号码). */
  tabular?: boolean;
  onBlur?: InputProps['onBlur'];
  onConfirm?: InputProps['onConfirm'];
}

/** The WeUI text field of a form cell. */
export function CellInput({ onInput, tabular = false, maxlength = 64, ...rest }: CellInputProps) {
  return (
    <Input
      className={tabular ? 'weui-input weui-tabular' : 'weui-input'}
      placeholderClass='weui-input__placeholder'
      maxlength={maxlength}
      {...rest}
      onInput={(e) => onInput(e.detail.value)}
    />
  );
}

/** A form cell holding one text field: 电子税局账号, 密码, 新密码 … */
export function InputCell({ label, footer, ...input }: CellInputProps & Omit<FormCellProps, 'children'>) {
  return (
    <FormCell label={label} footer={footer}>
      <CellInput {...input} />
    </FormCell>
  );
}
