/**
 * The bureau's own texts. Seed 000 and the product manual give some verbatim (the relation
 * message); the others follow the bureau's usual wording. Callers show them as they are.
 */
import { CHANNEL_LABELS, type Channel } from './model';

/** 2025-03-01 09:30 in China time, as the bureau writes times. */
export function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export const MSG = {
  ok: '成功',
  noRelation: '未查询到您与该企业的关联关系信息，请确认录入的信息是否正确！',
  noRole: (role: string) => `未查询到您在该企业的“${role}”身份信息，请确认录入的信息是否正确！`,
  noPermission: (channel: Channel) => `您在该企业没有${CHANNEL_LABELS[channel]}业务权限，请联系企业管理员授权！`,
  userNotFound: '未查询到该用户的注册信息，请确认录入的信息是否正确或先进行用户注册！',
  idTypeMismatch: '证件类型与证件号码不匹配，请确认录入的信息是否正确！',
  enterpriseNotFound: '未查询到该纳税人识别号对应的企业信息，请确认录入的信息是否正确！',
  wrongPassword: (left: number, max: number, lockMinutes: number) =>
    `用户名或密码错误，您还可以尝试${left}次，连续错误${max}次账号将被锁定${lockMinutes}分钟！`,
  locked: (until: number) =>
    `您的账号因连续输入错误已被锁定，请于${chinaTime(until)}后再试，或通过“忘记密码”重置密码！`,
  smsCodeWrong: (left: number) => `短信验证码错误，您还可以尝试${left}次！`,
  smsCodeExpired: '短信验证码已失效，请重新获取！',
  smsTooSoon: (seconds: number) => `短信验证码发送过于频繁，请${seconds}秒后再试！`,
  smsText: (code: string, minutes: number, purpose: 'login' | 'reset_password') =>
    `【国家税务总局】您的验证码为${code}，${minutes}分钟内有效。您正在${
      purpose === 'login' ? '登录电子税务局' : '重置电子税务局登录密码'
    }，请勿将验证码告知他人。`,
  realNameFailed: '实名核验未通过，登录失败！请携带本人有效身份证件到办税服务厅进行实名信息采集。',
  realNameCancelled: '您已取消实名核验，登录失败！',
  qrExpired: '二维码已失效，请刷新二维码后重新扫码！',
  flowClosed: '登录信息已失效，请重新登录！',
  wrongStep: '当前步骤不可执行该操作，请按页面提示操作！',
  ticketNotFound: '未查询到该二维码信息，请刷新二维码后重新扫码！',
  ticketNotYours: '该二维码不属于当前用户，请使用本人账号扫码！',
  sessionNotFound: '登录状态已失效，请重新登录！',
  sessionExpired: '登录已超时，请重新登录！',
  sessionDropped: '您的账号已在其他地方登录，当前登录已失效。如非本人操作，请及时修改密码！',
  sessionReplaced: '您已重新登录，原登录已失效！',
  systemBusy: '系统繁忙，请稍后再试！',
  invalidRequest: (detail: string) => `请求参数错误：${detail}`,
  passwordReset: '密码重置成功，请使用新密码登录！',
  faceFailed: '人脸识别未通过，请重新识别，或点击纳税人识别号选择近期登录记录！',
  faceFailedReset: '人脸识别未通过，请重新识别！',
  firstLoginPassword: '您是首次登录电子税务局，完成扫脸认证后还需完成密码认证（仅限首次登录），请输入密码！',
  smsResetOff: '该地区忘记密码暂不支持短信验证，请使用扫脸验证！',
  agreementTitle: '电子税务局用户服务协议',
  agreement:
    '欢迎使用全国统一规范电子税务局。为保障您的合法权益，请您在使用前仔细阅读本协议。' +
    '您在电子税务局办理的涉税业务，视同您本人办理，由此产生的法律责任由您本人承担。' +
    '请妥善保管您的账号、密码及短信验证码，不得转借他人使用。' +
    '税务机关依法保护您的个人信息和商业秘密。点击“确认”即表示您已阅读并同意本协议。',
};
