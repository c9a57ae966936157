import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { AppPage } from '../../../../components/AppPage';
import { Cell, CellGroup } from '../../../../components/Cells';
import { openPage } from '../../../../navigation';
import { Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { DANGER_CONFIRM_COLOR } from '../../../../styles/colors';
import './index.scss';

/** F3 租户编辑: my tenants; 新增 one by its 激活码, or select one and 解绑 it. */
function TenantEditPage() {
  const { tenants } = useStores();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = tenants.tenants.find((t) => t.id === selectedId) ?? null;

  useDidShow(() => {
    tenants.load();
  });

  const leave = async () => {
    if (!selected) return;
    const { confirm } = await Taro.showModal({
      title: '解绑租户',
      content: tenants.leaveWarning(selected.id),
      confirmText: '确定',
      confirmColor: DANGER_CONFIRM_COLOR,
      cancelText: '取消',
    });
    if (!confirm) return;
    Taro.showLoading({ title: '正在解绑', mask: true });
    const ok = await tenants.leave(selected.id);
    Taro.hideLoading();
    if (ok) {
      setSelectedId(null);
      Taro.showToast({ title: '已解绑', icon: 'success' });
    } else {
      Taro.showToast({ title: tenants.leaveError ?? '解绑失败', icon: 'none' });
    }
  };

  return (
    <AppPage className='tenant-edit'>
      {tenants.tenants.length > 0 ? (
        <CellGroup title='选择一个租户后可解绑'>
          {tenants.tenants.map((tenant) => (
            <Cell
              key={tenant.id}
              className={tenant.id === selectedId ? 'tenant-edit__row_on' : ''}
              title={tenant.name}
              description={`${tenant.enterprises.length} 家企业`}
              value={tenant.id === selectedId ? <View className='weui-cell__check' /> : undefined}
              onClick={() => setSelectedId(tenant.id === selectedId ? null : tenant.id)}
            />
          ))}
        </CellGroup>
      ) : (
        <View className='weui-empty'>
          <View className='weui-empty__title'>
            {tenants.loaded ? '还没有关联租户，点击新增添加' : (tenants.loadError ?? '加载中…')}
          </View>
        </View>
      )}
      <View className='weui-btn-area'>
        <Button className='weui-btn weui-btn_primary' onClick={() => openPage(Routes.tenantAdd)}>
          新增
        </Button>
        <Button
          className={`weui-btn weui-btn_warn ${selected ? '' : 'weui-btn_disabled'}`}
          disabled={!selected || tenants.leavingId !== null}
          onClick={leave}
        >
          解绑
        </Button>
      </View>
    </AppPage>
  );
}

export default observer(TenantEditPage);
