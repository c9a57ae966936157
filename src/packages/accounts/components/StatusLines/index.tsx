import { Text, View } from '@tarojs/components';
import type { AccountView } from '../../../../../types/accounts';
import { CHANNEL_SHORT, CHANNELS } from '../../labels';
import type { Channel } from '../../../../../types/domain';
import { boundText, droppedText, expiresSoon, expiryText } from '../../format';
import './index.scss';

type TagColor = 'green' | 'grey' | 'orange' | 'red' | 'blue';

export function Tag({ color, children }: { color: TagColor; children: string }) {
  return <Text className={`weui-tag weui-tag_${color} account-tag`}>{children}</Text>;
}

/** The tags beside the account: 已绑定/未绑定 (本人), 默认开票/默认收票, 已锁定. */
export function AccountTags({ account }: { account: AccountView }) {
  return (
    <>
      <Tag color={account.bound === 'me' ? 'green' : 'grey'}>{boundText(account.bound)}</Tag>
      {CHANNELS.filter((c) => account.defaults.includes(c)).map((c) => (
        <Tag key={c} color='blue'>{`默认${CHANNEL_SHORT[c]}`}</Tag>
      ))}
      {account.locked && <Tag color='red'>已锁定</Tag>}
    </>
  );
}

/** 即将到期 as the server says it (its reminder lead time); the app's own rule only for an older server. */
function soon(account: AccountView, what: Channel | 'auth', until: string, now: number): boolean {
  return account.expiringSoon ? account.expiringSoon.includes(what) : expiresSoon(until, now);
}

/**
 * One line per live state: 已登录 per channel and 已认证, each with its expiry (orange 即将到期 within
 * the reminder lead time), 已掉线 per channel with when and the likely cause, 已锁定 with its reason.
 */
export function StatusLines({ account, now = Date.now() }: { account: AccountView; now?: number }) {
  const sessions = CHANNELS.filter((c) => account.sessions[c]).map((c) => [c, account.sessions[c] as string] as const);
  const drops = CHANNELS.flatMap((c) => {
    const drop = account.dropped?.[c];
    return drop ? [[c, drop] as const] : [];
  });
  return (
    <View className='status-lines'>
      {drops.map(([channel, drop]) => (
        <View key={`drop-${channel}`} className='status-lines__line'>
          <Tag color='red'>已掉线</Tag>
          <Text className='status-lines__text weui-tabular'>{droppedText(channel, drop, now)}</Text>
        </View>
      ))}
      {sessions.map(([channel, until]) => (
        <View key={channel} className='status-lines__line'>
          <Tag color='green'>已登录</Tag>
          <Text className='status-lines__text weui-tabular'>{`${CHANNEL_SHORT[channel]} · ${expiryText(until, now)}`}</Text>
          {soon(account, channel, until, now) && <Tag color='orange'>即将到期</Tag>}
        </View>
      ))}
      {account.authValidUntil && (
        <View className='status-lines__line'>
          <Tag color='green'>已认证</Tag>
          <Text className='status-lines__text weui-tabular'>{expiryText(account.authValidUntil, now)}</Text>
          {soon(account, 'auth', account.authValidUntil, now) && <Tag color='orange'>即将到期</Tag>}
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
