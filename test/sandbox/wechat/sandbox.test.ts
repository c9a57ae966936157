import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { APP_PAGES } from '../../../server/sandbox/wechat/app-pages';
import { loginRequestPagePath, loginLinkPagePath } from '../../../types/requests';
import { APPID, BIND_TEMPLATE, LOGIN_TEMPLATE, loginData, SECRET, START, startSandbox, type Sandbox } from './harness';

const MINUTE = 60 * 1000;
const login = `/sns/jscode2session?appid=${APPID}&secret=${SECRET}&grant_type=authorization_code&js_code=`;
const tokenBody = (force_refresh?: boolean) => ({
  grant_type: 'client_credential',
  appid: APPID,
  secret: SECRET,
  force_refresh,
});
const wrapped = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [key, { value }]));

describe('#wechat.sandbox', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox();
  });
  after(async () => {
    await sandbox.close();
  });
  afterEach(async () => {
    await sandbox.control('DELETE', '/faults');
    sandbox.clock.t = START;
  });

  describe('jscode2session', () => {
    it('should answer success without errcode, and WeChat errcodes for wrong parameters', async () => {
      const ok = await sandbox.wechat('GET', login + (await sandbox.code('alice')));
      assert.deepEqual(Object.keys(ok).sort(), ['openid', 'session_key']);

      const code = await sandbox.code('alice');
      const errcodeOf = async (path: string) => (await sandbox.wechat('GET', path)).errcode;
      assert.equal(await errcodeOf(login.replace(APPID, 'wxother') + code), 40013);
      assert.equal(await errcodeOf(login.replace(SECRET, 'nope') + code), 40125);
      assert.equal(await errcodeOf(login.replace('authorization_code', 'password') + code), 40002);
      assert.equal(await errcodeOf(login), 41008);
      assert.equal(
        await errcodeOf(`/sns/jscode2session?secret=${SECRET}&js_code=${code}&grant_type=authorization_code`),
        41002,
      );
      // None of those used the code up.
      assert.ok((await sandbox.wechat('GET', login + code)).openid);
    });

    it('should carry a request id in errmsg, like WeChat', async () => {
      const answer = await sandbox.wechat('GET', `${login}unknown`);
      assert.deepEqual(answer.errcode, 40029);
      assert.match(String(answer.errmsg), /^invalid code rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    });
  });

  describe('stable_token', () => {
    it('should return the same token with the time left until forced', async () => {
      const first = await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody());
      assert.equal(first.expires_in, 7200);
      assert.ok(String(first.access_token).length >= 100);
      sandbox.clock.t += 10 * MINUTE;
      const again = await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody(false));
      assert.deepEqual(again, { access_token: first.access_token, expires_in: 7200 - 600 });
    });

    it('should refuse a force-replaced token at once with 40001', async () => {
      const touser = await sandbox.openid('olga');
      await sandbox.subscribe('olga', { [LOGIN_TEMPLATE]: 'accept' });
      await sandbox.subscribe('olga', { [LOGIN_TEMPLATE]: 'accept' });
      const send = (token: unknown) =>
        sandbox.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
          touser,
          template_id: LOGIN_TEMPLATE,
          data: wrapped(loginData()),
        });

      sandbox.clock.t += 31_000; // clear of any earlier forced refresh
      const old = (await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
      const forced = await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody(true));
      assert.notEqual(forced.access_token, old);
      assert.equal(forced.expires_in, 7200);
      // A second forced refresh within 30 s changes nothing.
      assert.equal(
        (await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody(true))).access_token,
        forced.access_token,
      );

      assert.equal((await send(old)).errcode, 40001);
      assert.equal((await send(forced.access_token)).errcode, 0);
    });

    it('should answer 42001 for an expired token, 40001 for an unknown one and 41001 for none', async () => {
      const { access_token: token, expires_in } = await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody());
      const body = { touser: await sandbox.openid('alice'), template_id: LOGIN_TEMPLATE, data: wrapped(loginData()) };
      sandbox.clock.t += Number(expires_in) * 1000;
      assert.equal(
        (await sandbox.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, body)).errcode,
        42001,
      );
      assert.equal(
        (await sandbox.wechat('POST', '/cgi-bin/message/subscribe/send?access_token=made-up', body)).errcode,
        40001,
      );
      assert.equal((await sandbox.wechat('POST', '/cgi-bin/message/subscribe/send', body)).errcode, 41001);
      // A new one is handed out once the old has expired.
      const next = await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody());
      assert.notEqual(next.access_token, token);
    });

    it('should allow 20 forced refreshes a Beijing day, then 45009 until the next day', async () => {
      const limited = await startSandbox();
      try {
        for (let i = 0; i < 20; i++) {
          limited.clock.t += 31_000;
          assert.ok((await limited.wechat('POST', '/cgi-bin/stable_token', tokenBody(true))).access_token);
        }
        limited.clock.t += 31_000;
        assert.equal((await limited.wechat('POST', '/cgi-bin/stable_token', tokenBody(true))).errcode, 45009);
        // Normal calls still work.
        assert.ok((await limited.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token);
        // Beijing midnight is 16:00 UTC.
        limited.clock.t = Date.parse('2025-03-01T16:00:00Z');
        assert.ok((await limited.wechat('POST', '/cgi-bin/stable_token', tokenBody(true))).access_token);
      } finally {
        await limited.close();
      }
    });

    it('should answer WeChat errcodes for bad bodies', async () => {
      assert.equal(
        (await sandbox.wechat('POST', '/cgi-bin/stable_token', { ...tokenBody(), grant_type: 'x' })).errcode,
        40002,
      );
      assert.equal(
        (await sandbox.wechat('POST', '/cgi-bin/stable_token', { ...tokenBody(), secret: 'x' })).errcode,
        40125,
      );
      assert.equal((await sandbox.wechat('POST', '/cgi-bin/stable_token', '{not json')).errcode, 47001);
      assert.equal((await sandbox.wechat('POST', '/cgi-bin/stable_token', '')).errcode, 44002);
      assert.equal((await sandbox.wechat('POST', '/cgi-bin/stable_token', [1])).errcode, 47001);
    });

    it('should serve /cgi-bin/token apart, a new token each call', async () => {
      const q = `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`;
      const a = await sandbox.wechat('GET', q);
      const b = await sandbox.wechat('GET', q);
      assert.equal(a.expires_in, 7200);
      assert.notEqual(a.access_token, b.access_token);
    });
  });

  describe('subscribe/send', () => {
    it('should answer errcode 0, ok and a 64-bit msgid written as a bare number', async () => {
      const token = (await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
      await sandbox.subscribe('paul', { [BIND_TEMPLATE]: 'accept' });
      const res = await fetch(`${sandbox.base}/cgi-bin/message/subscribe/send?access_token=${token}`, {
        method: 'POST',
        // WeChat reads the body as JSON whatever the content type says.
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({
          touser: await sandbox.openid('paul'),
          template_id: BIND_TEMPLATE,
          page: 'pages/index/index?from=notice',
          data: wrapped({ name1: 'Zhang San Feng Jr.', phone_number2: '151****1832', date3: '2025-03-01' }),
          miniprogram_state: 'trial',
          lang: 'zh_CN',
        }),
      });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /^\{"errcode":0,"errmsg":"ok","msgid":\d{19}\}$/);
    });

    it('should check the template values kind by kind', async () => {
      const token = (await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
      const touser = await sandbox.openid('quinn');
      await sandbox.subscribe('quinn', { [LOGIN_TEMPLATE]: 'accept', [BIND_TEMPLATE]: 'accept' });
      const send = async (template_id: string, data: Record<string, string>) =>
        sandbox.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
          touser,
          template_id,
          data: wrapped(data),
        });
      const bind = { name1: '张三', phone_number2: '15112341832', date3: '2025-03-01' };
      const cases: Array<[string, Record<string, string>, string]> = [
        [LOGIN_TEMPLATE, loginData({ thing1: 'x'.repeat(21) }), 'thing1'],
        [LOGIN_TEMPLATE, loginData({ character_string2: '9'.repeat(33) }), 'character_string2'],
        [LOGIN_TEMPLATE, loginData({ character_string2: '税号91350100' }), 'character_string2'],
        [LOGIN_TEMPLATE, loginData({ phrase4: '等待您去登录' }), 'phrase4'],
        [LOGIN_TEMPLATE, loginData({ phrase4: 'ok' }), 'phrase4'],
        [LOGIN_TEMPLATE, loginData({ time3: '2025-02-30 10:00' }), 'time3'],
        [LOGIN_TEMPLATE, loginData({ time3: '2025-03-01' }), 'time3'],
        [LOGIN_TEMPLATE, loginData({ thing1: '' }), 'thing1'],
        [LOGIN_TEMPLATE, { ...loginData(), extra5: 'x' }, 'extra5'],
        [BIND_TEMPLATE, { ...bind, name1: '欧阳娜娜娜娜娜娜娜娜娜' }, 'name1'],
        [BIND_TEMPLATE, { ...bind, name1: 'A'.repeat(21) }, 'name1'],
        [BIND_TEMPLATE, { ...bind, phone_number2: '1'.repeat(18) }, 'phone_number2'],
        [BIND_TEMPLATE, { ...bind, date3: '01/03/2025' }, 'date3'],
      ];
      for (const [template, data, field] of cases) {
        const answer = await send(template, data);
        assert.equal(answer.errcode, 47003, `${field} ${JSON.stringify(data)}`);
        assert.match(String(answer.errmsg), new RegExp(`data\\.${field}\\.value`));
      }
      const { phrase4: _, ...missing } = loginData();
      assert.equal((await send(LOGIN_TEMPLATE, missing)).errcode, 47003);
      assert.deepEqual(await sandbox.credits('quinn'), { [LOGIN_TEMPLATE]: 1, [BIND_TEMPLATE]: 1 });
      assert.equal((await send(BIND_TEMPLATE, { ...bind, name1: 'A'.repeat(20) })).errcode, 0);
      assert.equal((await send(LOGIN_TEMPLATE, loginData({ thing1: 'x'.repeat(20), phrase4: '已登录' }))).errcode, 0);
    });

    it('should accept any page without a leading slash when no page list is given', async () => {
      const open = await startSandbox({ pages: undefined });
      try {
        const token = (await open.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
        await open.subscribe('rita', { [LOGIN_TEMPLATE]: 'accept' });
        const body = (page: string) => ({ touser: '', template_id: LOGIN_TEMPLATE, page, data: wrapped(loginData()) });
        const touser = await open.openid('rita');
        const send = (page: string) =>
          open.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, { ...body(page), touser });
        assert.equal((await send('/pages/any/index')).errcode, 41030);
        assert.equal((await send('pages/any/index?x=1')).errcode, 0);
      } finally {
        await open.close();
      }
    });

    it('should answer 45009 past the daily send quota', async () => {
      const small = await startSandbox({ sendQuotaPerDay: 1 });
      try {
        const token = (await small.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
        await small.subscribe('sam', { [LOGIN_TEMPLATE]: 'accept' });
        await small.subscribe('sam', { [LOGIN_TEMPLATE]: 'accept' });
        const body = { touser: await small.openid('sam'), template_id: LOGIN_TEMPLATE, data: wrapped(loginData()) };
        const url = `/cgi-bin/message/subscribe/send?access_token=${token}`;
        assert.equal((await small.wechat('POST', url, body)).errcode, 0);
        assert.equal((await small.wechat('POST', url, body)).errcode, 45009);
      } finally {
        await small.close();
      }
    });
  });

  describe("WeChat's documented rules", () => {
    it('should accept every time format WeChat does, and refuse what is not a time with 47003', async () => {
      const token = (await sandbox.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
      const touser = await sandbox.openid('tess');
      const send = async (time3: string) => {
        await sandbox.subscribe('tess', { [LOGIN_TEMPLATE]: 'accept' });
        const answer = await sandbox.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
          touser,
          template_id: LOGIN_TEMPLATE,
          data: wrapped(loginData({ time3 })),
        });
        return answer.errcode;
      };
      const accepted = [
        '15:01',
        '15:01:30',
        '2019年10月1日 15:01',
        '2025-03-01 10:00',
        '2025-03-01 10:00:59',
        '2025/3/1 9:05',
        '2025.03.01 23:59',
        '15:01~16:30',
        '2025-03-01 10:00 ~ 2025-03-01 12:00',
      ];
      for (const time of accepted) assert.equal(await send(time), 0, time);
      for (const time of ['2025-03-01', '2025-02-30 10:00', '24:00', '10:60', '2025-03-0110:00', '明天', '1~2~3'])
        assert.equal(await send(time), 47003, time);
    });

    it('should check number, letter, symbol, amount, car_number and enum values with their limits', async () => {
      const KINDS = 'tpl-kinds';
      const kinds = await startSandbox({
        templates: {
          [KINDS]: {
            fields: {
              number1: 'number',
              letter2: 'letter',
              symbol3: 'symbol',
              amount4: 'amount',
              car_number5: 'car_number',
              enum6: 'enum',
            },
            enums: { enum6: ['待登录', '已登录'] },
          },
        },
      });
      try {
        const token = (await kinds.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
        const touser = await kinds.openid('ulla');
        const good = {
          number1: '339208499.5',
          letter2: 'ABCdef',
          symbol3: '#*-',
          amount4: '¥1280.50元',
          car_number5: '粤A8Z888挂',
          enum6: '待登录',
        };
        const send = async (data: Record<string, string>) => {
          await kinds.subscribe('ulla', { [KINDS]: 'accept' });
          return kinds.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
            touser,
            template_id: KINDS,
            data: wrapped(data),
          });
        };
        assert.equal((await send(good)).errcode, 0);
        assert.equal((await send({ ...good, amount4: '100元', car_number5: '京AB1234' })).errcode, 0);
        const bad: Array<[keyof typeof good, string]> = [
          ['number1', '12a'],
          ['number1', '1'.repeat(33)],
          ['letter2', 'abc1'],
          ['letter2', 'a'.repeat(33)],
          ['symbol3', '#a'],
          ['symbol3', '!@#$%^'],
          ['amount4', '¥12345678901'],
          ['amount4', '一百元'],
          ['car_number5', '粤A8Z888挂1'],
          ['car_number5', '粤A-8Z88'],
          ['enum6', '已取消'],
        ];
        for (const [field, value] of bad) {
          const answer = await send({ ...good, [field]: value });
          assert.equal(answer.errcode, 47003, `${field} ${value}`);
          assert.match(String(answer.errmsg), new RegExp(`data\\.${field}\\.value`));
        }
      } finally {
        await kinds.close();
      }
    });

    it("should refuse a page that is not in the app's page list with 41030, the list read from app.config", async () => {
      const pages = [...APP_PAGES];
      assert.ok(pages.includes('pages/index/index'));
      assert.ok(pages.includes(loginRequestPagePath('x').split('?')[0]), 'the 登录通知 page is a page of the app');
      assert.ok(pages.includes(loginLinkPagePath('x').split('?')[0]));
      const app = await startSandbox({ pages });
      try {
        const token = (await app.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
        const touser = await app.openid('vic');
        const send = async (page: string) => {
          await app.subscribe('vic', { [LOGIN_TEMPLATE]: 'accept' });
          const answer = await app.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, {
            touser,
            template_id: LOGIN_TEMPLATE,
            page,
            data: wrapped(loginData()),
          });
          return answer.errcode;
        };
        assert.equal(await send(loginRequestPagePath('r-1')), 0);
        assert.equal(await send('pages/index/index'), 0);
        assert.equal(await send('packages/notify/pages/nowhere/index?id=1'), 41030);
        assert.equal(await send('/pages/index/index'), 41030);
      } finally {
        await app.close();
      }
    });

    it('should answer 45011 past 100 code2Session calls of one user in a minute, other users unaffected', async () => {
      const codes = await Promise.all(Array.from({ length: 101 }, () => sandbox.code('xena')));
      for (const code of codes.slice(0, 100)) assert.ok((await sandbox.wechat('GET', login + code)).openid);
      const limited = await sandbox.wechat('GET', login + codes[100]);
      assert.equal(limited.errcode, 45011);
      assert.match(String(limited.errmsg), /^api minute-quota reach limit/);
      assert.ok((await sandbox.wechat('GET', login + (await sandbox.code('yuri')))).openid);
      // The refused call did not use the code: next minute it works.
      sandbox.clock.t += MINUTE;
      assert.ok((await sandbox.wechat('GET', login + codes[100])).openid);
    });

    it('should say "code blocked" for 40226', async () => {
      await sandbox.control('POST', '/faults', { api: 'jscode2session', errcode: 40226 });
      const answer = await sandbox.wechat('GET', login + (await sandbox.code('zoe')));
      assert.equal(answer.errcode, 40226);
      assert.match(String(answer.errmsg), /^code blocked rid: /);
    });

    it("should answer paths WeChat does not have, and wrong methods, in WeChat's shape", async () => {
      for (const [method, path, errcode] of [
        ['GET', '/cgi-bin/nothing-here', 40066],
        ['POST', '/wxa/unknown?access_token=x', 40066],
        ['GET', '/cgi-bin/message/subscribe/send', 43002],
        ['POST', '/sns/jscode2session', 43001],
      ] as const) {
        const res = await fetch(sandbox.base + path, { method });
        assert.equal(res.status, 200, path);
        const answer = (await res.json()) as Record<string, unknown>;
        assert.deepEqual(Object.keys(answer).sort(), ['errcode', 'errmsg'], path);
        assert.equal(answer.errcode, errcode, path);
      }
    });
  });

  describe('control', () => {
    it('should answer 400 with a clear message for bad bodies', async () => {
      const noUser = await sandbox.control<{ error: { code: string; message: string } }>('POST', '/code', {});
      assert.equal(noUser.status, 400);
      assert.equal(noUser.json.error.code, 'bad_request');
      assert.match(noUser.json.error.message, /^user: /);

      const badResult = await sandbox.control<{ error: { message: string } }>('POST', '/subscriptions', {
        user: 'alice',
        results: { [LOGIN_TEMPLATE]: 'maybe' },
      });
      assert.equal(badResult.status, 400);
      assert.match(badResult.json.error.message, new RegExp(`results\\.${LOGIN_TEMPLATE}`));

      const badJson = await sandbox.control<{ error: { code: string } }>('POST', '/code', '{"user":');
      assert.equal(badJson.status, 400);
      assert.equal(badJson.json.error.code, 'bad_request');

      assert.equal((await sandbox.control('GET', '/subscriptions')).status, 400);
      assert.equal((await sandbox.control('POST', '/faults', { api: 'send' })).status, 400);
      assert.equal((await sandbox.control('POST', '/faults', { api: 'login', errcode: -1 })).status, 400);
    });

    it('should answer like wx.requestSubscribeMessage for too many or unknown templates', async () => {
      assert.deepEqual(await sandbox.subscribe('tom', { a: 'accept', b: 'accept', c: 'accept', d: 'accept' }), {
        errMsg: 'requestSubscribeMessage:fail tmplIds more than 3',
        errCode: 20003,
      });
      const unknown = await sandbox.subscribe('tom', { [LOGIN_TEMPLATE]: 'accept', 'tpl-nope': 'accept' });
      assert.equal(unknown.errCode, 20001);
      assert.equal((await sandbox.subscribe('tom', {})).errCode, 10001);
      assert.deepEqual(await sandbox.credits('tom'), { [LOGIN_TEMPLATE]: 0, [BIND_TEMPLATE]: 0 });
    });

    it('should list messages of every user newest first, or of one', async () => {
      const fresh = await startSandbox();
      try {
        const token = (await fresh.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
        const order: Array<[string, string]> = [
          ['wendy', '待登录'],
          ['xavier', '待认证'],
          ['wendy', '已登录'],
        ];
        for (const [user, phrase4] of order) {
          await fresh.subscribe(user, { [LOGIN_TEMPLATE]: 'accept' });
          const touser = await fresh.openid(user);
          const body = { touser, template_id: LOGIN_TEMPLATE, data: wrapped(loginData({ phrase4 })) };
          assert.equal(
            (await fresh.wechat('POST', `/cgi-bin/message/subscribe/send?access_token=${token}`, body)).errcode,
            0,
          );
          fresh.clock.t += 1000;
        }
        type Message = { data: { phrase4: { value: string } }; sentAt: string };
        const phrases = async (query: string) =>
          (await fresh.control<Message[]>('GET', `/messages${query}`)).json.map((m) => m.data.phrase4.value);
        assert.deepEqual(await phrases(''), ['已登录', '待认证', '待登录']);
        assert.deepEqual(await phrases('?user=wendy'), ['已登录', '待登录']);
        assert.deepEqual(await phrases('?user=nobody'), []);
        const [newest] = (await fresh.control<Message[]>('GET', '/messages?user=wendy')).json;
        assert.equal(newest.sentAt, new Date(START + 2000).toISOString());
      } finally {
        await fresh.close();
      }
    });

    it('should keep a fault until cleared when once is false, and list faults', async () => {
      const fault = { api: 'jscode2session', errcode: 45011, once: false };
      assert.equal((await sandbox.control('POST', '/faults', fault)).status, 201);
      assert.deepEqual((await sandbox.control('GET', '/faults')).json, [fault]);
      for (let i = 0; i < 3; i++)
        assert.equal((await sandbox.wechat('GET', login + (await sandbox.code('uma')))).errcode, 45011);
      assert.equal((await sandbox.control('DELETE', '/faults')).status, 204);
      assert.ok((await sandbox.wechat('GET', login + (await sandbox.code('uma')))).openid);
    });

    it('should apply a custom errmsg', async () => {
      await sandbox.control('POST', '/faults', {
        api: 'send',
        errcode: 45009,
        errmsg: 'reach max api daily quota limit',
      });
      const answer = await sandbox.wechat('POST', '/cgi-bin/message/subscribe/send?access_token=x', {});
      assert.equal(answer.errcode, 45009);
      assert.match(String(answer.errmsg), /^reach max api daily quota limit rid: /);
    });
  });

  describe('dataFile', () => {
    it('should keep users, credits, tokens and messages across a restart, written atomically', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wechat-sandbox-'));
      const dataFile = join(dir, 'nested', 'wechat.json');
      try {
        const first = await startSandbox({ dataFile });
        const code = await first.code('vera');
        const { openid } = await first.wechat('GET', login + code);
        const token = (await first.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token;
        await first.subscribe('vera', { [LOGIN_TEMPLATE]: 'accept' });
        await first.subscribe('vera', { [LOGIN_TEMPLATE]: 'accept' });
        const url = `/cgi-bin/message/subscribe/send?access_token=${token}`;
        const body = { touser: openid, template_id: LOGIN_TEMPLATE, data: wrapped(loginData()) };
        assert.equal((await first.wechat('POST', url, body)).errcode, 0);
        await first.close();

        const second = await startSandbox({ dataFile });
        try {
          assert.deepEqual(
            (await second.control<Array<{ user: string }>>('GET', '/users')).json.map((u) => u.user),
            ['vera'],
          );
          assert.equal((await second.wechat('GET', login + code)).errcode, 40163);
          assert.deepEqual(await second.credits('vera'), { [LOGIN_TEMPLATE]: 1, [BIND_TEMPLATE]: 0 });
          assert.equal((await second.wechat('POST', '/cgi-bin/stable_token', tokenBody())).access_token, token);
          assert.equal((await second.wechat('POST', url, body)).errcode, 0);
          assert.equal((await second.control<unknown[]>('GET', '/messages?user=vera')).json.length, 2);
        } finally {
          await second.close();
        }
        assert.deepEqual(await readdir(join(dir, 'nested')), ['wechat.json']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('should have every one of many sign-ins at once on disk when each is answered', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'wechat-sandbox-'));
      const dataFile = join(dir, 'wechat.json');
      const users = Array.from({ length: 60 }, (_, i) => `user${i}`);
      try {
        const first = await startSandbox({ dataFile });
        const codes = await Promise.all(users.map((u) => first.code(u)));
        const answers = await Promise.all(codes.map((c) => first.wechat('GET', login + c)));
        assert.ok(answers.every((a) => typeof a.openid === 'string'));
        // Stopped without a last save: only what the answered calls waited for is in the file.
        await first.close();
        const second = await startSandbox({ dataFile });
        try {
          const known = (await second.control<Array<{ user: string }>>('GET', '/users')).json.map((u) => u.user);
          assert.deepEqual([...known].sort(), [...users].sort());
          const again = await Promise.all(codes.map((c) => second.wechat('GET', login + c)));
          assert.ok(
            again.every((a) => a.errcode === 40163),
            'every code is on disk as used',
          );
        } finally {
          await second.close();
        }
        assert.deepEqual(await readdir(dir), ['wechat.json']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
