/**
 * Encryption of stored secrets (tax-bureau passwords, WeChat session_key) with AES-256-GCM.
 * Each ciphertext carries the id of its key ("k1:iv:tag:data", base64url parts) so keys can be
 * rotated: new writes use the current key, old ciphertexts stay readable with the old keys.
 * Also: random tokens and their hashes (session tokens, activation codes).
 */
import crypto from 'node:crypto';

export interface SecretBox {
  /** The id written with new ciphertexts. */
  keyId: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function createSecretBox(
  current: { id: string; key: Buffer },
  older: { id: string; key: Buffer }[] = [],
): SecretBox {
  if (current.key.length !== 32) throw new Error('CREDENTIAL_KEY must be 32 bytes');
  const keys = new Map([...older, current].map((k) => [k.id, k.key]));
  return {
    keyId: current.id,
    encrypt(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', current.key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [current.id, iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join(':');
    },
    decrypt(stored) {
      const [id, iv, tag, data] = stored.split(':');
      const key = keys.get(id);
      if (!key) throw new Error(`No key with id ${id} to decrypt a stored secret`);
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Parses "id:base64,id2:base64" (CREDENTIAL_OLD_KEYS). */
export function parseOldKeys(value: string | undefined): { id: string; key: Buffer }[] {
  if (!value) return [];
  return value.split(',').map((pair) => {
    const [id, b64] = pair.split(':');
    return { id, key: Buffer.from(b64, 'base64') };
  });
}

/** A random bearer token (256 bits). */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

/** Unambiguous alphabet for codes people type: no 0/O, 1/I/L. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random code of the unambiguous alphabet, uniform (rejection-free via randomInt). */
export function randomCode(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return out;
}

/** Compares two strings in constant time (for the operator token). */
export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb);
}
