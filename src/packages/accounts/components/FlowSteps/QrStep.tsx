import { Button, Image, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { QR_APP_LABELS, QR_APPS } from '../../labels';
import { useFlow } from './context';

/** 扫码登录 (F17) and 认证's face check: the QR, which app scans it, 刷新二维码. */
function QrStepComponent() {
  const flow = useFlow();
  const qr = flow.state?.qr;
  if (!qr) return null;
  const face = flow.step === 'face';
  const appName = QR_APP_LABELS[qr.app];
  let status = face ? `请使用${appName}扫描二维码，完成人脸认证` : `请使用${appName}扫描二维码，并在APP中确认登录`;
  if (qr.state === 'scanned') status = '已扫码，请在APP中确认';
  if (flow.qrExpired) status = '二维码已过期，请刷新二维码';

  return (
    <View className='flow-steps__qr'>
      <View className='flow-steps__apps'>
        {QR_APPS.map((app) => (
          <Text
            key={app}
            className={`flow-steps__app ${app === qr.app ? 'flow-steps__app_on' : ''}`}
            onClick={() => app !== qr.app && flow.refreshQr(app)}
          >
            {QR_APP_LABELS[app]}
          </Text>
        ))}
      </View>
      <View className={`flow-steps__qr-box ${flow.qrExpired ? 'flow-steps__qr-box_expired' : ''}`}>
        {/* The square code fills its square box. (aspectFit positions the H5 <img> absolutely, and the
            centred text of the step pushed it half out of its box: issue 12.) */}
        <Image className='flow-steps__qr-image' src={qr.image} mode='scaleToFill' />
      </View>
      <View className={`flow-steps__qr-status ${flow.qrExpired ? 'weui-error-text' : ''}`}>{status}</View>
      {flow.error && <View className='weui-form__error flow-steps__center'>{flow.error.message}</View>}
      <View className='weui-btn-area'>
        <Button
          className={`weui-btn ${flow.qrExpired ? 'weui-btn_primary' : ''}`}
          loading={flow.busy}
          disabled={flow.busy}
          onClick={() => flow.refreshQr()}
        >
          刷新二维码
        </Button>
      </View>
    </View>
  );
}

export const QrStep = observer(QrStepComponent);
