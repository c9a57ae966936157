import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { PasswordItemState } from '../../../../types/domain';
import { usePasswords } from '../stores/PasswordChangeStore';
import { PASSWORD_ITEM_LABELS } from '../rules';
import './index.scss';

const TAG_CLASS: Record<PasswordItemState, string> = {
  pending: '',
  updating: 'weui-tag_orange',
  done: 'weui-tag_green',
  failed: 'weui-tag_red',
};

/**
 * 更新关联账号: the same person's accounts in this tenant (this one first), each with its own state
 * as the server updates them one by one; a failed one shows why and can be retried. 确定 once every
 * account was tried.
 */
function ChangeProgressComponent({ onConfirm }: { onConfirm: () => void }) {
  const passwords = usePasswords();
  const { items, finished } = passwords;
  const done = items.filter((i) => i.state === 'done').length;
  const failed = items.filter((i) => i.state === 'failed').length;
  let summary = `正在更新 ${items.length} 个账号在发票云保存的密码…`;
  if (finished) {
    summary = failed > 0 ? `已更新 ${done} 个账号，${failed} 个更新失败，请重试` : `已更新全部 ${done} 个账号的密码`;
  }

  return (
    <View className='password-progress'>
      <View className='weui-cells__title'>
        税局密码已修改，正在更新同一租户下此账号关联的其他税号在发票云保存的密码
      </View>
      <View className='weui-cells'>
        {items.map((item) => (
          <View key={item.accountId} className='weui-cell password-item'>
            <View className='weui-cell__bd'>
              <View className='weui-cell__title'>{item.enterpriseName}</View>
              <View className='weui-cell__desc'>
                <View className='weui-tabular'>{`税号 ${item.taxId}`}</View>
                <View className='weui-tabular'>
                  {`账号 ${item.maskedAccount}`}
                  {item.current && <Text className='weui-tag'>当前账号</Text>}
                </View>
              </View>
              {item.state === 'failed' && item.error && (
                <View className='weui-error-text password-item__error'>{item.error}</View>
              )}
            </View>
            <View className='weui-cell__ft password-item__ft'>
              <Text className={`weui-tag password-item__state ${TAG_CLASS[item.state]}`}>
                {PASSWORD_ITEM_LABELS[item.state]}
              </Text>
              {item.state === 'failed' && (
                <Text
                  className={`weui-link password-item__retry ${passwords.retryingId ? 'password-item__retry_off' : ''}`}
                  onClick={() => passwords.retry(item.accountId)}
                >
                  {passwords.retryingId === item.accountId ? '重试中…' : '重试'}
                </Text>
              )}
            </View>
          </View>
        ))}
      </View>
      <View className={`weui-form__tips ${finished && failed === 0 ? 'password-progress__ok' : ''}`}>{summary}</View>
      {passwords.error && <View className='weui-form__error'>{passwords.error.message}</View>}
      <View className='weui-btn-area'>
        <Button
          className={`weui-btn weui-btn_primary ${finished ? '' : 'weui-btn_disabled'}`}
          disabled={!finished}
          loading={!finished}
          onClick={onConfirm}
        >
          确定
        </Button>
      </View>
    </View>
  );
}

export const ChangeProgress = observer(ChangeProgressComponent);
