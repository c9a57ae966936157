import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { CHANNEL_SHORT, type Channel } from '../../../types/domain';

interface ResultMsgProps {
  /** ✓ on green for a finished act, ! on orange for one that did not finish. */
  tone: 'ok' | 'warn';
  title: string;
  detail?: string;
  /** What the page offers next: hints and buttons. */
  children?: ReactNode;
}

/**
 * WeUI's result page (weui-msg): how a login or 认证 ended, the same whether it was started from a
 * 登录通知, its browser link or the account list (issue 12 #10).
 */
export function ResultMsg({ tone, title, detail, children }: ResultMsgProps) {
  return (
    <View className='weui-msg'>
      <View className={`weui-msg__icon weui-msg__icon_${tone}`}>{tone === 'ok' ? '✓' : '!'}</View>
      <View className='weui-msg__title'>{title}</View>
      {detail && <View className='weui-msg__desc'>{detail}</View>}
      {children}
    </View>
  );
}

/** The title of a finished login or 认证: 登录成功，开票业务可以继续. */
export function successText({ purpose, channel }: { purpose: 'login' | 'auth'; channel: Channel }): string {
  return `${purpose === 'auth' ? '认证' : '登录'}成功，${CHANNEL_SHORT[channel]}业务可以继续`;
}
