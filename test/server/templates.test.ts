/**
 * Real WeChat templates: an account's 登录通知, picked from WeChat's library, numbers its fields its
 * own way. At boot the server reads the account's templates (gettemplate) and finds each field by
 * its keyword name or an explicit setting; a field it cannot find stops the start, named.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnMain, suiteServer, type TestServer } from '../support/server';
import { ask, boundAccount, messagesOf } from '../support/requests';
import { LOGIN_REQUEST_PAGE } from '../../types/requests';

const LIBRARY_ID = 'library-login-notice-7Jk2';

/** The library's 登录通知 as an account gets it: other keys, other order, one keyword spelt its own way. */
const libraryLoginNotice = {
  id: LIBRARY_ID,
  title: '登录通知',
  fields: {
    time1: 'time',
    thing2: 'thing',
    character_string6: 'character_string',
    phrase9: 'phrase',
    thing11: 'thing',
  },
  keywords: { time1: '请求时间', thing2: '企业名称', character_string6: '税号', phrase9: '事项', thing11: '温馨提示' },
};

async function setTemplate(server: TestServer, template: object) {
  const res = await server.call('POST', '/sandbox/wechat/control/templates', { body: template });
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

describe('#templates', () => {
  const server = suiteServer({
    env: { WECHAT_LOGIN_TEMPLATE_ID: LIBRARY_ID, WECHAT_LOGIN_TEMPLATE_KEYS: '提示=thing11' },
  });

  it('should send a real 登录通知 through a template numbered its own way', async () => {
    await setTemplate(server, libraryLoginNotice);
    const keys = await server.checkTemplates();
    assert.deepEqual(keys.get(LIBRARY_ID), {
      thing1: 'thing2',
      character_string2: 'character_string6',
      phrase3: 'phrase9',
      time4: 'time1',
      thing5: 'thing11',
    });

    const a = await boundAccount(server, { credits: 1 });
    const asked = await ask(server, { taxId: a.world.taxId, channel: 'receive', account: a.person.phone });
    assert.equal(asked.status, 202, JSON.stringify(asked.body));
    const [message, ...more] = await messagesOf(server, a.alice.user);
    assert.equal(more.length, 0);
    assert.equal(message.template_id, LIBRARY_ID);
    assert.equal(message.page, `${LOGIN_REQUEST_PAGE}?id=${asked.body.requestId}`);
    assert.deepEqual(Object.keys(message.data).sort(), ['character_string6', 'phrase9', 'thing11', 'thing2', 'time1']);
    assert.equal(message.data.character_string6.value, a.world.taxId);
    assert.equal(message.data.phrase9.value, '收票登录');
    assert.match(message.data.time1.value, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    assert.match(message.data.thing11.value, /请点击完成登录$/);
  });

  it('should name every field the account’s template lacks, and a field of another kind', async () => {
    await setTemplate(server, {
      id: LIBRARY_ID,
      title: '登录通知',
      fields: { thing2: 'thing', number6: 'number', time1: 'time', thing11: 'thing', thing12: 'thing' },
      keywords: { thing2: '企业名称', number6: '税号', time1: '请求时间', thing11: '温馨提示', thing12: '备注' },
    });
    await assert.rejects(server.checkTemplates(), (e: Error) => {
      assert.match(e.message, new RegExp(`登录通知模板 ${LIBRARY_ID}: no field 事项`));
      assert.match(e.message, /field 税号 is number6, a number; ours is written as character_string/);
      assert.match(e.message, /its field 备注 \(thing12\) would stay empty/);
      return true;
    });
    await setTemplate(server, libraryLoginNotice);
  });

  it('should stop the start, naming the field, when a template lacks one', async () => {
    // The sandbox account's 登录通知 is ours; the setting points 税号 at a key it does not have.
    const main = await spawnMain({ WECHAT_LOGIN_TEMPLATE_KEYS: '税号=character_string9' });
    const code = await main.exited;
    const output = main.lines.join('\n');
    assert.equal(code, 1, output);
    assert.match(
      output,
      /登录通知模板 sandbox-login-notice: no field 税号 \(character_string9 is not in the template\)/,
    );
    assert.doesNotMatch(output, /is running at/, 'it never announced itself as running');
  });
});
