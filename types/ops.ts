/**
 * The operator API (`/ops/v1`, CONTRACT.md): for the invoice business system and operators.
 * `Authorization: Bearer <OPS_TOKEN>`; errors as in api.ts.
 */
import { z } from 'zod';
import { isTaxId } from './validators';

export const OPS_PREFIX = '/ops/v1';

/** POST /ops/v1/tenants → 201 { id, name, activationCode } (the code is shown this once). */
export const createTenantBody = z.object({
  /** 租户名称 */
  name: z.string().trim().min(1, '租户名称不能为空').max(100, '租户名称不能超过100个字符'),
});
export interface CreateTenantResponse {
  id: string;
  name: string;
  activationCode: string;
}

/** POST /ops/v1/tenants/:tenantId/enterprises → 201 { id, name, taxId, region } */
export const createEnterpriseBody = z.object({
  /** 企业名称 */
  name: z.string().trim().min(1, '企业名称不能为空').max(200, '企业名称不能超过200个字符'),
  /** 税号: 18-character 统一社会信用代码 (with its check character) or a legacy 15-digit 税号. */
  taxId: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .refine(isTaxId, '税号格式不正确（应为18位统一社会信用代码或15位纳税人识别号）'),
  /** 地区, e.g. 新疆 */
  region: z.string().trim().min(1, '地区不能为空').max(50, '地区不能超过50个字符'),
});
export interface CreateEnterpriseResponse {
  id: string;
  name: string;
  taxId: string;
  region: string;
}
