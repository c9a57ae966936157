/**
 * Test data with valid identifiers, unique per call so suites can share one PostgreSQL database.
 */
import crypto from 'node:crypto';
import { residentIdCheckChar, unifiedSocialCreditCheckChar } from '../../types/validators';

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid 18-character 统一社会信用代码, random. */
export function makeTaxId(): string {
  let body = '91650100';
  for (let i = 0; i < 9; i++) body += USCC_BODY[crypto.randomInt(USCC_BODY.length)];
  return body + unifiedSocialCreditCheckChar(body);
}

/** A valid resident ID number born in the 1980s, random. */
export function makeIdNumber(): string {
  const year = 1980 + crypto.randomInt(10);
  const month = String(1 + crypto.randomInt(12)).padStart(2, '0');
  const day = String(1 + crypto.randomInt(28)).padStart(2, '0');
  const first17 = `650102${year}${month}${day}${String(crypto.randomInt(1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** A valid mobile number, random. */
export function makePhone(): string {
  return `13${crypto.randomInt(100000000, 999999999)}`;
}
