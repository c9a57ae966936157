/**
 * The 修改密码 API of types/passwords.ts, in memory, on top of the fake server. One account holder
 * (证件, phone, the bureau's current password) with related accounts across enterprises; a hosted
 * number gets its code on the first poll after 获取验证码; 更新关联账号 moves one step per poll
 * (待更新 → 更新中 → 已更新), so a page can be watched while it updates; chosen accounts fail once.
 * With `smsOff` the region offers no SMS: the check is a face check, confirmed on the first poll
 * after 开始扫脸验证 (or failed first, with `faceFailsOnce`).
 */
import type { LoginType } from '../../../types/domain';
import type { PasswordChangeState, PasswordItem } from '../../../types/passwords';
import { passwordPolicyError } from '../../../types/validators';
import type { HttpRequest, HttpResponse } from '../../../src/services/api';
import type { FakeServer } from './fakeServer';

export const HOLDER_ID = '110101199003077774';
export const RESET_SMS_CODE = '246810';
export const BUREAU_PASSWORD = 'Latest#2025';
export const WRONG_SYNC_MESSAGE = '用户名或密码错误，您还可以尝试3次，连续错误5次账号将被锁定30分钟！';
export const ITEM_FAILED_MESSAGE = '保存失败，请点击重试';
export const FACE_FAILED_MESSAGE = '人脸识别未通过，请重新识别！';

type Related = Omit<PasswordItem, 'state' | 'current' | 'error'>;

interface Change extends PasswordChangeState {
  /** Polls left before a hosted number's code arrives. */
  hostedPolls: number;
  attempts: Record<string, number>;
}

export interface FakePasswords {
  /** The account 修改密码 starts from, and the same person's other accounts in the tenant. */
  accounts: Related[];
  loginType: LoginType;
  /** Accounts whose first update fails (a retry succeeds). */
  failOnce: Set<string>;
  /** The region offers no SMS in 忘记密码: 重置 checks by 扫脸. */
  smsOff: boolean;
  /** The first face check fails (the face did not match). */
  faceFailsOnce: boolean;
  /** The bureau's password after 重置 or as 仅更新发票云 must match. */
  bureauPassword: string;
  /** What our store holds per account after an update (never the password itself in a real server). */
  readonly stored: Record<string, string>;
  readonly changes: Change[];
  readonly calls: HttpRequest[];
}

const json = (statusCode: number, data?: unknown): HttpResponse => ({ statusCode, data });
const error = (statusCode: number, code: string, message: string) => json(statusCode, { error: { code, message } });

export function installFakePasswords(server: FakeServer): FakePasswords {
  const changes: Change[] = [];
  const calls: HttpRequest[] = [];
  const stored: Record<string, string> = {};
  let newPassword = '';

  const fake: FakePasswords = {
    accounts: [
      {
        accountId: 'acc-1',
        maskedAccount: '138****5678',
        enterpriseName: '福建示例科技有限公司',
        taxId: '91350100M000100Y43',
      },
      {
        accountId: 'acc-2',
        maskedAccount: '138****5678',
        enterpriseName: '厦门示例贸易有限公司',
        taxId: '91350200M000200Y22',
      },
      {
        accountId: 'acc-3',
        maskedAccount: '1101****7774',
        enterpriseName: '厦门示例贸易有限公司',
        taxId: '91350200M000200Y22',
      },
    ],
    loginType: 'manual',
    failOnce: new Set(),
    smsOff: false,
    faceFailsOnce: false,
    bureauPassword: 'Old#2024pass',
    stored,
    changes,
    calls,
  };

  const view = (change: Change): PasswordChangeState => {
    const { hostedPolls: _h, attempts: _a, ...state } = change;
    return JSON.parse(JSON.stringify(state)) as PasswordChangeState;
  };

  const takePassword = (change: Change, password: string) => {
    newPassword = password;
    change.step = 'updating';
    change.items = fake.accounts.map((a, index) => ({ ...a, current: index === 0, state: 'pending' }));
  };

  /** One step of 更新关联账号: the first item not finished moves on. */
  const advance = (change: Change) => {
    const item = change.items.find((i) => i.state === 'pending' || i.state === 'updating');
    if (!item) return;
    if (item.state === 'pending') item.state = 'updating';
    else {
      change.attempts[item.accountId] = (change.attempts[item.accountId] ?? 0) + 1;
      if (fake.failOnce.has(item.accountId) && change.attempts[item.accountId] === 1) {
        item.state = 'failed';
        item.error = ITEM_FAILED_MESSAGE;
      } else {
        item.state = 'done';
        stored[item.accountId] = newPassword;
      }
    }
    if (!change.items.some((i) => i.state === 'pending' || i.state === 'updating')) change.step = 'done';
  };

  const hosted = () => fake.loginType !== 'manual';

  server.use((request) => {
    const { pathname } = new URL(request.url);
    const route = `${request.method} ${pathname.replace(/^\/api\/v1/, '')}`;
    const body = (request.data ?? {}) as Record<string, string>;
    let m: RegExpMatchArray | null;

    if ((m = route.match(/^POST \/accounts\/([^/]+)\/(password-resets|password)$/))) {
      calls.push(request);
      const change: Change = {
        changeId: `change-${changes.length + 1}`,
        kind: m[2] === 'password' ? 'sync' : 'reset',
        step: 'sms',
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
        items: [],
        hostedPolls: 1,
        attempts: {},
      };
      if (change.kind === 'reset') {
        if (body.idType !== '居民身份证' || body.idNumber !== HOLDER_ID) {
          return error(400, 'id_mismatch', '证件信息与该账号的实名信息不一致，请核对后重新输入');
        }
        if (fake.smsOff) change.step = 'face';
        else change.sms = { hosted: hosted(), filled: false };
      } else {
        if (body.password !== fake.bureauPassword) return error(400, 'etax_wrong_password', WRONG_SYNC_MESSAGE);
        takePassword(change, body.password);
      }
      changes.push(change);
      return json(201, view(change));
    }

    if ((m = route.match(/^(\w+) \/password-changes\/([^/]+)(\/[\w/-]+)?$/))) {
      calls.push(request);
      const [, method, id, tail = ''] = m;
      const change = changes.find((c) => c.changeId === id);
      if (!change) return error(404, 'not_found', '该操作不存在或已结束，请重新开始');
      const retry = tail.match(/^\/items\/([^/]+)\/retry$/);
      if (method === 'POST' && retry) {
        const item = change.items.find((i) => i.accountId === retry[1]);
        if (!item) return error(404, 'not_found', '该账号不在本次更新之列');
        if (item.state !== 'failed') return error(409, 'nothing_to_retry', '该账号无需重试');
        // The server updates it during the call.
        item.state = 'updating';
        delete item.error;
        advance(change);
        return json(200, view(change));
      }
      switch (`${method} ${tail}`) {
        case 'GET ':
          if (change.step === 'sms' && change.sms?.hosted && change.sms.maskedPhone) {
            change.hostedPolls -= 1;
            if (change.hostedPolls <= 0) {
              change.step = 'password';
              change.sms.filled = true;
            }
          }
          if (change.step === 'updating') advance(change);
          if (change.step === 'face' && change.face?.state === 'pending') {
            if (fake.faceFailsOnce) {
              fake.faceFailsOnce = false;
              change.face.state = 'failed';
              change.error = { code: 'etax_face_failed', message: FACE_FAILED_MESSAGE };
            } else {
              change.step = 'password';
              delete change.face;
            }
          }
          return json(200, view(change));
        case 'POST /face':
          if (change.step !== 'face') return error(409, 'wrong_step', '当前步骤不可执行该操作，请按页面提示操作');
          delete change.error;
          change.face = {
            image: 'data:image/png;base64,iVBORw0KGgo=',
            app: 'tax',
            expiresAt: new Date(Date.now() + 120_000).toISOString(),
            state: 'pending',
          };
          return json(200, view(change));
        case 'POST /sms/send': {
          if (change.step !== 'sms') return error(409, 'wrong_step', '当前步骤不可执行该操作，请按页面提示操作');
          if (change.sms?.resendAt && Date.parse(change.sms.resendAt) > Date.now()) {
            return error(429, 'etax_resend_too_soon', '短信验证码发送过于频繁，请稍后再试！');
          }
          change.sms = {
            hosted: hosted(),
            filled: false,
            maskedPhone: '138****5678',
            resendAt: new Date(Date.now() + 60_000).toISOString(),
          };
          return json(200, view(change));
        }
        case 'POST /sms':
          if (!change.sms?.maskedPhone) return error(409, 'code_not_sent', '请先获取验证码');
          if (body.code !== RESET_SMS_CODE)
            return error(400, 'etax_sms_code_wrong', '短信验证码错误，您还可以尝试4次！');
          change.step = 'password';
          return json(200, view(change));
        case 'POST /password': {
          if (change.step !== 'password') return error(409, 'wrong_step', '当前步骤不可执行该操作，请按页面提示操作');
          const policy = passwordPolicyError(body.newPassword ?? '');
          if (policy) return error(400, 'validation_error', policy);
          fake.bureauPassword = body.newPassword;
          takePassword(change, body.newPassword);
          return json(200, view(change));
        }
      }
      return undefined;
    }
    return undefined;
  });

  return fake;
}
