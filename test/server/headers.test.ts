/**
 * Security headers (http/headers.ts): CSP with frame-ancestors 'none' and the build's inline
 * script by hash, nosniff, X-Frame-Options, Referrer-Policy on every answer; HSTS only when
 * PUBLIC_URL is https; the sandboxes' own pages left as they are.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/server';

describe('#headers', () => {
  const servers: TestServer[] = [];
  after(async () => {
    for (const s of servers) await s.close();
  });

  it('should send CSP, nosniff, frame and referrer headers, the build’s inline script allowed by its hash', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h5-'));
    const boot = 'window.__boot = 1;';
    fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><script>${boot}</script><div id="app"></div>`);
    const server = await startTestServer({ staticDir: dir });
    servers.push(server);
    for (const p of ['/', '/api/v1/me/tenants', '/ops/v1/tenants/x/webhook', '/no/such/page']) {
      const res = await fetch(server.url + p);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, p);
      assert.match(csp, /frame-ancestors 'none'/, p);
      assert.match(csp, /object-src 'none'/, p);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
      assert.equal(res.headers.get('x-frame-options'), 'DENY', p);
      assert.equal(res.headers.get('referrer-policy'), 'no-referrer', p);
      assert.equal(res.headers.get('strict-transport-security'), null, `${p}: no HSTS over http`);
      if (p === '/') {
        const hash = crypto.createHash('sha256').update(boot).digest('base64');
        assert.ok(csp.includes(`'sha256-${hash}'`), csp);
        assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
      }
    }
    // The e-tax sandbox's phone page stands in for a phone: its inline script is not ours to police.
    const phone = await fetch(`${server.url}/sandbox/etax/control/`);
    assert.match(
      phone.headers.get('content-security-policy') ?? '',
      /script-src 'unsafe-inline'/,
      'its own policy stays',
    );
  });

  it('should send HSTS when PUBLIC_URL is https', async () => {
    const server = await startTestServer({ env: { PUBLIC_URL: 'https://fapiao.example.com' } });
    servers.push(server);
    const res = await fetch(`${server.url}/healthz`);
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=15552000; includeSubDomains/);
  });
});
