import { adminsOf } from '../../../src/packages/admin/stores/AdminStore';
import { createTestApp } from '../support/app';
import { ADMIN_PASSWORD, ADMIN_SMS_CODE, installFakeAdmins } from '../support/fakeAdmins';

const made: { leave(): void }[] = [];

function setup() {
  const app = createTestApp();
  made.push(app.store.flow);
  const fake = installFakeAdmins(app.server);
  return { ...app, fake, admins: adminsOf(app.store), flow: app.store.flow };
}

afterEach(() => {
  made.splice(0).forEach((flow) => flow.leave());
});

const auditCalls = (fake: ReturnType<typeof setup>['fake']) => fake.calls.filter((c) => c.url.endsWith('/audit-log'));

describe('#admins.load', () => {
  it('should list the admins, masked for others and 本人 for me, with the audit log for an admin', async () => {
    const { admins, fake } = setup();
    fake.addAdmin('ent-1', { name: '张*丰', since: '2025-03-01T02:00:00.000Z' });
    fake.makeMeAdmin('ent-1');
    fake.addAuditEntry('ent-1', { id: 'log-1' });

    await admins.load('ent-1');

    expect(admins.list('ent-1')?.admins.map((a) => [a.name, a.me])).toEqual([
      ['张*丰', false],
      ['陈静', true],
    ]);
    expect(admins.isAdmin('ent-1')).toBe(true);
    expect(admins.auditLogs['ent-1']?.map((e) => e.id)).toEqual(['log-1']);
  });

  it('should not ask for the audit log when I am not an admin', async () => {
    const { admins, fake } = setup();
    fake.addAdmin('ent-1', { name: '张*丰', since: '2025-03-01T02:00:00.000Z' });

    await admins.load('ent-1');

    expect(admins.isAdmin('ent-1')).toBe(false);
    expect(admins.auditLogs['ent-1']).toBeUndefined();
    expect(auditCalls(fake)).toHaveLength(0);
  });

  it('should keep what it had and say why when the list cannot be loaded', async () => {
    const { admins, server } = setup();
    await admins.load('ent-1');
    server.failNext(500, { error: { code: 'internal_error', message: '服务暂时不可用，请稍后再试' } });

    await admins.load('ent-1');

    expect(admins.list('ent-1')?.admins).toEqual([]);
    expect(admins.listErrors['ent-1']).toBe('服务暂时不可用，请稍后再试');
  });
});

describe('#admins.stepDown', () => {
  it('should step down: I am no admin any more and the audit log is gone', async () => {
    const { admins, fake } = setup();
    fake.makeMeAdmin('ent-1');
    await admins.load('ent-1');
    expect(admins.auditLogs['ent-1']).toEqual([]);

    await expect(admins.stepDown('ent-1')).resolves.toBeNull();

    expect(admins.isAdmin('ent-1')).toBe(false);
    expect(admins.list('ent-1')?.admins).toEqual([]);
    expect(admins.auditLogs['ent-1']).toBeUndefined();
    expect(fake.calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/enterprises/ent-1/admins/me'))).toBe(true);
  });

  it('should say why when the server refuses', async () => {
    const { admins } = setup();

    await expect(admins.stepDown('ent-1')).resolves.toBe('您不是该企业的数电配置管理员');
    expect(admins.steppingDownId).toBeNull();
  });
});

describe('#flow.start admin (申请绑定)', () => {
  it('should go 提交验证 → 验证码 → done, and then I am admin', async () => {
    const { flow, admins, fake } = setup();

    await expect(
      flow.start({ kind: 'admin', enterpriseId: 'ent-1', body: { account: '13800005678', password: ADMIN_PASSWORD } }),
    ).resolves.toBe(true);
    expect(flow.step).toBe('sms');
    const start = fake.calls.find((c) => c.method === 'POST' && c.url.endsWith('/enterprises/ent-1/admins/flows'));
    // The test device has no 指纹 or 面容: the app says so explicitly (SOTER, issue 14 part 5).
    expect(start?.data).toEqual({ account: '13800005678', password: ADMIN_PASSWORD, soter: { unavailable: true } });

    await flow.submitSms(ADMIN_SMS_CODE);
    expect(flow.step).toBe('done');

    await admins.load('ent-1');
    expect(admins.list('ent-1')?.admins).toEqual([expect.objectContaining({ name: '陈静', me: true })]);
  });

  it('should refuse someone who is neither 法定代表人 nor 财务负责人, naming the 身份 needed', async () => {
    const { flow, fake } = setup();
    fake.role = '开票员';

    await expect(
      flow.start({ kind: 'admin', enterpriseId: 'ent-1', body: { account: '13800005678', password: ADMIN_PASSWORD } }),
    ).resolves.toBe(false);

    expect(flow.state).toBeNull();
    expect(flow.error?.code).toBe('admin_role_required');
    expect(flow.error?.message).toContain('法定代表人或财务负责人');
    expect(flow.error?.message).toContain('开票员');
    expect(fake.flows).toHaveLength(0);
  });
});
