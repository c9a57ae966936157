/**
 * The bench's anchors, each in its own process:
 *  ANCHOR=hello — a bare Fastify hello-world;
 *  ANCHOR=floor — bare Fastify + pg answering GET /accounts with the same JSON as the product's
 *  account list (ENTERPRISE_ID as seen by USER_ID) from one query: what the list could cost at least.
 */
import Fastify from 'fastify';
import { Pool } from 'pg';
import { freePort } from '../../server/db/embedded';
import { capabilities } from '../../server/domain/permissions';
import { maskAccount } from '../../types/validators';
import type { Channel } from '../../types/domain';

const FLOOR_SQL = `
select e.id, e.name, e.tax_id, e.region, t.name as tenant_name,
  exists (select 1 from enterprise_admins ea where ea.enterprise_id = e.id and ea.user_id = $2) as is_admin,
  coalesce((
    select json_agg(json_build_object(
      'id', a.id, 'account', a.account, 'role', a.role, 'permissions', a.permissions, 'loginType', a.login_type,
      'boundUserId', b.user_id, 'defaultIssue', a.default_issue, 'defaultReceive', a.default_receive,
      'locked', a.locked_at is not null,
      'sessions', (select json_object_agg(s.channel, s.expires_at) from etax_sessions s
                   where s.account_id = a.id and s.expires_at > now()))
      order by a.created_at, a.id)
    from etax_accounts a left join account_bindings b on b.account_id = a.id
    where a.enterprise_id = e.id), '[]') as accounts
from enterprises e join tenants t on t.id = e.tenant_id
join tenant_members m on m.tenant_id = e.tenant_id and m.user_id = $2
where e.id = $1`;

interface FloorAccount {
  id: string;
  account: string;
  role: string;
  permissions: Channel[];
  loginType: string;
  boundUserId: string | null;
  defaultIssue: boolean;
  defaultReceive: boolean;
  locked: boolean;
  sessions: Record<string, string> | null;
}

async function main() {
  const port = await freePort();
  const app = Fastify({ logger: false });
  if (process.env.ANCHOR === 'floor') {
    // As the server's pool (server/db/index.ts): no JIT for short statements.
    const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10, options: '-c jit=off' });
    const enterpriseId = process.env.ENTERPRISE_ID!;
    const userId = process.env.USER_ID!;
    app.get('/accounts', async () => {
      const { rows } = await pool.query(FLOOR_SQL, [enterpriseId, userId]);
      const e = rows[0];
      return {
        enterprise: { id: e.id, name: e.name, taxId: e.tax_id, region: e.region, tenantName: e.tenant_name },
        accounts: (e.accounts as FloorAccount[]).map((a) => ({
          id: a.id,
          maskedAccount: maskAccount(a.account),
          role: a.role,
          permissions: a.permissions,
          loginType: a.loginType,
          bound: a.boundUserId === null ? 'none' : a.boundUserId === userId ? 'me' : 'other',
          defaults: [...(a.defaultIssue ? ['issue'] : []), ...(a.defaultReceive ? ['receive'] : [])],
          sessions: a.sessions ?? {},
          can: capabilities({ userId, boundUserId: a.boundUserId, isAdmin: e.is_admin }, a.locked),
        })),
        isAdmin: e.is_admin,
      };
    });
  } else {
    app.get('/', async () => ({ hello: 'world' }));
  }
  await app.listen({ port, host: '127.0.0.1' });
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}` })}`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
