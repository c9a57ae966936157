/**
 * Logger options: secrets never reach a log line. Request URLs are logged without the values of
 * secret-bearing query parameters (WeChat puts appsecret, js_code and access_token in the URL),
 * and known secret fields are redacted wherever they appear in a logged object.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import { SERVICE } from '../version';

const SECRET_QUERY_KEYS = ['secret', 'js_code', 'access_token', 'code', 'token', 'password', 'ticket'];

/** Path segments that are secrets themselves: a browser link's token (/api/v1/link/<token>/…, F18). */
const SECRET_PATH = /^(\/api\/v1\/link\/)[^/?#]+/;

export function sanitizeUrl(raw: string): string {
  const url = raw.replace(SECRET_PATH, '$1***');
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of [...params.keys()]) if (SECRET_QUERY_KEYS.includes(key)) params.set(key, '***');
  return `${url.slice(0, q)}?${params.toString()}`;
}

/** A caller's own request id, kept when it is a plain token (it goes into every log line of the request). */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Request ids: the caller's `x-request-id` (a proxy's or an integrator's) when it is a plain token,
 * else a new UUID — unique across instances, unlike Fastify's per-process counter.
 */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && CALLER_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    // Every line says which service and version wrote it (several instances, rolling deploys).
    base: { service: SERVICE.name, version: SERVICE.version, pid: process.pid },
    redact: {
      paths: [
        'req.headers.authorization',
        'password',
        '*.password',
        'newPassword',
        '*.newPassword',
        'session_key',
        '*.session_key',
        'sessionKey',
        '*.sessionKey',
        'smsCode',
        '*.smsCode',
        'token',
        '*.token',
      ],
      censor: '***',
    },
    serializers: {
      req(req) {
        return { method: req.method, url: sanitizeUrl(req.url), remoteAddress: req.ip };
      },
    },
  };
}
