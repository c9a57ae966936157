/**
 * The one error type routes and domain code throw; the error handler turns it into
 * `{ error: { code, message, retryAfterSeconds? } }` with its status. Messages are Chinese and
 * shown on screen as they are.
 */
import { ErrorCodes } from '../../types/api';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  unauthorized: () => new AppError(401, ErrorCodes.unauthorized, '登录已失效，请重新进入小程序'),
  forbidden: (message = '没有权限进行此操作') => new AppError(403, ErrorCodes.forbidden, message),
  notFound: (message = '内容不存在或已被删除') => new AppError(404, ErrorCodes.notFound, message),
  validation: (message: string) => new AppError(400, ErrorCodes.validation, message),
};
