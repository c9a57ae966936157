import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { Cell, CellGroup } from '../../../components/Cells';
import { useStores } from '../../../stores';
import './index.scss';

/** Whose password changes: the account as 编辑 showed it (masked), its enterprise and 税号. */
function AccountHeaderComponent({ accountId }: { accountId: string }) {
  const { accounts } = useStores();
  const account = accounts.details[accountId];
  const error = accountId ? accounts.detailErrors[accountId] : '页面缺少账号信息，请从电子税局账号管理进入';
  if (!account) return error ? <View className='weui-form__error'>{error}</View> : null;
  return (
    <CellGroup title={account.enterprise.name}>
      {/* The account beside its label, not at the right: the 税号 below keeps the row's whole width (320 px). */}
      <Cell
        title={
          <Text>
            电子税局账号 <Text className='weui-tabular'>{account.maskedAccount}</Text>
          </Text>
        }
        description={
          <View>
            <View className='weui-tabular'>{`税号 ${account.enterprise.taxId}`}</View>
            <View>{account.role}</View>
          </View>
        }
      />
    </CellGroup>
  );
}

export const AccountHeader = observer(AccountHeaderComponent);
