import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { usePageLoad } from '../../../../usePageLoad';
import { AppPage } from '../../../../components/AppPage';
import { Cell } from '../../../../components/Cells';
import { openPage } from '../../../../navigation';
import { loginRequestUrl } from '../../../../routes';
import { useStores } from '../../../../stores';
import { clockText, timeLeftText } from '../../format';
import './index.scss';

/** 登录通知 (F15): my pending login requests, newest first, for whoever missed the message. */
function LoginRequestListPage() {
  const { loginRequests } = useStores();
  // Time left is as of the last load.
  const [now, setNow] = useState(Date.now());

  const load = async () => {
    setNow(Date.now());
    await loginRequests.loadList();
  };

  // Every show: a request finished on its page leaves the list.
  usePageLoad(load);

  let content: JSX.Element;
  if (!loginRequests.loaded) {
    const error = loginRequests.loadError;
    content = (
      <View className='weui-empty'>
        <View className={`weui-empty__title ${error ? 'weui-error-text' : ''}`}>{error ?? '加载中…'}</View>
        {error && (
          <View className='weui-btn-area'>
            <Button className='weui-btn' onClick={load}>
              重试
            </Button>
          </View>
        )}
      </View>
    );
  } else if (loginRequests.pending.length === 0) {
    content = (
      <View className='weui-empty'>
        <View className='weui-empty__title'>暂无待处理的登录通知</View>
        <View className='weui-empty__desc'>开票系统需要登录电子税局时，会通知账号绑定的微信，也会列在这里</View>
      </View>
    );
  } else {
    content = (
      <View>
        {loginRequests.loadError && <View className='weui-form__error'>{loginRequests.loadError}</View>}
        <View className='weui-cells'>
          {loginRequests.pending.map((request) => (
            <Cell
              key={request.id}
              access
              className='login-requests__item'
              title={request.title}
              description={
                <View className='login-requests__who'>
                  <Text className='weui-ellipsis login-requests__name'>{request.enterprise.name}</Text>
                  <Text className='weui-tabular'>{` · ${request.maskedAccount}`}</Text>
                </View>
              }
              value={
                <View className='login-requests__time'>
                  <View className='weui-tabular'>{clockText(request.createdAt, now)}</View>
                  <View className='login-requests__left'>{timeLeftText(Date.parse(request.expiresAt) - now)}</View>
                </View>
              }
              onClick={() => openPage(loginRequestUrl(request.id))}
            />
          ))}
        </View>
      </View>
    );
  }

  return <AppPage className='login-requests'>{content}</AppPage>;
}

export default observer(LoginRequestListPage);
