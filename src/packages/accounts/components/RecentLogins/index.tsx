import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { RecentLogin } from '../../../../../types/accounts';
import { useStores } from '../../../../stores';
import { timeText } from '../../format';
import './index.scss';

interface RecentLoginsProps {
  onPick: (login: RecentLogin) => void;
  onClose: () => void;
}

/** F19: my last ≤ 10 successful logins, newest first, in a sheet from the bottom to pick one. */
function RecentLoginsComponent({ onPick, onClose }: RecentLoginsProps) {
  const { accounts } = useStores();

  useEffect(() => {
    accounts.loadRecentLogins();
  }, [accounts]);

  let content: JSX.Element | JSX.Element[];
  if (!accounts.recentLoaded) {
    content = <View className='weui-loadmore'>{accounts.recentError ?? '加载中…'}</View>;
  } else if (accounts.recentLogins.length === 0) {
    content = <View className='weui-loadmore'>还没有登录记录</View>;
  } else {
    content = accounts.recentLogins.map((login) => (
      <View
        key={`${login.taxId}-${login.loggedInAt}`}
        className='weui-cell recent-logins__item'
        hoverClass='weui-cell_active'
        onClick={() => onPick(login)}
      >
        <View className='weui-cell__bd'>
          <View className='weui-cell__title'>{login.enterpriseName}</View>
          <View className='weui-cell__desc weui-tabular'>
            {`${login.taxId} · ${login.region} · ${login.maskedAccount}`}
          </View>
        </View>
        <View className='weui-cell__ft recent-logins__time weui-tabular'>{timeText(login.loggedInAt)}</View>
      </View>
    ));
  }

  return (
    <View className='recent-logins'>
      <View className='weui-mask' onClick={onClose} />
      <View className='recent-logins__sheet' role='dialog' aria-label='最近登录'>
        <View className='recent-logins__hd'>
          <Text className='recent-logins__title'>最近登录</Text>
          <Text className='recent-logins__close' onClick={onClose}>
            关闭
          </Text>
        </View>
        <View className='recent-logins__list'>{content}</View>
      </View>
    </View>
  );
}

export const RecentLogins = observer(RecentLoginsComponent);
