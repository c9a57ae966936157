import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { InputCell } from '../../../../components/Cells';
import { ActionArea } from '../../../../components/ActionArea';
import { AppPage } from '../../../../components/AppPage';
import { useStores } from '../../../../stores';
import { usePasswords } from '../../stores/PasswordChangeStore';
import { AccountHeader } from '../../components/AccountHeader';
import { ChangeProgress } from '../../components/ChangeProgress';
import { backToAccountList } from '../../navigation';
import { useParam } from '../../../accounts/params';
import { fieldOfError } from '../../rules';
import './index.scss';

/** The latest password → 确定: the bureau checks it first; a wrong one changes nothing and says why. */
function SyncFormComponent({ accountId }: { accountId: string }) {
  const passwords = usePasswords();
  // The password lives only here: it goes when the form or the page goes.
  const [password, setPassword] = useState('');
  const server = passwords.error;
  const underField = server && (fieldOfError(server.code) === 'password' || server.code === 'validation_error');

  return (
    <View>
      <View className='weui-cells__title'>密码已在税局修改：输入税局的最新密码，验证通过后更新发票云保存的密码</View>
      <View className='weui-cells'>
        <InputCell
          label='密码'
          placeholder='请输入税局最新密码'
          password
          value={password}
          onInput={(value) => {
            setPassword(value);
            passwords.clearError();
          }}
        />
        {server && underField && <View className='weui-form__error password-sync__field-error'>{server.message}</View>}
      </View>
      <View className='weui-form__tips password-sync__note'>注意：需要输入税局最新密码</View>
      <ActionArea error={server && !underField ? server.message : null}>
        <Button
          className={`weui-btn weui-btn_primary ${passwords.busy ? 'weui-btn_disabled' : ''}`}
          loading={passwords.busy}
          disabled={passwords.busy}
          onClick={() => passwords.sync(accountId, password)}
        >
          确定
        </Button>
      </ActionArea>
    </View>
  );
}

const SyncForm = observer(SyncFormComponent);

/** F13 已在税局修改，仅更新发票云: the latest password, checked by the bureau, then 更新关联账号. */
function PasswordSyncPage() {
  const { accounts } = useStores();
  const passwords = usePasswords();
  const accountId = useParam('accountId');
  const progress = passwords.screen === 'progress';

  useEffect(() => {
    passwords.leave();
    if (accountId && !accounts.details[accountId]) accounts.loadDetail(accountId);
    return () => passwords.leave();
  }, [passwords, accounts, accountId]);

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: progress ? '更新关联账号' : '更新发票云密码' });
  }, [progress]);

  const finish = () => {
    Taro.showToast({ title: '密码已更新', icon: 'success' });
    backToAccountList(accounts.details[accountId]?.enterprise.id);
  };

  return (
    <AppPage className='password-sync'>
      <AccountHeader accountId={accountId} />
      {progress ? <ChangeProgress onConfirm={finish} /> : <SyncForm accountId={accountId} />}
    </AppPage>
  );
}

export default observer(PasswordSyncPage);
