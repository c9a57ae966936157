import { useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import { Button, Input, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { AppPage } from '../../../../components/AppPage';
import { navigateBackOr } from '../../../../navigation';
import { Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import './index.scss';

/** F3 新增: join a tenant by its 激活码. */
function TenantAddPage() {
  const { tenants } = useStores();
  // What the user typed stays here whatever the server answers.
  const [code, setCode] = useState('');

  useLoad(() => {
    tenants.clearJoinError();
  });

  const submit = async () => {
    const ok = await tenants.join(code);
    if (!ok) return;
    Taro.showToast({ title: '添加成功', icon: 'success' });
    navigateBackOr(Routes.tenantEdit);
  };

  // While the server limits 激活码 tries (429), 确认 waits with the countdown under the field.
  const canSubmit = code.trim().length > 0 && !tenants.joining && tenants.joinWaitSeconds === 0;

  return (
    <AppPage className='tenant-add'>
      <View className='weui-cells__title'>输入租户管理员提供的激活码</View>
      <View className='weui-cells'>
        <View className='weui-cell'>
          <View className='weui-cell__hd'>激活码</View>
          <View className='weui-cell__bd'>
            <Input
              className='weui-input tenant-add__input'
              placeholderClass='weui-input__placeholder'
              placeholder='请输入激活码'
              maxlength={64}
              value={code}
              focus
              confirmType='done'
              onInput={(e) => {
                setCode(e.detail.value);
                if (tenants.joinError) tenants.clearJoinError();
              }}
              onConfirm={() => canSubmit && submit()}
            />
          </View>
        </View>
      </View>
      {tenants.joinMessage && <View className='weui-form__error'>{tenants.joinMessage}</View>}
      <View className='weui-btn-area'>
        <Button
          className={`weui-btn weui-btn_primary ${canSubmit ? '' : 'weui-btn_disabled'}`}
          disabled={!canSubmit}
          loading={tenants.joining}
          onClick={submit}
        >
          确认
        </Button>
      </View>
    </AppPage>
  );
}

export default observer(TenantAddPage);
