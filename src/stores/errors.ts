import { ApiError } from '../services/api';

const FALLBACK_MESSAGE = '操作失败，请稍后重试';

/** The text to show for a failed call: the server's own message when it sent one. */
export function errorMessage(error: unknown, fallback = FALLBACK_MESSAGE): string {
  if (error instanceof ApiError) {
    if (error.code === 'too_many_attempts' && error.retryAfterSeconds !== undefined) {
      return tooManyAttemptsMessage(error.retryAfterSeconds);
    }
    return error.message || fallback;
  }
  return fallback;
}

/** "尝试次数过多，请 9 分钟后再试": whole minutes, rounded up, so the user never retries too early. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `尝试次数过多，请 ${minutes} 分钟后再试`;
}

/** A wait that counts down: "8 分 05 秒", "42 秒". */
export function waitText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} 分 ${String(rest).padStart(2, '0')} 秒` : `${rest} 秒`;
}

/** A refused call as a store keeps it: the server's code (or 'unknown') and the text to show. */
export interface CodedError {
  code: string;
  message: string;
}

export function codedError(error: unknown): CodedError {
  const code = error instanceof ApiError ? String(error.code) : 'unknown';
  return { code, message: errorMessage(error) };
}
