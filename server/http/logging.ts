/**
 * Logger options: secrets never reach a log line. Request URLs are logged without the values of
 * secret-bearing query parameters (WeChat puts appsecret, js_code and access_token in the URL),
 * known secret fields are redacted wherever they appear in a logged object, and errors are logged
 * without the parameters of a failed query (safeError).
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

/**
 * Drizzle writes a failed query's parameters (hashes, codes, names) into its message; PostgreSQL
 * quotes a value it could not read at the end of its own ("invalid input syntax for type uuid: …").
 */
const withoutParams = (message: string) =>
  message.replace(/\nparams: [\s\S]*$/, '\nparams: ***').replace(/(: )"[\s\S]*"$/, '$1"***"');

type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

/**
 * An error as logged: its kind, code, message and stack frames, and the same of its cause —
 * never a failed query's parameters, nor the database's `detail` (which quotes the values).
 */
export function safeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) {
    return { type: typeof err, message: typeof err === 'string' ? withoutParams(err) : '', stack: '' };
  }
  const { code } = err as { code?: unknown };
  return {
    type: err.name,
    message: withoutParams(err.message),
    ...(typeof code === 'string' ? { code } : {}),
    stack: (err.stack ?? '')
      .split('\n')
      .filter((line) => line.startsWith('    at '))
      .join('\n'),
    ...(err.cause !== undefined && depth < 3 ? { cause: safeError(err.cause, depth + 1) } : {}),
  };
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
      err: (err: unknown) => safeError(err),
      req(req) {
        return { method: req.method, url: sanitizeUrl(req.url), remoteAddress: req.ip };
      },
    },
  };
}
