import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { RecentLogin } from '../../../../../types/accounts';
import type { Channel } from '../../../../../types/domain';
import { CHANNEL_LABELS } from '../../labels';
import { AppPage } from '../../../../components/AppPage';
import { Cell } from '../../../../components/Cells';
import { ResultMsg, successText } from '../../../../components/ResultMsg';
import { navigateBackOr } from '../../../../navigation';
import { accountListUrl, Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { AccountSummary } from '../../components/AccountSummary';
import { FlowSteps, useFlowLeftWithPage } from '../../components/FlowSteps';
import { MoreNotices } from '../../components/MoreNotices';
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
  // A finished login or 认证 ends on the result page, as one started from a 登录通知 does (issue 12 #10).
  const done = flow.step === 'done';
  const purpose = isAuth ? 'auth' : 'login';
  const doneTitle = channel ? successText({ purpose, channel }) : `${isAuth ? '认证' : '登录'}成功`;

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
      {done ? (
        <ResultMsg tone='ok' title={doneTitle}>
          {/* The holder of an account bound to them: after a login is the natural tap to ask for more 登录通知 (F20). */}
          {account?.bound === 'me' ? (
            <MoreNotices onBack={back} onEnabled={back} />
          ) : (
            <View className='weui-btn-area'>
              <Button className='weui-btn weui-btn_primary' onClick={back}>
                返回
              </Button>
            </View>
          )}
        </ResultMsg>
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
