import { Button, Image, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { ActionArea } from '../../../../components/ActionArea';
import { usePasswords } from '../../stores/PasswordChangeStore';

/**
 * 扫脸验证, where the region's bureau offers no SMS in 忘记密码 (seed §3.6: SMS optional, 扫脸 fixed):
 * 开始扫脸验证 → a QR the holder scans in the 税务APP to check their face → on to 重置密码 by itself.
 */
function FaceStepComponent() {
  const passwords = usePasswords();
  const face = passwords.state?.face;
  const { busy } = passwords;
  const over = face?.state === 'failed' || face?.state === 'expired';
  const error = passwords.error;
  let status = '请使用税务APP扫描二维码，完成人脸识别';
  if (face?.state === 'scanned') status = '已扫码，请在税务APP中完成人脸识别';
  if (face?.state === 'expired') status = '二维码已过期，请重新验证';
  // The bureau's words when it gave them.
  if (face?.state === 'failed') status = error?.message ?? '人脸识别未通过，请重新验证';

  return (
    <View>
      <View className='weui-cells__title'>该地区税局暂不支持短信验证，请通过扫脸验证本人身份</View>
      {face ? (
        <View className='password-reset__face'>
          <View className={`password-reset__qr-box ${over ? 'password-reset__qr-box_over' : ''}`}>
            <Image className='password-reset__qr-image' src={face.image} mode='scaleToFill' />
          </View>
          <View className={`password-reset__face-status ${over ? 'weui-error-text' : ''}`}>{status}</View>
        </View>
      ) : (
        <View className='weui-form__tips password-reset__face-tips'>
          点击“开始扫脸验证”后，用账号本人手机上的税务APP扫描二维码，按提示完成人脸识别。
        </View>
      )}
      {/* A failed check says why in its status line; anything else beside the button that was tapped. */}
      {(!face || over) && (
        <ActionArea error={face?.state === 'failed' ? null : error?.message}>
          <Button
            className={`weui-btn weui-btn_primary ${busy ? 'weui-btn_disabled' : ''}`}
            loading={busy}
            disabled={busy}
            onClick={() => passwords.startFace()}
          >
            {face ? '重新验证' : '开始扫脸验证'}
          </Button>
        </ActionArea>
      )}
      {face && !over && error && <View className='weui-form__error'>{error.message}</View>}
    </View>
  );
}

export const FaceStep = observer(FaceStepComponent);
