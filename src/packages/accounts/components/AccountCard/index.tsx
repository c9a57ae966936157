import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { AccountView } from '../../../../../types/accounts';
import { loginTypeText, permissionText } from '../../format';
import { canLogIn, moreActions } from '../../rules';
import { AccountTags, StatusLines } from '../StatusLines';
import { NO_NOTICES_TEXT } from '../NoticeOffer';
import './index.scss';

export interface AccountCardActions {
  onLogin: (account: AccountView) => void;
  onAuth: (account: AccountView) => void;
  onMore: (account: AccountView) => void;
  onUnlock: (account: AccountView) => void;
  onMoreNotices: () => void;
}

interface AccountCardProps extends AccountCardActions {
  account: AccountView;
  now: number;
}

/** One account of 电子税局账号管理 (F4): who it is, its state, and the actions this user may take. */
function AccountCardComponent({ account, now, onLogin, onAuth, onMore, onUnlock, onMoreNotices }: AccountCardProps) {
  const loginable = canLogIn(account);
  const hasMore = moreActions(account).length > 0;
  return (
    <View className='weui-cells account-card'>
      <View className='account-card__bd'>
        <View className='account-card__hd'>
          <Text className='account-card__account weui-tabular'>{account.maskedAccount}</Text>
          <View className='account-card__tags'>
            <AccountTags account={account} />
          </View>
        </View>
        <View className='account-card__meta'>
          {`${account.role} · ${permissionText(account.permissions)} · ${loginTypeText(account)}`}
        </View>
        <StatusLines account={account} now={now} />
        {account.locked?.byPassword && (
          <View className='account-card__hint'>密码错误导致锁定：解锁前请先更新密码，否则会再次锁定</View>
        )}
        {/* F20: each notice spends one WeChat acceptance; a tap here asks WeChat for more. */}
        {account.bound === 'me' &&
          account.notificationsLeft !== undefined &&
          (account.notificationsLeft > 0 ? (
            <View className='account-card__hint'>
              {`可接收${account.notificationsLeft}次登录通知`}
              <Text className='account-card__more-notices' onClick={onMoreNotices}>
                继续接收登录通知
              </Text>
            </View>
          ) : (
            <View className='account-card__hint account-card__hint_warn' onClick={onMoreNotices}>
              {`未开启登录通知，${NO_NOTICES_TEXT}`}
              <Text className='account-card__more-notices'>开启</Text>
            </View>
          ))}
        {/* Issue 14: drop alerts and expiry reminders share the 登录通知 credits (server/domain/session-watch.ts). */}
        {account.bound === 'me' && account.notificationsLeft !== undefined && (
          <View className='account-card__hint'>掉线和到期提醒也用这些次数；到期提醒不用最后1次</View>
        )}
      </View>
      {(loginable || hasMore || account.can.unlock) && (
        <View className='account-card__actions'>
          {loginable && (
            <View
              className='account-card__action'
              hoverClass='account-card__action_active'
              onClick={() => onLogin(account)}
            >
              登录
            </View>
          )}
          {loginable && (
            <View
              className='account-card__action'
              hoverClass='account-card__action_active'
              onClick={() => onAuth(account)}
            >
              认证
            </View>
          )}
          {account.can.unlock && (
            <View
              className='account-card__action account-card__action_warn'
              hoverClass='account-card__action_active'
              onClick={() => onUnlock(account)}
            >
              解锁
            </View>
          )}
          {hasMore && (
            <View
              className='account-card__action'
              hoverClass='account-card__action_active'
              onClick={() => onMore(account)}
            >
              更多
            </View>
          )}
        </View>
      )}
    </View>
  );
}

export const AccountCard = observer(AccountCardComponent);
