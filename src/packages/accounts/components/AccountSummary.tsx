import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { AccountDetail } from '../../../../types/accounts';
import { Cell, CellGroup } from '../../../components/Cells';
import { loginTypeText, permissionText } from '../format';
import { AccountTags } from './StatusLines';

interface AccountSummaryProps {
  account: AccountDetail;
  /** Tapping the 税号 (F19: recent logins); absent where the 税号 is just shown. */
  onTaxIdTap?: () => void;
  children?: ReactNode;
}

/** Who the account is: masked account with its tags, enterprise, 税号, 身份, permission, 登录类型. */
export function AccountSummary({ account, onTaxIdTap, children }: AccountSummaryProps) {
  return (
    <CellGroup title={account.enterprise.name}>
      <Cell
        title='电子税局账号'
        value={
          <View>
            <Text className='weui-tabular'>{account.maskedAccount}</Text>
            <AccountTags account={account} />
          </View>
        }
      />
      <Cell
        title='税号'
        access={onTaxIdTap !== undefined}
        onClick={onTaxIdTap}
        value={<Text className='weui-tabular'>{account.enterprise.taxId}</Text>}
      />
      <Cell title='身份' value={account.role} />
      <Cell title='权限' value={permissionText(account.permissions)} />
      <Cell title='登录类型' value={loginTypeText(account)} />
      {children}
    </CellGroup>
  );
}
