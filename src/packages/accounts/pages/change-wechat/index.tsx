import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { InputCell } from '../../../../components/Cells';
import { AppPage } from '../../../../components/AppPage';
import { navigateBackOr } from '../../../../navigation';
import { accountListUrl, Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { AccountSummary } from '../../components/AccountSummary';
import { NoticeOffer } from '../../components/NoticeOffer';
import { FlowSteps, useFlowLeftWithPage } from '../../components/FlowSteps';
import { useParam } from '../../params';

/**
 * F9 更换微信: the holder of an account bound to someone else proves it with a bureau login (the
 * account's password, then the 验证码), and the binding moves to their WeChat.
 */
function ChangeWechatPage() {
  const { accounts, subscriptions } = useStores();
  const accountId = useParam('accountId');
  const account = accounts.details[accountId];
  // The password lives only here, in this page's state: it goes when the page goes.
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  const flow = useFlowLeftWithPage();

  useEffect(() => {
    if (accountId) accounts.loadDetail(accountId);
  }, [accounts, accountId]);

  const back = () => navigateBackOr(account ? accountListUrl(account.enterprise.id) : Routes.home);
  const step = flow.step;
  // The new holder is asked for 登录通知 now (F20): with none, the page stays and offers 开启.
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (step !== 'done') return;
    (async () => {
      await Promise.all([accounts.loadDetail(accountId), subscriptions.load()]);
      const left = accounts.details[accountId]?.notificationsLeft ?? 0;
      Taro.showToast({ title: '更换成功', icon: 'success' });
      if (left > 0) back();
      else setChanged(true);
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const submit = () => {
    setMissing(!password);
    if (!password || !accountId) return;
    flow.start({ kind: 'account', accountId, body: { purpose: 'change_wechat', password } });
  };

  const loadError = accountId ? accounts.detailErrors[accountId] : '页面缺少账号信息，请从电子税局账号管理进入';

  return (
    <AppPage className='change-wechat'>
      {account ? (
        <AccountSummary account={account} />
      ) : (
        loadError && <View className='weui-form__error'>{loadError}</View>
      )}
      {changed && account ? (
        <View>
          <View className='weui-form__tips'>已更换为你的微信，原绑定的微信已收到通知</View>
          <NoticeOffer left={account.notificationsLeft ?? 0} onEnabled={back} />
          <View className='weui-btn-area'>
            <Button className='weui-btn' onClick={back}>
              返回
            </Button>
          </View>
        </View>
      ) : flow.active ? (
        <FlowSteps />
      ) : (
        <View>
          <View className='weui-cells__title'>
            换绑需要登录电子税局验证身份：请输入该账号的电子税局密码，验证通过后账号将绑定到你的微信，原绑定的微信会收到通知。
          </View>
          <View className='weui-cells'>
            <InputCell
              label='密码'
              placeholder='请输入电子税局密码'
              password
              value={password}
              onInput={(value) => {
                setPassword(value);
                setMissing(false);
                flow.clearError();
              }}
            />
          </View>
          {missing && <View className='weui-form__error'>请输入密码</View>}
          {flow.error && <View className='weui-form__error'>{flow.error.message}</View>}
          <View className='weui-btn-area'>
            <Button
              className={`weui-btn weui-btn_primary ${flow.busy ? 'weui-btn_disabled' : ''}`}
              loading={flow.busy}
              disabled={flow.busy}
              onClick={submit}
            >
              登录
            </Button>
          </View>
        </View>
      )}
    </AppPage>
  );
}

export default observer(ChangeWechatPage);
