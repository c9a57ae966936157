import type { RequestErrorCodes } from '../../../types/requests';

// The 410 codes of types/requests.ts, checked against it without importing its values (they come with zod).
export const REQUEST_EXPIRED: typeof RequestErrorCodes.requestExpired = 'request_expired';
export const REQUEST_CLOSED: typeof RequestErrorCodes.requestClosed = 'request_closed';
