import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { AppPage } from '../../../../components/AppPage';
import { hideHomeButton } from '../../../../navigation';
import { taroStorage } from '../../../../services/storage';
import { useStores } from '../../../../stores';
import { useParam } from '../../../accounts/params';
import { RequestPanel } from '../../components/RequestPanel';
import { openLink } from '../../stores/link';

/**
 * The browser link (F18): the login request's page for whoever holds the single-use link, in any
 * browser and with no WeChat sign-in — only the link routes are called, with the token `t`.
 */
function LoginLinkPage() {
  const { api } = useStores();
  const token = useParam('t');
  const [{ request, flow }] = useState(() => openLink(api, token, taroStorage));

  // Nowhere to go from here without WeChat: no 🏠 to the app.
  useEffect(() => hideHomeButton(), []);

  useEffect(() => {
    if (token) request.load();
    request.startClock();
    return () => {
      request.stopClock();
      // The flow stops with the page: its timers, and on the server (best effort).
      flow.leave();
    };
  }, [request, flow, token]);

  return (
    <AppPage className='login-link' anonymous>
      {token ? (
        <RequestPanel request={request} flow={flow} via='link' />
      ) : (
        <View className='weui-empty'>
          <View className='weui-empty__title'>链接无效</View>
          <View className='weui-empty__desc'>请核对链接是否完整，或在发票云小程序中处理登录通知</View>
        </View>
      )}
    </AppPage>
  );
}

export default observer(LoginLinkPage);
