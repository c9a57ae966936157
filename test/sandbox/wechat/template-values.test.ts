import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatDate,
  formatTime,
  truncate,
  truncateCharacterString,
  truncateName,
  truncatePhoneNumber,
  truncatePhrase,
  truncateThing,
} from '../../../server/adapters/wechat';
import { checkValue } from '../../../server/sandbox/wechat/template-rules';

describe('#wechat.templateValues', () => {
  it('should keep a thing within 20 characters, the ellipsis inside the limit', () => {
    const long = '福建省华盟信息科技股份有限公司第一分公司';
    assert.equal(Array.from(long).length, 20);
    assert.equal(truncateThing(long), long);
    const longer = `${long}（筹）`;
    assert.equal(truncateThing(longer), '福建省华盟信息科技股份有限公司第一分公…');
    assert.equal(Array.from(truncateThing(longer)).length, 20);
    assert.equal(checkValue('thing', truncateThing(longer)), null);
  });

  it('should count characters, not UTF-16 units', () => {
    const emoji = '😀'.repeat(25);
    assert.equal(Array.from(truncate(emoji, 20)).length, 20);
    assert.ok(truncate(emoji, 20).endsWith('😀…'));
  });

  it('should trim, and leave short values alone', () => {
    assert.equal(truncateThing('  开票业务  '), '开票业务');
    assert.equal(truncateName('张三'), '张三');
  });

  it('should cut the other kinds to what the sandbox accepts', () => {
    const cases: Array<[Parameters<typeof checkValue>[0], string]> = [
      ['character_string', truncateCharacterString('REQ-'.repeat(12))],
      ['phrase', truncatePhrase('等待您的登录')],
      ['name', truncateName('欧阳娜娜娜娜娜娜娜娜娜娜')],
      ['name', truncateName('Alexander Christopher Smith')],
      ['phone_number', truncatePhoneNumber('+86 151-1234-1832 ext. 1234')],
      ['phone_number', truncatePhoneNumber('151****1832')],
    ];
    for (const [kind, value] of cases) assert.equal(checkValue(kind, value), null, `${kind} ${value}`);
    assert.equal(truncateName('Alexander Christopher Smith'), 'Alexander Christophe');
    assert.equal(truncatePhoneNumber('151****1832'), '151****1832');
  });

  it('should format times and dates in Beijing time', () => {
    const instant = Date.parse('2025-03-01T17:05:09Z');
    assert.equal(formatTime(instant), '2025-03-02 01:05');
    assert.equal(formatTime(new Date(instant)), '2025-03-02 01:05');
    assert.equal(formatDate(instant), '2025-03-02');
    assert.equal(checkValue('time', formatTime(instant)), null);
    assert.equal(checkValue('date', formatDate(instant)), null);
  });
});
