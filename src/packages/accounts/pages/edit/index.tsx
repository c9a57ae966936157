import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { CHANNEL_SHORT, CHANNELS } from '../../labels';
import { AppPage } from '../../../../components/AppPage';
import { Cell, CellGroup } from '../../../../components/Cells';
import { navigateBackOr, openPage } from '../../../../navigation';
import { accountListUrl, passwordResetUrl, passwordSyncUrl, Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { AccountSummary } from '../../components/AccountSummary';
import { NoticeOffer } from '../../components/NoticeOffer';
import { useParam } from '../../params';
import { defaultChoices } from '../../rules';
import { DANGER_CONFIRM_COLOR } from '../../../../styles/colors';
import './index.scss';

/** 编辑 (F6, F8, F11): 绑定微信收登录通知 / 解绑, 设置默认账号, 删除. */
function AccountEditPage() {
  const { accounts, subscriptions } = useStores();
  const accountId = useParam('accountId');
  const account = accounts.details[accountId];

  useEffect(() => {
    if (!accountId) return;
    accounts.loadDetail(accountId);
    // The template ids must be here before the tap: the tap has to call WeChat at once.
    subscriptions.load();
  }, [accounts, subscriptions, accountId]);

  if (!account) {
    const error = accountId ? accounts.detailErrors[accountId] : '页面缺少账号信息，请从电子税局账号管理进入';
    return (
      <AppPage className='account-edit'>
        <View className={`weui-loadmore ${error ? 'weui-error-text' : ''}`}>{error ?? '加载中…'}</View>
      </AppPage>
    );
  }

  const toast = (ok: boolean, success: string) =>
    Taro.showToast(
      ok ? { title: success, icon: 'success' } : { title: accounts.actionError ?? '操作失败', icon: 'none' },
    );

  // F6: the subscribe popup and the binding in one tap; WeChat is asked before anything is awaited.
  const bind = () => {
    const asking = subscriptions.request();
    const finish = async () => {
      const { results, failure } = await asking;
      const ok = await accounts.bind(account.id, results);
      if (!ok) return toast(false, '');
      subscriptions.load();
      if (failure) Taro.showModal({ title: '已绑定', content: `${failure}，否则收不到登录通知。`, showCancel: false });
      // Refused in the popup: bound, but no 绑定成功 — the page says what is missing, with 开启.
      else if (subscriptions.templates && results[subscriptions.templates.loginNotice] !== 'accept')
        Taro.showToast({ title: '已绑定', icon: 'none' });
      else toast(true, '绑定成功');
    };
    finish();
  };

  const unbind = async () => {
    const { confirm } = await Taro.showModal({
      title: '解绑账号',
      content: '解绑后将无法通过微信接收该账号的登录通知，其他微信用户也可以绑定该账号。',
      confirmText: '确定',
      confirmColor: DANGER_CONFIRM_COLOR,
      cancelText: '取消',
    });
    if (confirm) toast(await accounts.unbind(account.id), '已解绑');
  };

  const { choices, notes } = defaultChoices(account);
  const setDefault = async () => {
    if (choices.length === 0) {
      Taro.showModal({ title: '设置默认账号', content: notes.join('；'), showCancel: false });
      return;
    }
    let tapIndex: number;
    try {
      ({ tapIndex } = await Taro.showActionSheet({ itemList: choices.map((c) => c.label) }));
    } catch {
      return;
    }
    const choice = choices[tapIndex];
    if (!choice) return;
    // Seed ③: 点击“确定”保存配置.
    const { confirm } = await Taro.showModal({
      title: '设置默认账号',
      content:
        choice.channels.length === 0
          ? `取消 ${account.maskedAccount} 的默认账号设置？`
          : `将 ${account.maskedAccount} 设为默认${choice.label}账号？`,
      confirmText: '确定',
      cancelText: '取消',
    });
    if (confirm) toast(await accounts.setDefaults(account.id, choice.channels), '已保存');
  };

  // F12/F13: the seed's two ways, each on its own page (password subpackage).
  const changePassword = async () => {
    let tapIndex: number;
    try {
      ({ tapIndex } = await Taro.showActionSheet({ itemList: ['重置税局密码', '已在税局修改，仅更新发票云'] }));
    } catch {
      return;
    }
    if (tapIndex === 0) openPage(passwordResetUrl(account.id));
    if (tapIndex === 1) openPage(passwordSyncUrl(account.id));
  };

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除账号',
      // An admin deleting someone else's account (F10): the server tells that WeChat user.
      content:
        account.bound === 'other'
          ? `该账号已绑定其他微信。确定删除电子税局账号 ${account.maskedAccount}？删除后将通知绑定的微信用户。`
          : `确定删除电子税局账号 ${account.maskedAccount}？`,
      confirmText: '删除',
      confirmColor: DANGER_CONFIRM_COLOR,
      cancelText: '取消',
    });
    if (!confirm) return;
    const ok = await accounts.remove(account.id);
    toast(ok, '已删除');
    if (ok) navigateBackOr(accountListUrl(account.enterprise.id));
  };

  const defaultsText =
    CHANNELS.filter((c) => account.defaults.includes(c))
      .map((c) => CHANNEL_SHORT[c])
      .join('+') || '未设置';

  return (
    <AppPage className='account-edit'>
      <AccountSummary account={account} />
      {account.can.edit ? (
        <CellGroup>
          <Cell access title='设置默认账号' value={defaultsText} onClick={setDefault} />
          <Cell access title='修改密码' onClick={changePassword} />
        </CellGroup>
      ) : (
        <View className='weui-form__tips'>该账号已绑定其他微信，仅绑定的微信用户可以编辑和解绑</View>
      )}
      {account.can.edit && notes.length > 0 && <View className='weui-form__tips'>{notes.join('；')}</View>}
      {account.bound === 'me' && account.notificationsLeft !== undefined && (
        <NoticeOffer left={account.notificationsLeft} onEnabled={() => accounts.loadDetail(account.id)} />
      )}
      <View className='weui-btn-area'>
        {account.bound === 'none' && account.can.edit && (
          <Button className='weui-btn weui-btn_primary' loading={accounts.pendingId === account.id} onClick={bind}>
            绑定微信收登录通知
          </Button>
        )}
        {account.bound === 'me' && (
          <Button className='weui-btn weui-btn_warn' disabled={accounts.pendingId !== null} onClick={unbind}>
            解绑
          </Button>
        )}
      </View>
      {account.can.delete && (
        <View className='account-edit__delete'>
          <Text className='account-edit__delete-text' onClick={remove}>
            删除
          </Text>
        </View>
      )}
      {!account.can.edit && !account.can.delete && (
        <View className='account-edit__back'>
          <Text className='weui-link' onClick={() => navigateBackOr(Routes.home)}>
            返回
          </Text>
        </View>
      )}
    </AppPage>
  );
}

export default observer(AccountEditPage);
