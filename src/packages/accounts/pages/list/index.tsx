import { useState } from 'react';
import Taro, { useReachBottom } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { usePageLoad } from '../../../../usePageLoad';
import type { AccountView } from '../../../../../types/accounts';
import { AppPage } from '../../../../components/AppPage';
import { PageWindow } from '../../../../components/PageWindow';
import { openPage } from '../../../../navigation';
import {
  accountAddUrl,
  accountChangeWechatUrl,
  accountEditUrl,
  accountLoginUrl,
  passwordSyncUrl,
} from '../../../../routes';
import { useStores } from '../../../../stores';
import { AccountCard } from '../../components/AccountCard';
import { useParam } from '../../params';
import { BUSINESS_CHOICES, loginChannels, MORE_ACTION_LABELS, moreActions } from '../../rules';
import { DANGER_CONFIRM_COLOR } from '../../../../styles/colors';
import './index.scss';

/** A card's usual height (px), for a part of the list not drawn yet. */
const ESTIMATED_CARD_HEIGHT = 180;

/** Taro.showActionSheet, with the choice or null when the user cancelled. */
async function choose<T>(items: { label: string; value: T }[]): Promise<T | null> {
  try {
    const { tapIndex } = await Taro.showActionSheet({ itemList: items.map((i) => i.label) });
    return items[tapIndex]?.value ?? null;
  } catch {
    return null;
  }
}

/** F4 电子税局账号管理: an enterprise's e-tax accounts, their state, and what I may do with each. */
function AccountListPage() {
  const { accounts, subscriptions } = useStores();
  const enterpriseId = useParam('enterpriseId');
  const list = enterpriseId ? accounts.list(enterpriseId) : undefined;
  const loadError = enterpriseId ? accounts.listErrors[enterpriseId] : '页面缺少企业信息，请从个人中心进入';
  // Expiry texts ("今天 18:30 到期") are as of the last load.
  const [now, setNow] = useState(Date.now());

  /** The first page, or (`again`) every account loaded so far, and my 登录通知 credits. */
  const load = async (again = false) => {
    if (!enterpriseId) return;
    setNow(Date.now());
    await Promise.all([again ? accounts.refresh(enterpriseId) : accounts.load(enterpriseId), subscriptions.load()]);
  };

  // Every show: a login, a binding or a new account on the pages this one opens changes the tags;
  // what was loaded is fetched again, so the user stays where they were. A pull-down: the first page.
  usePageLoad(load, () => load(true));
  // A page at a time: the next one when the user scrolls to the bottom.
  useReachBottom(() => {
    if (enterpriseId) accounts.loadMore(enterpriseId);
  });
  const [searchText, setSearchText] = useState('');
  const search = (text: string) => {
    if (enterpriseId) accounts.search(enterpriseId, text);
  };

  const add = async () => {
    const business = await choose(BUSINESS_CHOICES.map((c) => ({ label: c.label, value: c.channel })));
    if (business) openPage(accountAddUrl(enterpriseId, business));
  };

  const login = async (account: AccountView) => {
    const channels = loginChannels(account);
    // Seed: with 开票+收票 the user picks 开票业务 or 收票业务 first.
    const channel =
      channels.length > 1
        ? await choose(BUSINESS_CHOICES.map((c) => ({ label: c.label, value: c.channel })))
        : (channels[0] ?? null);
    if (channel) openPage(accountLoginUrl(account.id, { channel }));
    else if (channels.length === 0) Taro.showToast({ title: '该账号没有开票或收票权限', icon: 'none' });
  };

  const more = async (account: AccountView) => {
    const action = await choose(moreActions(account).map((a) => ({ label: MORE_ACTION_LABELS[a], value: a })));
    if (action === 'edit') openPage(accountEditUrl(account.id));
    if (action === 'changeWechat') openPage(accountChangeWechatUrl(account.id));
    if (action === 'delete') await remove(account);
  };

  const remove = async (account: AccountView) => {
    const { confirm } = await Taro.showModal({
      title: '删除账号',
      // An admin deleting someone else's account (F10): the server tells that WeChat user.
      content:
        account.bound === 'other'
          ? `该账号已绑定其他微信。确定删除电子税局账号 ${account.maskedAccount}？删除后将通知绑定的微信用户。`
          : `确定删除电子税局账号 ${account.maskedAccount}？删除后将不再为该账号推送登录通知。`,
      confirmText: '删除',
      confirmColor: DANGER_CONFIRM_COLOR,
      cancelText: '取消',
    });
    if (!confirm) return;
    const ok = await accounts.remove(account.id);
    Taro.showToast(
      ok ? { title: '已删除', icon: 'success' } : { title: accounts.actionError ?? '删除失败', icon: 'none' },
    );
  };

  const unlock = async (account: AccountView) => {
    // Seed: unlocking a password lock without updating the password locks the account again soon.
    // A password lock: the modal leads on to the password, one step further (issue 12).
    const byPassword = account.locked?.byPassword === true;
    const content = byPassword
      ? '该账号因密码错误被锁定。请先更新密码，否则解锁后会再次锁定。确定解锁？'
      : `确定解锁 ${account.maskedAccount}？`;
    const { confirm } = await Taro.showModal({
      title: '解锁',
      content,
      confirmText: '确定',
      cancelText: byPassword ? '更新密码' : '取消',
    });
    if (!confirm && byPassword) openPage(passwordSyncUrl(account.id));
    if (!confirm) return;
    const ok = await accounts.unlock(account.id);
    Taro.showToast(
      ok ? { title: '已解锁', icon: 'success' } : { title: accounts.actionError ?? '解锁失败', icon: 'none' },
    );
  };

  // F20: a tap that asks WeChat for more 登录通知; the request must be its first call.
  const moreNotices = async () => {
    const problem = await subscriptions.requestMore();
    if (problem) Taro.showToast({ title: problem, icon: 'none' });
    else {
      Taro.showToast({ title: '已开启登录通知', icon: 'success' });
      await load(true);
    }
  };

  let content: JSX.Element;
  if (!list) {
    content = (
      <View className='weui-empty'>
        <View className={`weui-empty__title ${loadError ? 'weui-error-text' : ''}`}>{loadError ?? '加载中…'}</View>
        {loadError && enterpriseId && (
          <View className='weui-btn-area'>
            <Button className='weui-btn' onClick={() => load()}>
              重试
            </Button>
          </View>
        )}
      </View>
    );
  } else {
    content = (
      <View>
        <View className='weui-cells account-list__enterprise'>
          <View className='weui-cell'>
            <View className='weui-cell__bd'>
              <View className='weui-cell__title account-list__name'>{list.enterprise.name}</View>
              <View className='weui-cell__desc weui-tabular'>{`税号 ${list.enterprise.taxId} · ${list.enterprise.region}`}</View>
            </View>
            {list.isAdmin && <Text className='weui-tag weui-tag_green'>数电配置管理员</Text>}
          </View>
        </View>
        <View className='account-list__search'>
          <Input
            className='account-list__search-input'
            placeholderClass='weui-input__placeholder'
            type='text'
            confirmType='search'
            maxlength={64}
            placeholder='搜索账号后四位或姓名'
            value={searchText}
            onInput={(e) => {
              setSearchText(e.detail.value);
              // Cleared: back to the whole list at once.
              if (e.detail.value.trim() === '' && accounts.queries[enterpriseId]) search('');
            }}
            onConfirm={(e) => search(e.detail.value)}
          />
        </View>
        {loadError && <View className='weui-form__error'>{loadError}</View>}
        {list.accounts.length === 0 ? (
          <View className='weui-empty account-list__empty'>
            <View className='weui-empty__title'>
              {accounts.queries[enterpriseId] ? '没有找到匹配的账号' : '还没有电子税局账号，点击新增添加'}
            </View>
          </View>
        ) : (
          // A new 搜索 is a new list: its window starts afresh at the top.
          <PageWindow
            key={accounts.queries[enterpriseId] ?? ''}
            items={list.accounts.slice()}
            keyOf={(account) => account.id}
            estimatedItemHeight={ESTIMATED_CARD_HEIGHT}
            render={(account) => (
              <AccountCard
                account={account}
                now={now}
                onLogin={login}
                onAuth={(a) => openPage(accountLoginUrl(a.id, { purpose: 'auth' }))}
                onMore={more}
                onUnlock={unlock}
                onMoreNotices={moreNotices}
              />
            )}
          />
        )}
        {list.accounts.length > 0 && (
          <View className='weui-loadmore'>{accounts.hasMore(enterpriseId) ? '加载中…' : '没有更多了'}</View>
        )}
        <View className='weui-btn-area'>
          <Button className='weui-btn weui-btn_primary' onClick={add}>
            新增
          </Button>
        </View>
      </View>
    );
  }

  return <AppPage className='account-list'>{content}</AppPage>;
}

export default observer(AccountListPage);
