import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { usePageLoad } from '../../usePageLoad';
import type { EnterpriseSummary, TenantSummary } from '../../../types/api';
import { AppPage } from '../../components/AppPage';
import { Cell } from '../../components/Cells';
import { openPage } from '../../navigation';
import { accountListUrl, adminApplyUrl, adminsUrl, Routes } from '../../routes';
import { useStores, type TenantStore } from '../../stores';
import { accountCountText, adminStatusText, needingText, unbindWarningText } from './format';
import { DANGER_CONFIRM_COLOR } from '../../styles/colors';
import './index.scss';

/** F2 解绑: every account of the enterprise bound to me, after the seed's warning. */
async function unbindEnterprise(tenants: TenantStore, enterprise: EnterpriseSummary) {
  const { confirm } = await Taro.showModal({
    title: '解绑企业',
    content: unbindWarningText(enterprise),
    confirmText: '确定',
    confirmColor: DANGER_CONFIRM_COLOR,
    cancelText: '取消',
  });
  if (!confirm) return;
  const error = await tenants.unbindEnterprise(enterprise.id);
  if (error) Taro.showToast({ title: error, icon: 'none' });
  else Taro.showToast({ title: '已解绑', icon: 'success' });
}

function EnterpriseCells({ enterprise }: { enterprise: EnterpriseSummary }) {
  const { tenants } = useStores();
  const { admin } = enterprise;
  return (
    <View className='weui-cells home__enterprise'>
      <Cell
        title={enterprise.name}
        description={
          <Text className='weui-tabular'>
            税号 {enterprise.taxId} · {enterprise.region}
          </Text>
        }
        value={
          enterprise.myBoundCount > 0 ? (
            <Text className='home__unbind' onClick={() => unbindEnterprise(tenants, enterprise)}>
              解绑
            </Text>
          ) : undefined
        }
      />
      <Cell
        access
        title='电子税局账号管理'
        description={
          <>
            {accountCountText(enterprise)}
            {needingText(enterprise) && <View className='home__needing'>{needingText(enterprise)}</View>}
          </>
        }
        onClick={() => openPage(accountListUrl(enterprise.id))}
      />
      <Cell
        access
        title='数电配置管理员'
        description={
          admin.state === 'me' ? (
            <Text className='weui-tag weui-tag_green home__admin_me'>{adminStatusText(admin)}</Text>
          ) : (
            <Text className={admin.state === 'none' ? 'home__admin_none' : ''}>{adminStatusText(admin)}</Text>
          )
        }
        value={
          admin.state !== 'me' ? (
            <Text
              className='weui-link home__apply'
              onClick={(e) => {
                // The row opens the admins page; this opens 申请绑定 itself.
                e.stopPropagation();
                openPage(adminApplyUrl(enterprise.id));
              }}
            >
              申请绑定
            </Text>
          ) : undefined
        }
        onClick={() => openPage(adminsUrl(enterprise.id))}
      />
    </View>
  );
}

function TenantSection({ tenant }: { tenant: TenantSummary }) {
  return (
    <View className='home__tenant'>
      <View className='weui-cells__title'>{tenant.name}</View>
      {tenant.enterprises.length === 0 ? (
        <View className='weui-cells'>
          <Cell title={<Text className='home__muted'>该租户下还没有企业</Text>} />
        </View>
      ) : (
        tenant.enterprises.map((enterprise) => <EnterpriseCells key={enterprise.id} enterprise={enterprise} />)
      )}
    </View>
  );
}

/** F2 个人中心: my tenants and, under each, its enterprises. */
function HomePage() {
  const { tenants, session, loginRequests } = useStores();

  // Every show: counts change on the pages this one opens.
  usePageLoad(() => Promise.all([tenants.load(), loginRequests.loadList()]));

  const switchUser = async () => {
    await session.switchSimulatedUser().catch(() => undefined);
    await Promise.all([tenants.load(), loginRequests.loadList()]);
  };

  let content: JSX.Element;
  if (!tenants.loaded && tenants.loadError) {
    content = (
      <View className='weui-empty'>
        <View className='weui-empty__title weui-error-text'>{tenants.loadError}</View>
        <View className='weui-btn-area'>
          <Button className='weui-btn' onClick={() => tenants.load()}>
            重试
          </Button>
        </View>
      </View>
    );
  } else if (!tenants.loaded) {
    content = <View className='weui-loadmore'>加载中…</View>;
  } else if (tenants.isEmpty) {
    content = (
      <View className='weui-empty'>
        <View className='weui-empty__title'>还没有关联租户，点击编辑添加</View>
        <View className='weui-empty__desc'>输入租户的激活码后，就能在这里管理其企业的电子税局账号</View>
      </View>
    );
  } else {
    content = (
      <View>
        {tenants.loadError && <View className='weui-form__error'>{tenants.loadError}</View>}
        {tenants.tenants.map((tenant) => (
          <TenantSection key={tenant.id} tenant={tenant} />
        ))}
      </View>
    );
  }

  return (
    <AppPage className='home'>
      {/* F15: pending 登录通知, for whoever missed the WeChat message. */}
      <View className='weui-cells home__notices'>
        <Cell
          access
          title='登录通知'
          value={
            loginRequests.pendingCount > 0 ? (
              <Text className='home__badge'>{loginRequests.pendingCount}</Text>
            ) : undefined
          }
          onClick={() => openPage(Routes.loginRequestList)}
        />
        {/* Issue 14: my accounts 已掉线 or 即将到期 — before the invoice system finds out. */}
        {tenants.needingCount > 0 && tenants.firstNeedingEnterpriseId && (
          <Cell
            access
            title='我的账号需处理'
            description='已掉线或即将到期，点击处理'
            value={<Text className='home__badge home__badge_warn'>{tenants.needingCount}</Text>}
            onClick={() => openPage(accountListUrl(tenants.firstNeedingEnterpriseId as string))}
          />
        )}
      </View>
      <View className='home__bar'>
        <Text className='home__heading'>我的租户</Text>
        <Text className='weui-link home__edit' onClick={() => openPage(Routes.tenantEdit)}>
          编辑
        </Text>
      </View>
      {content}
      {session.simulatedUserName && (
        <View className='home__sandbox'>
          模拟微信用户：{session.simulatedUserName}
          <Text className='weui-link home__switch' onClick={switchUser}>
            切换
          </Text>
        </View>
      )}
    </AppPage>
  );
}

export default observer(HomePage);
