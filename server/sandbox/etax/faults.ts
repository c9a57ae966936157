/**
 * Rule 10: the bureau misbehaving on demand. Set and cleared through the control API; applied by
 * an onRequest hook of the bureau API only (the control API and the phone page keep working).
 *  - slow: every answer is delayed by `ms` (the adapter's timeout turns it into `unavailable`);
 *  - down: the connection is cut without an answer (`reset`, what a refused connection looks like
 *    to a client) or a gateway's 503 page (`503`);
 *  - error: a garbled answer — JSON cut off in the middle.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EtaxStore } from './store';

export const GARBLED_BODY = '{"code":"0000","message":"成功","data":{"flowId":"';
const GATEWAY_503 =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>503 Service Temporarily Unavailable</h1></body></html>';

export function faultHook(store: EtaxStore) {
  return async function applyFault(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const fault = store.fault;
    if (!fault) return;
    switch (fault.mode) {
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, fault.ms));
        return;
      case 'down':
        if (fault.variant === '503') return reply.code(503).type('text/html; charset=utf-8').send(GATEWAY_503);
        reply.hijack();
        request.raw.socket.destroy();
        return reply;
      case 'error':
        return reply.code(200).type('application/json; charset=utf-8').send(GARBLED_BODY);
    }
  };
}
