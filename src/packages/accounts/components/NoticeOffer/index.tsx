import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useStores } from '../../../../stores';
import './index.scss';

/** What it means to have no 登录通知 left, said plainly (issue 12). */
export const NO_NOTICES_TEXT = '开票系统需要登录时你将收不到通知';

interface NoticeOfferProps {
  /** 登录通知 WeChat will still deliver to me for this account. */
  left: number;
  /** After a successful 开启: the page reads the account again. */
  onEnabled?: () => void;
}

/**
 * F20 at bind and 更换微信 time: with notices left, how many; with none — refused in the popup, or
 * never asked — what that means, and one 开启 button (a real tap: WeChat asks only inside one).
 */
function NoticeOfferComponent({ left, onEnabled }: NoticeOfferProps) {
  const { subscriptions } = useStores();
  if (left > 0) return <View className='weui-form__tips'>{`已绑定你的微信，可接收${left}次登录通知`}</View>;
  const enable = async () => {
    const problem = await subscriptions.requestMore();
    Taro.showToast(problem ? { title: problem, icon: 'none' } : { title: '已开启', icon: 'success' });
    if (!problem) onEnabled?.();
  };
  return (
    <View className='notice-offer'>
      <View className='notice-offer__title'>未开启登录通知</View>
      <View className='notice-offer__text'>{NO_NOTICES_TEXT}</View>
      <View className='weui-btn-area notice-offer__actions'>
        <Button className='weui-btn weui-btn_primary' onClick={enable}>
          开启
        </Button>
      </View>
    </View>
  );
}

export const NoticeOffer = observer(NoticeOfferComponent);
