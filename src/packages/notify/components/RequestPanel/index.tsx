import { useEffect, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { LoginRequestView } from '../../../../../types/requests';
import { CHANNEL_LABELS, CHANNEL_SHORT } from '../../../../../types/domain';
import { Cell, CellGroup } from '../../../../components/Cells';
import { ResultMsg, successText } from '../../../../components/ResultMsg';
import type { FlowStore } from '../../../../stores';
import { FlowContext, FlowSteps } from '../../../accounts/components/FlowSteps';
import { clockText, problemText, retryable, timeLeftText } from '../../format';
import type { OpenRequest } from '../../stores/OpenRequest';
import './index.scss';

interface RequestPanelProps {
  request: OpenRequest;
  /** The flow store that drives this request's flows (signed in, or the link's). */
  flow: FlowStore;
  /** Opened from 登录通知 in the app, or from a browser link. */
  via: 'app' | 'link';
  /** Shown under the success: what the page offers next. */
  doneExtra?: ReactNode;
}

/** What the request asks of the holder, before they start. */
function askText(request: OpenRequest, view: LoginRequestView): string {
  const business = CHANNEL_SHORT[view.channel];
  if (request.next === 'auth') {
    return request.loggedInHere
      ? '登录成功，请继续完成认证：使用税务APP扫描二维码，完成人脸认证'
      : `${business}业务需要认证：使用税务APP扫描二维码，完成人脸认证`;
  }
  if (view.purpose === 'auth') return `${business}业务需要认证，认证前需先登录电子税局，登录后继续认证`;
  return `${business}业务需要登录电子税局：点击登录获取验证码，或扫码登录`;
}

/**
 * A login request on screen (F15, F18): what is asked — enterprise, 税号, 开票业务/收票业务, 登录 or
 * 认证, the masked account, the time left — and the flow that answers it (the shared FlowSteps), or
 * how it ended. The request page and the browser link page differ only in where both come from.
 */
function RequestPanelComponent({ request, flow, via, doneExtra }: RequestPanelProps) {
  const view = request.view;
  const step = flow.step;

  useEffect(() => {
    if (step === 'done' || step === 'failed') request.flowEnded(step);
  }, [step, request]);

  const title = view?.title;
  useEffect(() => {
    if (title) Taro.setNavigationBarTitle({ title });
  }, [title]);

  if (!view) {
    if (!request.problem) return <View className='weui-loadmore'>加载中…</View>;
    const { title: problemTitle, detail } = problemText(request.problem, via);
    const canRetry = retryable(request.problem);
    return (
      <View className='weui-empty request-panel__problem'>
        <View className='weui-empty__title'>{problemTitle}</View>
        <View className='weui-empty__desc'>{detail}</View>
        {canRetry && (
          <View className='weui-btn-area'>
            <Button className='weui-btn' onClick={() => request.load()}>
              重试
            </Button>
          </View>
        )}
      </View>
    );
  }

  const pending = view.status === 'pending';
  const msLeft = request.msLeft;
  // The group's title says what is asked: 开票登录, 收票认证 ….
  const summary = (
    <CellGroup title={view.title}>
      <Cell title='企业' value={view.enterprise.name} />
      <Cell title='税号' value={<Text className='weui-tabular'>{view.enterprise.taxId}</Text>} />
      <Cell title='业务' value={CHANNEL_LABELS[view.channel]} />
      <Cell title='电子税局账号' value={<Text className='weui-tabular'>{view.maskedAccount}</Text>} />
      {pending && (
        <Cell
          title='有效期'
          value={
            <Text className={`weui-tabular ${msLeft < 60_000 ? 'request-panel__warn' : ''}`}>
              {`${timeLeftText(msLeft)}（${clockText(view.expiresAt, request.now)}前）`}
            </Text>
          }
        />
      )}
    </CellGroup>
  );

  let body: ReactNode;
  if (view.status === 'done') {
    body = (
      <ResultMsg
        tone='ok'
        title={successText(view)}
        detail={via === 'link' ? '可以关闭此页面，回到开票系统继续操作' : undefined}
      >
        {doneExtra}
      </ResultMsg>
    );
  } else if (view.status === 'failed') {
    body = (
      <ResultMsg
        tone='warn'
        title={`${view.purpose === 'auth' ? '认证' : '登录'}未完成`}
        detail={view.reason ?? '登录失败'}
      >
        <View className='weui-msg__hint'>如需继续，请在开票系统中重新发起</View>
      </ResultMsg>
    );
  } else if (view.status === 'expired') {
    body = (
      <ResultMsg tone='warn' title='登录通知已过期' detail={view.reason}>
        <View className='weui-msg__hint'>如需继续，请在开票系统中重新发起</View>
      </ResultMsg>
    );
  } else if (flow.active) {
    body = (
      <FlowContext.Provider value={flow}>
        {request.loggedInHere && <View className='weui-form__tips request-panel__ask'>登录成功，请继续完成认证</View>}
        <FlowSteps />
      </FlowContext.Provider>
    );
  } else {
    body = (
      <View>
        <View className='weui-form__tips request-panel__ask'>{askText(request, view)}</View>
        {flow.error && <View className='weui-form__error'>{flow.error.message}</View>}
        <View className='weui-btn-area'>
          {request.next === 'auth' ? (
            <Button
              className='weui-btn weui-btn_primary'
              loading={flow.busy}
              disabled={flow.busy}
              onClick={() => request.start('qr')}
            >
              认证
            </Button>
          ) : (
            <>
              <Button
                className='weui-btn weui-btn_primary'
                loading={flow.busy}
                disabled={flow.busy}
                onClick={() => request.start('password')}
              >
                登录
              </Button>
              <Button className='weui-btn' disabled={flow.busy} onClick={() => request.start('qr')}>
                扫码登录
              </Button>
            </>
          )}
        </View>
      </View>
    );
  }

  return (
    <View className='request-panel'>
      {summary}
      {request.problem && <View className='weui-form__error'>{request.problem.message}</View>}
      {body}
    </View>
  );
}

export const RequestPanel = observer(RequestPanelComponent);
