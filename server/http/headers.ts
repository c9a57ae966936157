/**
 * Security headers (@fastify/helmet) on everything the server answers, the sandboxes' own pages
 * apart (they stand in for outside services and carry their own inline script):
 *  - a Content-Security-Policy the H5 build works under: scripts from our origin only, plus the
 *    build's inline boot script by its hash (read from index.html at start); styles may be inline
 *    (Taro's H5 runtime writes style attributes); images also as data: (QR codes);
 *    frame-ancestors 'none', no plugins, no foreign form targets;
 *  - X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer;
 *  - HSTS only when PUBLIC_URL is https (a plain-http deployment must not pin itself).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/** CSP hashes of the inline scripts of the build's index.html. */
export function inlineScriptHashes(staticDir: string | undefined): string[] {
  const file = staticDir && path.join(staticDir, 'index.html');
  if (!file || !fs.existsSync(file)) return [];
  const html = fs.readFileSync(file, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
}

export async function securityHeaders(app: FastifyInstance, opts: { publicUrl: string; staticDir?: string }) {
  await app.register(helmet, {
    global: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...inlineScriptHashes(opts.staticDir)],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: opts.publicUrl.startsWith('https:')
      ? { maxAge: 180 * 24 * 3600, includeSubDomains: true }
      : false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/sandbox/')) await reply.helmet();
  });
}
