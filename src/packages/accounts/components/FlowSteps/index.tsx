import { useLayoutEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useNewStepAtTop } from '../../../../components/ActionArea';
import type { FlowStore } from '../../../../stores';
import { useFlow } from './context';
import { AgreementDialog } from './AgreementDialog';
import { QrStep } from './QrStep';
import { RealNameStep } from './RealNameStep';
import { SmsStep } from './SmsStep';
import './index.scss';

export { FlowContext, useFlow } from './context';

/**
 * The steps of a bureau flow (新增账号, 登录, 认证, 更换微信 …): whatever the bureau asks for next —
 * the 验证码, a QR scan or face check, the 实名 screen, the agreement — or the wait for a hosted
 * number. The page starts the flow and handles done/failed; this shows everything in between.
 */
function FlowStepsComponent() {
  const flow = useFlow();
  const state = flow.state;
  const step = flow.active ? flow.step : null;
  useNewStepAtTop(step);
  if (!state || !flow.active) return null;

  let body: JSX.Element | null = null;
  switch (state.step) {
    case 'sms':
      body = <SmsStep />;
      break;
    case 'hosted_wait':
      body = (
        <View className='flow-steps__progress'>
          <View className='flow-steps__spinner' />
          <View className='flow-steps__progress-title'>正在自动获取验证码…</View>
          <View className='flow-steps__progress-desc'>托管号码会自动接收并填写验证码，完成后自动登录，请稍候</View>
        </View>
      );
      break;
    case 'qr':
    case 'face':
      body = <QrStep />;
      break;
    case 'real_name':
      body = <RealNameStep />;
      break;
    case 'agreement':
      body = <AgreementDialog />;
      break;
  }
  return <View className='flow-steps'>{body}</View>;
}

export const FlowSteps = observer(FlowStepsComponent);

/**
 * A page that runs flows: the flow on the store is this page's from when it shows, and ends
 * (cancelled on the server, timers stopped) when the page is left. Returns the flow the page shows
 * and acts on: a page underneath, or one unloaded late, sees none of another page's flow.
 */
export function useFlowLeftWithPage(): FlowStore {
  const flow = useFlow();
  // Whatever the page reads of the flow goes through this view (see NOTHING).
  const [page] = useState(() => ++pages);
  // Before any effect of the page's children reads the flow.
  useLayoutEffect(() => {
    flow.enter(page);
    return () => flow.leave(page);
  }, [flow, page]);
  useDidShow(() => flow.enter(page));
  const [ownView] = useState(
    () =>
      new Proxy(flow, {
        get(target, prop) {
          const shown = typeof prop === 'string' && SHOWN.has(prop);
          if (shown && !target.ownedBy(page)) return NOTHING[prop as keyof typeof NOTHING];
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  );
  return ownView;
}

/** Numbers the pages that run flows. */
let pages = 0;

/** What a page sees of a flow that is not its own: nothing under way. Its calls still act. */
const NOTHING = {
  state: null,
  step: null,
  active: false,
  error: null,
  busy: false,
  qrExpired: false,
  resendSeconds: 0,
};
const SHOWN = new Set(Object.keys(NOTHING));
