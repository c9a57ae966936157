import type { FastifySchema } from 'fastify';

/**
 * The operationId of every operation of /openapi.json, by method and path (Fastify's `:param`
 * form): names a generated client's functions. A route may also set `schema.operationId` itself.
 * test/server/openapi.test.ts fails for an operation without one.
 */
export const OPERATION_IDS: Record<string, string> = {
  'POST /api/v1/auth/login': 'signIn',
  'POST /api/v1/auth/logout': 'signOut',
  'GET /api/v1/link/:token': 'getLink',
  'POST /api/v1/link/:token/flows': 'startLinkFlow',
  'GET /api/v1/link/:token/flows/:flowId': 'getLinkFlow',
  'DELETE /api/v1/link/:token/flows/:flowId': 'cancelLinkFlow',
  'POST /api/v1/link/:token/flows/:flowId/sms': 'submitLinkFlowSms',
  'POST /api/v1/link/:token/flows/:flowId/sms/resend': 'resendLinkFlowSms',
  'POST /api/v1/link/:token/flows/:flowId/real-name': 'answerLinkFlowRealName',
  'POST /api/v1/link/:token/flows/:flowId/agreement': 'answerLinkFlowAgreement',
  'POST /api/v1/link/:token/flows/:flowId/qr': 'refreshLinkFlowQr',
  'GET /api/v1/me/tenants': 'listMyTenants',
  'POST /api/v1/me/tenants': 'joinTenant',
  'DELETE /api/v1/me/tenants/:tenantId': 'leaveTenant',
  'GET /api/v1/enterprises/:enterpriseId/accounts': 'listEnterpriseAccounts',
  'DELETE /api/v1/enterprises/:enterpriseId/bindings': 'unbindEnterpriseAccounts',
  'POST /api/v1/enterprises/:enterpriseId/accounts/lookup': 'lookupAccount',
  'GET /api/v1/accounts/:accountId': 'getAccount',
  'DELETE /api/v1/accounts/:accountId': 'deleteAccount',
  'POST /api/v1/accounts/:accountId/binding': 'bindAccount',
  'DELETE /api/v1/accounts/:accountId/binding': 'unbindAccount',
  'PUT /api/v1/accounts/:accountId/defaults': 'setAccountDefaults',
  'POST /api/v1/accounts/:accountId/unlock': 'unlockAccount',
  'GET /api/v1/me/subscriptions': 'getMySubscriptions',
  'POST /api/v1/me/subscriptions': 'recordSubscriptions',
  'GET /api/v1/me/recent-logins': 'listRecentLogins',
  'POST /api/v1/enterprises/:enterpriseId/accounts/flows': 'startAddAccountFlow',
  'POST /api/v1/accounts/:accountId/flows': 'startAccountFlow',
  'GET /api/v1/flows/:flowId': 'getFlow',
  'DELETE /api/v1/flows/:flowId': 'cancelFlow',
  'POST /api/v1/flows/:flowId/sms': 'submitFlowSms',
  'POST /api/v1/flows/:flowId/sms/resend': 'resendFlowSms',
  'POST /api/v1/flows/:flowId/real-name': 'answerFlowRealName',
  'POST /api/v1/flows/:flowId/agreement': 'answerFlowAgreement',
  'POST /api/v1/flows/:flowId/qr': 'refreshFlowQr',
  'GET /api/v1/login-requests': 'listLoginRequests',
  'GET /api/v1/login-requests/:id': 'getLoginRequest',
  'POST /api/v1/login-requests/:id/flows': 'startLoginRequestFlow',
  'GET /api/v1/enterprises/:enterpriseId/admins': 'listAdmins',
  'POST /api/v1/enterprises/:enterpriseId/admins/flows': 'startAdminFlow',
  'DELETE /api/v1/enterprises/:enterpriseId/admins/me': 'stepDownAsAdmin',
  'GET /api/v1/enterprises/:enterpriseId/audit-log': 'getAuditLog',
  'POST /api/v1/accounts/:accountId/password-resets': 'startPasswordReset',
  'POST /api/v1/soter/challenges': 'createSoterChallenge',
  'POST /api/v1/accounts/:accountId/password': 'syncPassword',
  'GET /api/v1/password-changes/:changeId': 'getPasswordChange',
  'POST /api/v1/password-changes/:changeId/sms/send': 'sendPasswordChangeSms',
  'POST /api/v1/password-changes/:changeId/sms': 'submitPasswordChangeSms',
  'POST /api/v1/password-changes/:changeId/face': 'startPasswordChangeFace',
  'POST /api/v1/password-changes/:changeId/password': 'setNewPassword',
  'POST /api/v1/password-changes/:changeId/items/:accountId/retry': 'retryPasswordChangeItem',
  'POST /ops/v1/tenants': 'createTenant',
  'POST /ops/v1/tenants/:tenantId/enterprises': 'createEnterprise',
  'POST /ops/v1/tax-sessions': 'askTaxSession',
  'GET /ops/v1/tax-sessions/:requestId': 'getTaxSession',
  'PUT /ops/v1/tenants/:tenantId/webhook': 'setWebhook',
  'GET /ops/v1/tenants/:tenantId/webhook': 'getWebhook',
  'DELETE /ops/v1/tenants/:tenantId/webhook': 'deleteWebhook',
};

/** Adds the operation's id (operation-ids.ts) unless the route names one. */
export function withOperationId(schema: FastifySchema, method: string | string[], url: string): FastifySchema {
  const s = schema as FastifySchema & { operationId?: string };
  if (s.operationId) return schema;
  const operationId = OPERATION_IDS[`${[method].flat()[0]} ${url}`];
  return operationId ? { ...schema, operationId } : schema;
}
