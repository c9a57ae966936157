import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { usePageLoad } from '../../../../usePageLoad';
import { AppPage } from '../../../../components/AppPage';
import { Cell, CellGroup } from '../../../../components/Cells';
import { openPage } from '../../../../navigation';
import { adminApplyUrl } from '../../../../routes';
import { useStores } from '../../../../stores';
import { useAdmins } from '../../stores/AdminStore';
import { adminSinceText, auditByText, currentWechatByName } from '../../format';
import { useParam } from '../../../accounts/params';
import { DANGER_CONFIRM_COLOR } from '../../../../styles/colors';
import './index.scss';

/** F10 数电配置管理员 of one enterprise: who they are, 申请绑定 or 退出管理员, and (admins only) the audit log. */
function AdminPage() {
  const { tenants } = useStores();
  const admins = useAdmins();
  const enterpriseId = useParam('enterpriseId');
  const list = enterpriseId ? admins.list(enterpriseId) : undefined;
  const loadError = enterpriseId ? admins.listErrors[enterpriseId] : '页面缺少企业信息，请从个人中心进入';
  const enterprise = tenants.tenants.flatMap((t) => t.enterprises).find((e) => e.id === enterpriseId);

  const load = async () => {
    if (enterpriseId) await admins.load(enterpriseId);
  };

  // Every show: 申请绑定 on the page this one opens changes the list.
  usePageLoad(load);

  const stepDown = async () => {
    if (admins.steppingDownId) return;
    const { confirm } = await Taro.showModal({
      title: '退出管理员',
      content: '退出后将不能再删除已绑定其他微信的账号，如需恢复，需重新申请绑定。确定退出？',
      confirmText: '确定',
      confirmColor: DANGER_CONFIRM_COLOR,
      cancelText: '取消',
    });
    if (!confirm) return;
    const error = await admins.stepDown(enterpriseId);
    // The home page shows the change when it is shown again.
    tenants.load();
    Taro.showToast(error ? { title: error, icon: 'none' } : { title: '已退出', icon: 'success' });
  };

  if (!list) {
    return (
      <AppPage className='admin-page'>
        <View className='weui-empty'>
          <View className={`weui-empty__title ${loadError ? 'weui-error-text' : ''}`}>{loadError ?? '加载中…'}</View>
          {loadError && enterpriseId && (
            <View className='weui-btn-area'>
              <Button className='weui-btn' onClick={load}>
                重试
              </Button>
            </View>
          )}
        </View>
      </AppPage>
    );
  }

  const auditLog = admins.auditLogs[enterpriseId];
  const currentWechat = currentWechatByName(auditLog ?? []);
  const auditError = admins.auditErrors[enterpriseId];

  return (
    <AppPage className='admin-page'>
      {loadError && <View className='weui-form__error'>{loadError}</View>}
      <CellGroup title={enterprise?.name ?? '数电配置管理员'}>
        {list.admins.length === 0 ? (
          <Cell title='数电配置管理员' value={<Text className='admin-page__muted'>未绑定</Text>} />
        ) : (
          list.admins.map((admin, index) => (
            <Cell
              key={`${index}-${admin.since}`}
              title={admin.name}
              description={adminSinceText(admin)}
              value={admin.me ? <Text className='weui-tag weui-tag_green'>本人</Text> : undefined}
            />
          ))
        )}
      </CellGroup>
      <View className='weui-form__tips'>
        数电配置管理员由企业的法定代表人或财务负责人申请，可以删除本企业已绑定其他微信的电子税局账号；每次删除都会记录，并通知原绑定的微信用户。
      </View>
      {list.isAdmin ? (
        <View>
          <CellGroup title='操作记录'>
            {auditLog && auditLog.length > 0 ? (
              auditLog.map((entry) => (
                <Cell
                  key={entry.id}
                  title={`${entry.actionLabel} ${entry.maskedAccount}`}
                  description={
                    <View>
                      <View className='weui-tabular'>{auditByText(entry, currentWechat)}</View>
                      <View className='weui-tabular'>{`${entry.enterpriseName} · 税号 ${entry.taxId}`}</View>
                      {entry.biometricLabel && <View>{entry.biometricLabel}</View>}
                    </View>
                  }
                />
              ))
            ) : (
              <Cell
                title={
                  <Text className={auditError ? 'weui-error-text' : 'admin-page__muted'}>
                    {auditError ?? (auditLog ? '暂无操作记录' : '加载中…')}
                  </Text>
                }
              />
            )}
          </CellGroup>
          <View className='admin-page__step-down'>
            <Text
              className={`admin-page__step-down-text ${admins.steppingDownId ? 'admin-page__muted' : ''}`}
              onClick={stepDown}
            >
              退出管理员
            </Text>
          </View>
        </View>
      ) : (
        <View className='weui-btn-area'>
          <Button className='weui-btn weui-btn_primary' onClick={() => openPage(adminApplyUrl(enterpriseId))}>
            申请绑定
          </Button>
        </View>
      )}
    </AppPage>
  );
}

export default observer(AdminPage);
