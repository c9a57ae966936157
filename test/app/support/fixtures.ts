import type { EnterpriseSummary, TenantSummary } from '../../../types/api';

let sequence = 0;

export function enterprise(overrides: Partial<EnterpriseSummary> = {}): EnterpriseSummary {
  sequence += 1;
  return {
    id: `ent-${sequence}`,
    name: `示例企业${sequence}有限公司`,
    taxId: '91350100M000100Y43',
    region: '福建',
    accountCount: 0,
    myBoundCount: 0,
    admin: { state: 'none', names: [] },
    ...overrides,
  };
}

export function tenant(overrides: Partial<TenantSummary> = {}): TenantSummary {
  sequence += 1;
  return { id: `tenant-${sequence}`, name: `租户${sequence}`, enterprises: [], ...overrides };
}
