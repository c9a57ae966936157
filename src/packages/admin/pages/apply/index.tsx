import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { InputCell } from '../../../../components/Cells';
import { ADMIN_RISK_NOTE } from '../../../../../types/domain';
import { ActionArea } from '../../../../components/ActionArea';
import { AppPage } from '../../../../components/AppPage';
import { PrivacyGate } from '../../../../components/PrivacyGate';
import { navigateBackOr } from '../../../../navigation';
import { adminsUrl, Routes } from '../../../../routes';
import { useStores } from '../../../../stores';
import { useAdmins } from '../../stores/AdminStore';
import { FlowSteps, useFlowLeftWithPage } from '../../../accounts/components/FlowSteps';
import { useParam } from '../../../accounts/params';
import './index.scss';

type Field = 'account' | 'password';

/** The seed's 应用场景, shown with its risk note before anything is asked. */
function Explanation({ onNext, onCancel }: { onNext: () => void; onCancel: () => void }) {
  return (
    <View className='admin-apply__explanation'>
      <View className='weui-mask' />
      <View className='weui-dialog'>
        <View className='weui-dialog__hd'>申请绑定数电配置管理员</View>
        <View className='weui-dialog__bd'>
          <View className='admin-apply__scene'>
            数电配置管理员可以在发票云修改、删除本企业添加的全部电子税局账号，例如员工离职后，删除其已绑定微信的账号。申请时需要用企业法定代表人或财务负责人的电子税局账号登录验证身份。
          </View>
          <View className='admin-apply__risk'>{ADMIN_RISK_NOTE}</View>
        </View>
        <View className='weui-dialog__ft'>
          <Button className='weui-dialog__btn weui-dialog__btn_default' onClick={onCancel}>
            取消
          </Button>
          <Button className='weui-dialog__btn weui-dialog__btn_primary' onClick={onNext}>
            下一步
          </Button>
        </View>
      </View>
    </View>
  );
}

/**
 * F10 申请绑定: the explanation with the seed's risk note → 下一步 → the 电子税局账号 and 密码 of the
 * enterprise's 法定代表人 or 财务负责人 → 提交验证 → the bureau's 验证码 → 登录 → admin.
 */
function AdminApplyPage() {
  const { tenants } = useStores();
  const admins = useAdmins();
  const enterpriseId = useParam('enterpriseId');
  const enterprise = tenants.tenants.flatMap((t) => t.enterprises).find((e) => e.id === enterpriseId);
  const [explained, setExplained] = useState(false);
  // The password lives only here, in this page's state: it goes when the page goes.
  const [values, setValues] = useState({ account: '', password: '' });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});

  const flow = useFlowLeftWithPage();

  const step = flow.step;
  useEffect(() => {
    if (step !== 'done') return;
    // A toast with an icon shows 7 characters: the page it returns to says the rest.
    Taro.showToast({ title: '已成为管理员', icon: 'success' });
    admins.load(enterpriseId);
    tenants.load();
    navigateBackOr(adminsUrl(enterpriseId));
    // Only the step matters: the page is left once it is done.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setMissing((m) => ({ ...m, [field]: undefined }));
    flow.clearError();
  };

  const submit = () => {
    const invalid: Partial<Record<Field, string>> = {};
    if (!values.account.trim()) invalid.account = '请输入电子税局账号';
    if (!values.password) invalid.password = '请输入密码';
    setMissing(invalid);
    flow.clearError();
    if (Object.keys(invalid).length > 0 || !enterpriseId) return;
    flow.start({ kind: 'admin', enterpriseId, body: { account: values.account.trim(), password: values.password } });
  };

  if (!explained) {
    return (
      <AppPage className='admin-apply'>
        <Explanation onNext={() => setExplained(true)} onCancel={() => navigateBackOr(Routes.home)} />
      </AppPage>
    );
  }

  // A refusal (the bureau says the person is not 法定代表人/财务负责人, a wrong password …) in its words.
  const refusal = !flow.active && flow.error ? flow.error.message : null;

  return (
    <AppPage className='admin-apply'>
      <PrivacyGate>
        {flow.active ? (
          <FlowSteps />
        ) : (
          <View>
            <View className='weui-cells__title'>
              {`请输入${enterprise ? `${enterprise.name}的` : '企业'}法定代表人或财务负责人的电子税局账号和密码`}
            </View>
            <View className='weui-cells'>
              <InputCell
                label='电子税局账号'
                placeholder='手机号码/证件号码/用户名'
                value={values.account}
                onInput={(value) => change('account', value)}
              />
              {missing.account && <View className='weui-form__error'>{missing.account}</View>}
              <InputCell
                label='密码'
                placeholder='请输入电子税局密码'
                password
                value={values.password}
                onInput={(value) => change('password', value)}
              />
              {missing.password && <View className='weui-form__error'>{missing.password}</View>}
            </View>
            <ActionArea error={refusal}>
              <Button
                className={`weui-btn weui-btn_primary ${flow.busy ? 'weui-btn_disabled' : ''}`}
                loading={flow.busy}
                disabled={flow.busy}
                onClick={submit}
              >
                提交验证
              </Button>
            </ActionArea>
          </View>
        )}
      </PrivacyGate>
    </AppPage>
  );
}

export default observer(AdminApplyPage);
