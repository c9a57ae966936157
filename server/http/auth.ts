/**
 * Who is calling: app users by our session token, operators by OPS_TOKEN. Both read
 * `Authorization: Bearer …`; nothing else identifies a caller.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db';
import { authenticate } from '../domain/sessions';
import { safeEqual } from '../crypto/secrets';
import { AppError, errors } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on app API routes once the bearer token is checked. */
    user: { userId: string; sessionId: string };
  }
}

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice(7).trim() || null;
}

/** onRequest hook of the app API: 401 unless the token is live. */
export function requireUser(db: Db) {
  return async (request: FastifyRequest) => {
    const token = bearer(request);
    const found = token ? await authenticate(db, token) : null;
    if (!found) throw errors.unauthorized();
    request.user = found;
  };
}

/** onRequest hook of the operator API. */
export function requireOperator(opsToken: string) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearer(request);
    if (!token || !safeEqual(token, opsToken)) {
      throw new AppError(401, 'unauthorized', '缺少或错误的运营令牌（Authorization: Bearer <OPS_TOKEN>）');
    }
  };
}
