import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { AppPage } from '../../../../components/AppPage';
import { navigateBackOr } from '../../../../navigation';
import { Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { useFlowLeftWithPage } from '../../../accounts/components/FlowSteps';
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

  // F20: after a login is the natural moment to ask WeChat for more notices; the request runs first in the tap.
  const moreNotices = async () => {
    const problem = await subscriptions.requestMore();
    Taro.showToast(problem ? { title: problem, icon: 'none' } : { title: '已开启登录通知', icon: 'success' });
  };

  const doneExtra = (
    <View>
      {subscriptions.templates &&
        (subscriptions.loginNoticesLeft > 0 ? (
          <View className='request-panel__hint'>{`当前还可接收${subscriptions.loginNoticesLeft}次登录通知`}</View>
        ) : (
          <View className='request-panel__hint request-panel__warn'>登录通知已用完，点击继续接收</View>
        ))}
      <View className='weui-btn-area'>
        <Button className='weui-btn weui-btn_primary' onClick={moreNotices}>
          继续接收登录通知
        </Button>
        <Button className='weui-btn' onClick={() => navigateBackOr(Routes.loginRequestList)}>
          返回
        </Button>
      </View>
    </View>
  );

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
