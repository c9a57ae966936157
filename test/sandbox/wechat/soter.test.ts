/**
 * SOTER in the WeChat sandbox: verify_signature checks a biometric result against the published
 * test key as WeChat checks it against the device's key; a result signed by another key, or
 * altered after signing, is not ok; WeChat's usual errcodes for a bad token, user or body.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, sign, verify, createPublicKey } from 'node:crypto';
import { APPID, SECRET, clientFor, startSandbox, type Sandbox } from './harness';

describe('#wechat-sandbox.soter', () => {
  let sandbox: Sandbox;
  let token: string;
  before(async () => {
    sandbox = await startSandbox();
    const answer = await sandbox.wechat('POST', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: APPID,
      secret: SECRET,
    });
    token = String(answer.access_token);
    // sofia has opened the mini program: WeChat knows her openid.
    await sandbox.code('sofia');
  });
  after(() => sandbox.close());

  const verifyCall = (body: unknown, accessToken = token) =>
    sandbox.wechat('POST', `/cgi-bin/soter/verify_signature?access_token=${accessToken}`, body);

  async function deviceResult(challenge: string) {
    const res = await sandbox.control<{ resultJSON: string; resultJSONSignature: string; authMode: string }>(
      'POST',
      '/soter/sign',
      { user: 'sofia', challenge },
    );
    assert.equal(res.status, 200);
    return res.json;
  }

  it('should publish a key pair and sign like a phone: raw is the challenge', async () => {
    const key = await sandbox.control<{ publicKey: string; privateKey: string }>('GET', '/soter/key');
    assert.match(key.json.publicKey, /BEGIN PUBLIC KEY/);
    const result = await deviceResult('challenge-1');
    assert.equal(JSON.parse(result.resultJSON).raw, 'challenge-1');
    assert.equal(result.authMode, 'fingerPrint');
    const ok = verify(
      'sha256',
      Buffer.from(result.resultJSON),
      { key: createPublicKey(key.json.publicKey), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 20 },
      Buffer.from(result.resultJSONSignature, 'base64'),
    );
    assert.ok(ok, 'signed with the published key (RSASSA-PSS, SHA-256)');
  });

  it('should verify a genuine result, and refuse a forged or altered one', async () => {
    const openid = await sandbox.openid('sofia');
    const result = await deviceResult('challenge-2');
    const genuine = await verifyCall({
      openid,
      json_string: result.resultJSON,
      json_signature: result.resultJSONSignature,
    });
    assert.deepEqual(genuine, { errcode: 0, errmsg: 'ok', is_ok: true });

    const altered = result.resultJSON.replace('challenge-2', 'challenge-3');
    const tampered = await verifyCall({ openid, json_string: altered, json_signature: result.resultJSONSignature });
    assert.equal(tampered.is_ok, false);

    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = sign('sha256', Buffer.from(altered), {
      key: other,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 20,
    }).toString('base64');
    assert.equal((await verifyCall({ openid, json_string: altered, json_signature: forged })).is_ok, false);
    assert.equal((await verifyCall({ openid, json_string: altered, json_signature: 'not base64!' })).is_ok, false);
  });

  it('should answer WeChat errcodes for a bad token, an unknown user or missing fields', async () => {
    const openid = await sandbox.openid('sofia');
    const result = await deviceResult('challenge-4');
    const body = { openid, json_string: result.resultJSON, json_signature: result.resultJSONSignature };
    assert.equal((await verifyCall(body, 'nope')).errcode, 40001);
    assert.equal((await verifyCall({ ...body, openid: 'o-unknown' })).errcode, 40003);
    assert.equal((await verifyCall({ openid })).errcode, 47001);
  });

  it('should let the adapter verify through WeChat’s API (verifySoterSignature)', async () => {
    const client = clientFor(sandbox);
    const openid = await sandbox.openid('sofia');
    const result = await deviceResult('challenge-5');
    const input = { openid, jsonString: result.resultJSON, jsonSignature: result.resultJSONSignature };
    assert.equal(await client.verifySoterSignature(input), true);
    assert.equal(
      await client.verifySoterSignature({ ...input, jsonString: result.resultJSON.replace('5', '6') }),
      false,
    );
  });
});
