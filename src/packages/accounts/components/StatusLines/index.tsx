import { Text, View } from '@tarojs/components';
import type { AccountView } from '../../../../../types/accounts';
import { CHANNEL_SHORT, CHANNELS } from '../../labels';
import { boundText, expiresSoon, expiryText } from '../../format';
import './index.scss';

type TagColor = 'green' | 'grey' | 'orange' | 'red' | 'blue';

export function Tag({ color, children }: { color: TagColor; children: string }) {
  return <Text className={`weui-tag weui-tag_${color} account-tag`}>{children}</Text>;
}

/** The tags beside the account: 已绑定/未绑定 (本人), 默认开票/默认收票, 已锁定. */
export function AccountTags({ account }: { account: AccountView }) {
  return (
    <>
      <Tag color={account.bound === 'none' ? 'grey' : 'green'}>{boundText(account.bound)}</Tag>
      {CHANNELS.filter((c) => account.defaults.includes(c)).map((c) => (
        <Tag key={c} color='blue'>{`默认${CHANNEL_SHORT[c]}`}</Tag>
      ))}
      {account.locked && <Tag color='red'>已锁定</Tag>}
    </>
  );
}

/**
 * One line per live state: 已登录 per channel and 已认证, each with its expiry (orange 即将到期 in the
 * last 30 minutes), 已锁定 with its reason.
 */
export function StatusLines({ account, now = Date.now() }: { account: AccountView; now?: number }) {
  const sessions = CHANNELS.filter((c) => account.sessions[c]).map((c) => [c, account.sessions[c] as string] as const);
  return (
    <View className='status-lines'>
      {sessions.map(([channel, until]) => (
        <View key={channel} className='status-lines__line'>
          <Tag color='green'>已登录</Tag>
          <Text className='status-lines__text weui-tabular'>{`${CHANNEL_SHORT[channel]} · ${expiryText(until, now)}`}</Text>
          {expiresSoon(until, now) && <Tag color='orange'>即将到期</Tag>}
        </View>
      ))}
      {account.authValidUntil && (
        <View className='status-lines__line'>
          <Tag color='green'>已认证</Tag>
          <Text className='status-lines__text weui-tabular'>{expiryText(account.authValidUntil, now)}</Text>
          {expiresSoon(account.authValidUntil, now) && <Tag color='orange'>即将到期</Tag>}
        </View>
      )}
      {account.locked && (
        <View className='status-lines__line status-lines__line_locked'>
          <Text>{`已锁定：${account.locked.reason || '自动登录失败'}`}</Text>
        </View>
      )}
    </View>
  );
}
