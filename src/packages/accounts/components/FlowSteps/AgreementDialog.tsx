import { Button, ScrollView, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useFlow } from './context';

/** The bureau's user agreement, not signed yet: 确认 signs it, 取消 ends the login. */
function AgreementDialogComponent() {
  const flow = useFlow();
  const agreement = flow.state?.agreement;
  if (!agreement) return null;
  return (
    <View className='flow-steps__agreement'>
      <View className='weui-mask' />
      <View className='weui-dialog'>
        <View className='weui-dialog__hd'>{agreement.title}</View>
        <View className='weui-dialog__bd'>
          <ScrollView scrollY className='flow-steps__agreement-text'>
            {agreement.text}
          </ScrollView>
          {flow.error && <View className='weui-error-text flow-steps__agreement-error'>{flow.error.message}</View>}
        </View>
        <View className='weui-dialog__ft'>
          <Button
            className='weui-dialog__btn weui-dialog__btn_default'
            disabled={flow.busy}
            onClick={() => flow.answerAgreement(false)}
          >
            取消
          </Button>
          <Button
            className='weui-dialog__btn weui-dialog__btn_primary'
            disabled={flow.busy}
            onClick={() => flow.answerAgreement(true)}
          >
            确认
          </Button>
        </View>
      </View>
    </View>
  );
}

export const AgreementDialog = observer(AgreementDialogComponent);
