import type { EnterpriseSummary } from '../../../types/api';

/** The 数电配置管理员 row's status: 未绑定, the (masked) names of the admins, or 本人. */
export function adminStatusText(admin: EnterpriseSummary['admin']): string {
  if (admin.state === 'me') return '本人';
  if (admin.state === 'other') return admin.names.length > 0 ? admin.names.join('、') : '已绑定';
  return '未绑定';
}

export function accountCountText({ accountCount, myBoundCount }: EnterpriseSummary): string {
  return `共 ${accountCount} 个账号 · 我已绑定 ${myBoundCount} 个`;
}

/** Issue 14: "1 个我的账号已掉线或即将到期", empty when none. */
export function needingText({ myNeedingCount }: EnterpriseSummary): string {
  return myNeedingCount ? `${myNeedingCount} 个我的账号已掉线或即将到期` : '';
}

/** F2 解绑's modal: how many of my accounts go, then the seed's warning. */
export function unbindWarningText({ myBoundCount }: EnterpriseSummary): string {
  return `将解绑你在该企业绑定的 ${myBoundCount} 个账号。解绑后将无法通过微信登录电子发票服务平台`;
}
