import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { RecentLogin } from '../../../../../types/accounts';
import type { Channel } from '../../../../../types/domain';
import { CHANNEL_LABELS } from '../../labels';
import { AppPage } from '../../../../components/AppPage';
import { Cell } from '../../../../components/Cells';
import { navigateBackOr } from '../../../../navigation';
import { accountListUrl, Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { AccountSummary } from '../../components/AccountSummary';
import { FlowSteps, useFlowLeftWithPage } from '../../components/FlowSteps';
import { RecentLogins } from '../../components/RecentLogins';
import { useParam } from '../../params';

/**
 * F16/F17 主动登录和认证: 登录 (password + 验证码) or 扫码登录 (税务APP / 个人所得税APP) in one business,
 * or 认证 (`purpose=auth`), which shows the face-check QR at once.
 */
function AccountLoginPage() {
  const { accounts, tenants, subscriptions } = useStores();
  const accountId = useParam('accountId');
  const channelParam = useParam('channel');
  const channel: Channel | undefined =
    channelParam === 'issue' || channelParam === 'receive' ? channelParam : undefined;
  const isAuth = useParam('purpose') === 'auth';
  const account = accounts.details[accountId];
  const [picking, setPicking] = useState(false);

  const flow = useFlowLeftWithPage();

  const start = (method: 'password' | 'qr') =>
    flow.start({
      kind: 'account',
      accountId,
      body: isAuth
        ? { purpose: 'auth', method: 'qr', qrApp: 'tax' }
        : { purpose: 'login', channel, method, qrApp: 'tax' },
    });

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: isAuth ? '认证' : '登录' });
    if (!accountId) return;
    accounts.loadDetail(accountId);
    // F20: the template ids must be here before the tap that asks for more 登录通知.
    subscriptions.load();
    // 认证 has one way only: its QR shows at once.
    if (isAuth) start('qr');
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const back = () => navigateBackOr(account ? accountListUrl(account.enterprise.id) : Routes.home);
  const step = flow.step;
  // The holder of an account bound to them stays: after a login is the natural tap to ask for more 登录通知 (F20).
  const offerNotices = step === 'done' && account?.bound === 'me';
  useEffect(() => {
    if (step !== 'done') return;
    Taro.showToast({ title: isAuth ? '认证成功' : '登录成功', icon: 'success' });
    if (!offerNotices) back();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  // The WeChat request is the first call of the tap.
  const moreNotices = async () => {
    const problem = await subscriptions.requestMore();
    Taro.showToast(problem ? { title: problem, icon: 'none' } : { title: '已开启登录通知', icon: 'success' });
    if (!problem) back();
  };

  // F19: a recent login of another enterprise opens that enterprise's accounts to log in there.
  const pick = async (login: RecentLogin) => {
    setPicking(false);
    if (login.taxId === account?.enterprise.taxId) return;
    if (!tenants.loaded) await tenants.load();
    const found = tenants.tenants.flatMap((t) => t.enterprises).find((e) => e.taxId === login.taxId);
    if (found) Taro.redirectTo({ url: accountListUrl(found.id) });
    else Taro.showToast({ title: '该企业不在你关联的租户中', icon: 'none' });
  };

  const loadError = accountId ? accounts.detailErrors[accountId] : '页面缺少账号信息，请从电子税局账号管理进入';

  return (
    <AppPage className='account-login'>
      {account ? (
        <AccountSummary account={account} onTaxIdTap={() => setPicking(true)}>
          {!isAuth && channel && <Cell title='业务' value={CHANNEL_LABELS[channel]} />}
        </AccountSummary>
      ) : (
        loadError && <View className='weui-form__error'>{loadError}</View>
      )}
      {offerNotices ? (
        <View>
          <View className='weui-form__tips'>
            {`${isAuth ? '认证' : '登录'}成功。`}
            {subscriptions.templates ? `当前还可接收${subscriptions.loginNoticesLeft}次登录通知，` : ''}
            继续接收该账号的登录通知？
          </View>
          <View className='weui-btn-area'>
            <Button className='weui-btn weui-btn_primary' onClick={moreNotices}>
              继续接收登录通知
            </Button>
            <Button className='weui-btn' onClick={back}>
              返回
            </Button>
          </View>
        </View>
      ) : flow.active ? (
        <FlowSteps />
      ) : (
        <View>
          {flow.error && <View className='weui-form__error'>{flow.error.message}</View>}
          {accountId && (
            <View className='weui-btn-area'>
              {isAuth ? (
                <Button
                  className='weui-btn weui-btn_primary'
                  loading={flow.busy}
                  disabled={flow.busy}
                  onClick={() => start('qr')}
                >
                  认证
                </Button>
              ) : (
                <>
                  <Button
                    className='weui-btn weui-btn_primary'
                    loading={flow.busy}
                    disabled={flow.busy}
                    onClick={() => start('password')}
                  >
                    登录
                  </Button>
                  <Button className='weui-btn' disabled={flow.busy} onClick={() => start('qr')}>
                    扫码登录
                  </Button>
                </>
              )}
            </View>
          )}
        </View>
      )}
      {picking && <RecentLogins onPick={pick} onClose={() => setPicking(false)} />}
    </AppPage>
  );
}

export default observer(AccountLoginPage);
