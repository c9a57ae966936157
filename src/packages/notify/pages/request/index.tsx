import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { AppPage } from '../../../../components/AppPage';
import { navigateBackOr } from '../../../../navigation';
import { Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { useFlowLeftWithPage } from '../../../accounts/components/FlowSteps';
import { MoreNotices } from '../../../accounts/components/MoreNotices';
import { useParam } from '../../../accounts/params';
import { RequestPanel } from '../../components/RequestPanel';
import { OpenRequest } from '../../stores/OpenRequest';

/**
 * One 登录通知 (F15), opened from the subscribe message or the list: what is asked and the login or
 * 认证 that answers it. Only the WeChat user the account is bound to sees it.
 */
function LoginRequestPage() {
  const { loginRequests, flow: appFlow, subscriptions } = useStores();
  const id = useParam('id');
  const [request] = useState(() => new OpenRequest({ source: { load: () => loginRequests.fetch(id) }, flow: appFlow }));
  const flow = useFlowLeftWithPage();

  useEffect(() => {
    if (id) request.load();
    // The template ids must be here before the tap that asks for more notices.
    subscriptions.load();
    request.startClock();
    return () => request.stopClock();
  }, [request, subscriptions, id]);

  // F20: after a login is the natural moment to ask WeChat for more notices (MoreNotices).
  const doneExtra = <MoreNotices onBack={() => navigateBackOr(Routes.loginRequestList)} />;

  return (
    <AppPage className='login-request'>
      {id ? (
        <RequestPanel request={request} flow={flow} via='app' doneExtra={doneExtra} />
      ) : (
        <View className='weui-loadmore weui-error-text'>页面缺少登录通知信息，请从登录通知列表进入</View>
      )}
    </AppPage>
  );
}

export default observer(LoginRequestPage);
