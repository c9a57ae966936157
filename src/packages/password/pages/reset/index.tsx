import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useNewStepAtTop } from '../../../../components/ActionArea';
import { AppPage } from '../../../../components/AppPage';
import { PrivacyGate } from '../../../../components/PrivacyGate';
import { useStores } from '../../../../stores';
import { usePasswords, type PasswordScreen } from '../../stores/PasswordChangeStore';
import { AccountHeader } from '../../components/AccountHeader';
import { ChangeProgress } from '../../components/ChangeProgress';
import { StepBar } from '../../components/StepBar';
import { backToAccountList } from '../../navigation';
import { useParam } from '../../../accounts/params';
import { CodeStep } from './CodeStep';
import { FaceStep } from './FaceStep';
import { IdentityStep } from './IdentityStep';
import { NewPasswordStep } from './NewPasswordStep';
import './index.scss';

const STEPS = ['身份认证', '验证码', '重置密码', '更新关联账号'];
/** Where the region offers no SMS, the second step is a face check (seed §3.6). */
const FACE_STEPS = ['身份认证', '扫脸验证', '重置密码', '更新关联账号'];
const STEP_INDEX: Record<PasswordScreen, number> = {
  identity: 0,
  sms: 1,
  face: 1,
  password: 2,
  progress: 3,
  failed: -1,
};

/**
 * F12 重置税局密码: 证件类型 + 证件号码 → 下一步 → 获取验证码 → 下一步 (or, where the region offers no
 * SMS, 开始扫脸验证 in the 税务APP) → 新密码 + 确认密码 → 确定 → 更新关联账号 → 确定. Each step is the server's (PasswordChangeStore); what is typed stays in the
 * step's own state and goes with it.
 */
function PasswordResetPage() {
  const { accounts } = useStores();
  const passwords = usePasswords();
  const accountId = useParam('accountId');
  const screen = passwords.screen;
  useNewStepAtTop(screen);

  useEffect(() => {
    passwords.leave();
    if (accountId && !accounts.details[accountId]) accounts.loadDetail(accountId);
    return () => passwords.leave();
  }, [passwords, accounts, accountId]);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: screen === 'progress' ? '更新关联账号' : '重置税局密码' });
  }, [screen]);

  const finish = () => {
    Taro.showToast({ title: '密码已更新', icon: 'success' });
    backToAccountList(accounts.details[accountId]?.enterprise.id);
  };

  return (
    <AppPage className='password-reset'>
      <AccountHeader accountId={accountId} />
      {screen !== 'failed' && <StepBar steps={passwords.byFace ? FACE_STEPS : STEPS} current={STEP_INDEX[screen]} />}
      {screen === 'identity' && (
        <PrivacyGate>
          <IdentityStep accountId={accountId} />
        </PrivacyGate>
      )}
      {screen === 'sms' && <CodeStep />}
      {screen === 'face' && <FaceStep />}
      {screen === 'password' && <NewPasswordStep />}
      {screen === 'progress' && <ChangeProgress onConfirm={finish} />}
      {screen === 'failed' && (
        <View className='weui-empty'>
          <View className='weui-empty__title weui-error-text'>
            {passwords.error?.message ?? '操作已结束，请重新开始'}
          </View>
          <View className='weui-btn-area'>
            <Button className='weui-btn weui-btn_primary' onClick={() => passwords.restart()}>
              重新开始
            </Button>
          </View>
        </View>
      )}
    </AppPage>
  );
}

export default observer(PasswordResetPage);
