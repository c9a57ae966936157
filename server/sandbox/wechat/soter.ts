/**
 * WeChat SOTER (biometric authentication) in the sandbox. On a phone, startSoterAuthentication
 * returns `resultJSON` (the challenge the app passed as `raw`, plus device fields) signed by a key
 * kept in the phone's secure hardware; the server asks WeChat
 * `POST /cgi-bin/soter/verify_signature?access_token=` `{openid, json_string, json_signature}` →
 * `{errcode: 0, is_ok}`. Here one RSA test key pair stands for every device: the control API
 * publishes it (`GET /control/soter/key`) and signs for a simulated user
 * (`POST /control/soter/sign`, what the browser build's simulated prompt calls), and
 * verify_signature checks RSASSA-PSS / SHA-256 with its public half — as WeChat does with the
 * device's key.
 */
import { constants, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { wxError, type WxAnswer } from './world';

export interface SoterKeys {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 20 };

/** Generated on first use: an RSA key pair costs every start a few hundred ms of CPU otherwise (issue 9). */
export function createSoterKeys(): SoterKeys {
  let pair: SoterKeys | undefined;
  const keys = () => (pair ??= generateKeyPairSync('rsa', { modulusLength: 2048 }));
  return {
    get publicKey() {
      return keys().publicKey;
    },
    get privateKey() {
      return keys().privateKey;
    },
  };
}

/** The PEMs the control API publishes (test material: a sandbox key, never a real one). */
export function publishedKeys(keys: SoterKeys) {
  return {
    publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    algorithm: 'RSASSA-PSS, SHA-256, salt length 20',
  };
}

/** What startSoterAuthentication answers on a phone after the finger or face matched. */
export function signOnDevice(keys: SoterKeys, challenge: string, authMode: 'fingerPrint' | 'facial') {
  const resultJSON = JSON.stringify({
    raw: challenge,
    fid: authMode === 'facial' ? '2' : '1',
    counter: Date.now(),
    tee_n: 'sandbox-tee',
    tee_v: '1.0',
    fp_n: 'sandbox',
    fp_v: '1.0',
    cpu_id: 'sandbox-cpu',
    uid: '0',
  });
  const resultJSONSignature = sign('sha256', Buffer.from(resultJSON), { key: keys.privateKey, ...PSS }).toString(
    'base64',
  );
  return { errCode: 0, authMode, resultJSON, resultJSONSignature };
}

/** verify_signature's checks after the access token: the fields, the user, the signature. */
export function verifySignature(
  keys: SoterKeys,
  knownOpenid: (openid: string) => boolean,
  body: Record<string, unknown>,
): WxAnswer {
  const { openid, json_string: json, json_signature: signature } = body;
  if (typeof openid !== 'string' || typeof json !== 'string' || typeof signature !== 'string') {
    return wxError(47001);
  }
  if (!knownOpenid(openid)) return wxError(40003);
  let ok = false;
  try {
    ok = verify('sha256', Buffer.from(json), { key: keys.publicKey, ...PSS }, Buffer.from(signature, 'base64'));
  } catch {
    ok = false;
  }
  return { errcode: 0, errmsg: 'ok', is_ok: ok };
}
