import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { Cell, CellGroup } from '../../../../components/Cells';
import { useFlow } from './context';

/** 实名等级 < 3 (seed 000): the bureau shows who is logging in; 确认 runs the check, 取消 fails the login. */
function RealNameStepComponent() {
  const flow = useFlow();
  const realName = flow.state?.realName;
  if (!realName) return null;
  return (
    <View>
      <CellGroup title='根据电子税务局要求，请核对以下实名信息，确认后进行实名核验'>
        <Cell title='姓名' value={realName.name} />
        <Cell title='证件类型' value={realName.idType} />
        <Cell title='证件号码' value={<View className='weui-tabular'>{realName.maskedIdNumber}</View>} />
      </CellGroup>
      {flow.error && <View className='weui-form__error'>{flow.error.message}</View>}
      <View className='weui-btn-area'>
        <Button
          className='weui-btn weui-btn_primary'
          loading={flow.busy}
          disabled={flow.busy}
          onClick={() => flow.answerRealName(true)}
        >
          确认
        </Button>
        <Button className='weui-btn' disabled={flow.busy} onClick={() => flow.answerRealName(false)}>
          取消
        </Button>
      </View>
    </View>
  );
}

export const RealNameStep = observer(RealNameStepComponent);
