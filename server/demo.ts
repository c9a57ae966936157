/**
 * First-start demo data for `npm start`: a tenant with enterprises, so a person can try the app at
 * once. The demo's activation code is kept in DATA_DIR/demo.json (demo data only: real tenants'
 * codes are stored hashed and shown once).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEnterprise, createTenant, countTenants } from './domain/tenants';
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { unifiedSocialCreditCheckChar } from '../types/validators';

export const DEMO_ENTERPRISES = [
  { name: '新疆天山云计算科技有限公司', first17: '91650100MA78XK2P1', region: '新疆' },
  { name: '乌鲁木齐丝路商贸有限责任公司', first17: '91650104MA79B3LN4', region: '新疆' },
].map((e) => ({ name: e.name, taxId: e.first17 + unifiedSocialCreditCheckChar(e.first17), region: e.region }));

export interface DemoInfo {
  tenantName: string;
  activationCode: string;
  enterprises: { name: string; taxId: string; region: string }[];
}

/** The advisory lock instances starting together take around the seeding (hashtext makes the key). */
const DEMO_LOCK = 'fapiaoyun.demo';

/**
 * Creates the demo tenant when the database has no tenant yet; returns what to print (or null).
 * Instances starting at the same moment on an empty database seed one at a time (a transaction
 * advisory lock): the first creates the tenant, the others then find one.
 */
export async function seedDemo(db: Db, dataDir: string): Promise<DemoInfo | null> {
  const file = path.join(dataDir, 'demo.json');
  const info = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${DEMO_LOCK}))`);
    if ((await countTenants(tx)) > 0) return null;
    const tenant = await createTenant(tx, '演示租户');
    for (const e of DEMO_ENTERPRISES) await createEnterprise(tx, tenant.id, e);
    return { tenantName: tenant.name, activationCode: tenant.activationCode, enterprises: DEMO_ENTERPRISES };
  });
  if (info) {
    fs.writeFileSync(file, JSON.stringify(info, null, 2));
    return info;
  }
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as DemoInfo) : null;
}
