import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../../../stores';

interface MoreNoticesProps {
  onBack: () => void;
  /** After WeChat granted more 登录通知. */
  onEnabled?: () => void;
}

/**
 * Under a finished login of my own account (F20): how many 登录通知 are left, 继续接收登录通知 (a
 * real tap: WeChat asks only inside one) and 返回.
 */
function MoreNoticesComponent({ onBack, onEnabled }: MoreNoticesProps) {
  const { subscriptions } = useStores();
  const moreNotices = async () => {
    const problem = await subscriptions.requestMore();
    Taro.showToast(problem ? { title: problem, icon: 'none' } : { title: '已开启登录通知', icon: 'success' });
    if (!problem) onEnabled?.();
  };
  return (
    <View>
      {subscriptions.templates &&
        (subscriptions.loginNoticesLeft > 0 ? (
          <View className='weui-msg__hint'>{`当前还可接收${subscriptions.loginNoticesLeft}次登录通知`}</View>
        ) : (
          <View className='weui-msg__hint weui-msg__hint_warn'>登录通知已用完，点击继续接收</View>
        ))}
      <View className='weui-btn-area'>
        <Button className='weui-btn weui-btn_primary' onClick={moreNotices}>
          继续接收登录通知
        </Button>
        <Button className='weui-btn' onClick={onBack}>
          返回
        </Button>
      </View>
    </View>
  );
}

export const MoreNotices = observer(MoreNoticesComponent);
