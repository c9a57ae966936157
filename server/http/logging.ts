/**
 * Logger options: secrets never reach a log line. Request URLs are logged without the values of
 * secret-bearing query parameters (WeChat puts appsecret, js_code and access_token in the URL),
 * and known secret fields are redacted wherever they appear in a logged object.
 */
import type { FastifyServerOptions } from 'fastify';

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

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
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
