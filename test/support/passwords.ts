/**
 * Helpers for the admin and password suites, on top of etax.ts: hosted accounts, a lock made the
 * way production makes it, what the database stores, and a scan of every table for a secret.
 *
 *   const id = await addHostedAccount(server, alice.token, world.enterpriseId, person);   // 企享云办税小号
 *   await lockByWrongPassword(server, alice.token, id, person);   // the bureau refuses the stored password → 已锁定
 *   assert.deepEqual(await tablesContaining(server, 'Secret#2025'), []);
 */
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import type { TestServer } from './server';
import { relate, rows, type BureauPerson } from './etax';
import { makeIdNumber, makePhone } from './factories';
import type { LoginType, Role } from '../../types/domain';

/** A bureau person with another name than etax.ts's 张三丰 (the same name and masked 证件号码 make one person_key). */
export async function namedPerson(
  server: TestServer,
  taxId: string,
  opts: { name?: string; role?: Role } = {},
): Promise<BureauPerson> {
  const person = { name: opts.name ?? '王五', idNumber: makeIdNumber(), phone: makePhone(), password: 'Secret#2025' };
  const created = await server.call('POST', '/sandbox/etax/control/persons', {
    body: { ...person, idType: '居民身份证', realNameLevel: 4, agreementSigned: true },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await relate(server, taxId, person.idNumber, opts.role ?? '办税员', ['issue', 'receive']);
  return person;
}

/** Adds the person's hosted phone as an account (the provider delivers the code; one poll finishes it). */
export async function addHostedAccount(
  server: TestServer,
  token: string,
  enterpriseId: string,
  person: BureauPerson,
  opts: { loginType?: Exclude<LoginType, 'manual'>; role?: Role } = {},
): Promise<string> {
  const started = await server.call('POST', `/api/v1/enterprises/${enterpriseId}/accounts/flows`, {
    token,
    body: {
      business: 'issue',
      account: person.phone,
      password: person.password,
      role: opts.role ?? '办税员',
      loginType: opts.loginType ?? 'qixiangyun',
    },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  assert.equal(started.body.step, 'hosted_wait');
  for (let i = 0; i < 5; i++) {
    const state = (await server.call('GET', `/api/v1/flows/${started.body.flowId}`, { token })).body;
    if (state.step === 'done') return state.accountId as string;
    assert.equal(state.step, 'hosted_wait', JSON.stringify(state));
  }
  throw new Error('the hosted account was not added');
}

/**
 * The holder changes the password at the bureau, then a login of the hosted account with the
 * stored one is refused: the account is 已锁定 (密码错误), as an automatic login would leave it (F14).
 */
export async function lockByWrongPassword(
  server: TestServer,
  token: string,
  accountId: string,
  person: BureauPerson,
  newPassword = 'Changed#2026',
): Promise<void> {
  const patched = await server.call('PATCH', `/sandbox/etax/control/persons/${person.idNumber}`, {
    body: { password: newPassword },
  });
  assert.equal(patched.status, 200);
  person.password = newPassword;
  const refused = await server.call('POST', `/api/v1/accounts/${accountId}/flows`, {
    token,
    body: { purpose: 'login', channel: 'issue' },
  });
  assert.equal(refused.body.error?.code, 'etax_wrong_password', JSON.stringify(refused.body));
  const detail = (await server.call('GET', `/api/v1/accounts/${accountId}`, { token })).body;
  assert.equal(detail.locked?.reason, '密码错误');
}

export interface StoredAccount {
  id: string;
  password_enc: string;
  password_key_id: string;
  locked_at: Date | null;
  lock_reason: string | null;
  locked_by_password: boolean;
}

/** The accounts' rows as stored, by id. */
export async function storedAccounts(server: TestServer, ids: string[]): Promise<Record<string, StoredAccount>> {
  const found = await rows<StoredAccount>(
    server,
    sql`select id, password_enc, password_key_id, locked_at, lock_reason, locked_by_password from etax_accounts
        where id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  return Object.fromEntries(found.map((r) => [r.id, r]));
}

/** The password an account has stored, decrypted with the server's own key. */
export function storedPassword(server: TestServer, account: StoredAccount): string {
  return server.ctx.secrets.decrypt(account.password_enc);
}

/** Every table of the database (any schema) with a row whose text holds `needle`. */
export async function tablesContaining(server: TestServer, needle: string): Promise<string[]> {
  const tables = await rows<{ schema: string; name: string }>(
    server,
    sql`select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  const hits: string[] = [];
  for (const t of tables) {
    const table = sql.raw(`"${t.schema}"."${t.name}"`);
    const [row] = await rows<{ n: number }>(
      server,
      sql`select count(*)::int as n from ${table} t where strpos(t::text, ${needle}) > 0`,
    );
    if (Number(row.n) > 0) hits.push(`${t.schema}.${t.name}`);
  }
  return hits;
}

/**
 * Runs `fn` while the database refuses to store a new password for this one account, as a lost
 * connection or a full disk would: a trigger, dropped afterwards.
 */
export async function whileStoringFails<T>(server: TestServer, accountId: string, fn: () => Promise<T>): Promise<T> {
  const name = `fail_${accountId.replace(/-/g, '')}`;
  await server.ctx.db.execute(
    sql.raw(`create or replace function ${name}() returns trigger language plpgsql as $$
      begin raise exception 'injected failure'; end $$`),
  );
  await server.ctx.db.execute(
    sql.raw(`create trigger ${name} before update of password_enc on etax_accounts for each row
      when (old.id = '${accountId}') execute function ${name}()`),
  );
  try {
    return await fn();
  } finally {
    await server.ctx.db.execute(sql.raw(`drop trigger if exists ${name} on etax_accounts`));
    await server.ctx.db.execute(sql.raw(`drop function if exists ${name}()`));
  }
}
