/**
 * The edge's own refusals, all in the `{ error: { code, message } }` shape with Chinese words:
 *  - odd bytes: a NUL character (PostgreSQL text cannot hold it) or a lone UTF-16 surrogate (not
 *    encodable as UTF-8) anywhere in the path parameters, query or body — keys included — is a 400
 *    before any route sees it, for every route;
 *  - Fastify's own 4xx (bad JSON, body too large, unsupported media type, URI too long) and the
 *    HTTP parser's (header fields too large) with our codes and messages.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Socket } from 'node:net';
import { AppError } from './errors';
import { ErrorCodes } from '../../types/api';

export const EdgeErrorCodes = {
  invalidCharacters: 'invalid_characters',
  badRequest: 'bad_request',
  invalidJson: 'invalid_json',
  payloadTooLarge: 'payload_too_large',
  uriTooLong: 'uri_too_long',
  unsupportedMediaType: 'unsupported_media_type',
  headersTooLarge: 'headers_too_large',
} as const;

/** A NUL, or a surrogate half without its pair. */
// eslint-disable-next-line no-control-regex -- the NUL is exactly what is refused
const ODD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether any string (or key) in the value holds odd characters. */
export function hasOddCharacters(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return ODD.test(value);
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasOddCharacters(v, depth + 1));
  return Object.entries(value).some(([k, v]) => ODD.test(k) || hasOddCharacters(v, depth + 1));
}

export function refuseOddCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (hasOddCharacters(request.params) || hasOddCharacters(request.query) || hasOddCharacters(request.body)) {
      throw new AppError(400, EdgeErrorCodes.invalidCharacters, '输入内容包含无法识别的字符，请删除后重新输入');
    }
  });
}

/** Fastify's own 4xx as our code and Chinese message. */
export function fastifyClientError(error: FastifyError, status: number): { code: string; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: EdgeErrorCodes.invalidJson, message: '请求格式不正确' };
  }
  if (error instanceof SyntaxError) return { code: EdgeErrorCodes.invalidJson, message: '请求格式不正确' };
  switch (status) {
    case 404:
      return { code: ErrorCodes.notFound, message: '请求的地址不存在' };
    case 413:
      return { code: EdgeErrorCodes.payloadTooLarge, message: '提交的内容过大' };
    case 414:
      return { code: EdgeErrorCodes.uriTooLong, message: '请求的地址过长' };
    case 415:
      return { code: EdgeErrorCodes.unsupportedMediaType, message: '不支持的内容类型，请以 application/json 提交' };
    case 431:
      return { code: EdgeErrorCodes.headersTooLarge, message: '请求头过大' };
    default:
      return { code: EdgeErrorCodes.badRequest, message: '请求格式不正确' };
  }
}

/** Errors of Fastify's router (a malformed URL, a path parameter past maxParamLength): 400 / 414. */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  void reply.code(status).send({ error: fastifyClientError(error, status) });
}

/**
 * Errors of the HTTP parser, before Fastify has a request (header fields too large, a malformed
 * request line): answered in our shape, then the connection is closed.
 */
export const clientErrorHandler: NonNullable<FastifyServerOptions['clientErrorHandler']> = (
  err: Error & { code?: string },
  socket: Socket,
) => {
  if (!socket.writable) return socket.destroy();
  const [status, reason, { code, message }] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', fastifyClientError(err as FastifyError, 431)]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', { code: 'request_timeout', message: '请求超时，请重试' }]
        : [400, 'Bad Request', fastifyClientError(err as FastifyError, 400)];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
};
