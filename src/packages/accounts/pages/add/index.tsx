import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { RecentLogin } from '../../../../../types/accounts';
import type { Channel, LoginType, Role } from '../../../../../types/domain';
import { AppPage } from '../../../../components/AppPage';
import { PrivacyGate } from '../../../../components/PrivacyGate';
import { navigateBackOr } from '../../../../navigation';
import { accountListUrl } from '../../../../routes';
import { useStores } from '../../../../stores';
import { FlowSteps, useFlowLeftWithPage } from '../../components/FlowSteps';
import { RecentLogins } from '../../components/RecentLogins';
import { CHANNEL_SHORT } from '../../labels';
import { useParam } from '../../params';
import { BUSINESS_CHOICES, fieldOfError, validateAddForm, type AddField, type AddFormValues } from '../../rules';
import { AddAccountForm } from './AddAccountForm';
import './index.scss';

/** 办税员 is who usually does the invoicing; the bureau says so when the person has another 身份. */
const DEFAULT_ROLE: Role = '办税员';

/** F5 新增账号: the form, then the bureau's steps; the account is saved once the bureau login succeeds. */
function AccountAddPage() {
  const { accounts, tenants } = useStores();
  // 开票业务/收票业务: chosen in the list's sheet, changeable here without losing what was typed.
  const [business, setBusiness] = useState<Channel>(useParam('business') === 'receive' ? 'receive' : 'issue');
  const enterpriseParam = useParam('enterpriseId');
  // Picking a recent login (F19) switches to that enterprise, keeping what was typed.
  const [enterpriseId, setEnterpriseId] = useState(enterpriseParam);
  // The password lives only here, in this page's state: it goes when the page goes.
  const [values, setValues] = useState<AddFormValues>({
    account: '',
    password: '',
    role: DEFAULT_ROLE,
    loginType: 'manual',
  });
  const [localErrors, setLocalErrors] = useState<Partial<Record<AddField, string>>>({});
  const [picking, setPicking] = useState(false);
  const [bureauHint, setBureauHint] = useState<string | null>(null);
  // The 身份 the last lookup filled in (not one the user chose): it goes with that person.
  const [prefilledRole, setPrefilledRole] = useState<Role | null>(null);

  const flow = useFlowLeftWithPage();

  const enterprise =
    accounts.list(enterpriseId)?.enterprise ??
    tenants.tenants.flatMap((t) => t.enterprises).find((e) => e.id === enterpriseId);

  useEffect(() => {
    if (enterpriseId && !accounts.list(enterpriseId)) accounts.load(enterpriseId);
  }, [accounts, enterpriseId]);

  const step = flow.step;
  useEffect(() => {
    if (step !== 'done') return;
    Taro.showToast({ title: '添加成功', icon: 'success' });
    navigateBackOr(accountListUrl(enterpriseId));
    // Only the step matters: the page is left once it is done.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  // A refusal (at the start, or the flow failing later) shows under its field, else at the top.
  const serverError = !flow.active && flow.error ? flow.error : null;
  const serverField = serverError ? fieldOfError(serverError.code) : null;
  const errors = { ...localErrors, ...(serverError && serverField ? { [serverField]: serverError.message } : {}) };
  const topError = serverError && !serverField ? serverError.message : null;

  const change = (field: AddField, value: string) => {
    // Another account: what the bureau said of the last one no longer holds.
    if (field === 'account') setBureauHint(null);
    if (field === 'role') setPrefilledRole(null);
    setValues((v) => ({ ...v, [field]: value }));
    setLocalErrors((e) => ({ ...e, [field]: undefined }));
    flow.clearError();
  };

  /** F5: 身份 prefilled from the bureau — the 身份 holding this business, else the first one. */
  const lookUpAccount = async () => {
    const account = values.account.trim();
    if (!account || !enterpriseId) return;
    setBureauHint(null);
    const found = await accounts.lookupAccount(enterpriseId, account);
    if (!found || found.roles.length === 0) {
      if (prefilledRole) setValues((v) => (v.role === prefilledRole ? { ...v, role: DEFAULT_ROLE } : v));
      setPrefilledRole(null);
      return;
    }
    const best = found.roles.find((r) => r.permissions.includes(business)) ?? found.roles[0];
    setValues((v) => ({ ...v, role: best.role }));
    setPrefilledRole(best.role);
    setBureauHint(
      `${found.name} · ${found.roles.map((r) => `${r.role}（${r.permissions.map((p) => CHANNEL_SHORT[p]).join('、') || '无开收票权限'}）`).join('，')}`,
    );
  };

  const submit = (method: 'password' | 'qr') => {
    const invalid = validateAddForm(values);
    setLocalErrors(invalid);
    flow.clearError();
    if (Object.keys(invalid).length > 0) return;
    if (!enterpriseId) return;
    flow.start({
      kind: 'add',
      enterpriseId,
      body: {
        business,
        account: values.account.trim(),
        password: values.password,
        role: values.role as Role,
        loginType: values.loginType as LoginType,
        method,
        qrApp: 'tax',
      },
    });
  };

  const pickBusiness = async () => {
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: BUSINESS_CHOICES.map((c) => c.label) });
      const choice = BUSINESS_CHOICES[tapIndex];
      if (choice) setBusiness(choice.channel);
    } catch {
      // Dismissed: the business stays.
    }
  };

  const pick = async (login: RecentLogin) => {
    setPicking(false);
    if (!tenants.loaded) await tenants.load();
    const found = tenants.tenants.flatMap((t) => t.enterprises).find((e) => e.id === login.enterpriseId);
    if (found) setEnterpriseId(found.id);
    else Taro.showToast({ title: '该企业不在你关联的租户中', icon: 'none' });
  };

  return (
    <AppPage className='account-add'>
      <PrivacyGate>
        {flow.active ? (
          <FlowSteps />
        ) : (
          <AddAccountForm
            enterprise={enterprise}
            values={values}
            errors={errors}
            topError={topError}
            busy={flow.busy}
            business={business}
            onPickBusiness={pickBusiness}
            onChange={change}
            onAccountDone={lookUpAccount}
            bureauHint={bureauHint}
            onPickRecent={() => setPicking(true)}
            onLogin={() => submit('password')}
            onQrLogin={() => submit('qr')}
          />
        )}
        {!enterpriseId && <View className='weui-form__error'>页面缺少企业信息，请从电子税局账号管理进入</View>}
      </PrivacyGate>
      {picking && <RecentLogins onPick={pick} onClose={() => setPicking(false)} />}
    </AppPage>
  );
}

export default observer(AccountAddPage);
