/**
 * 电子税局账号管理 with 1,000 accounts in the weapp build: the list arrives a page at a time and only
 * the cards on and near the screen are drawn, so however far the user scrolls — to the end and back —
 * no setData goes over 64 KB (WeChat's limit: 256 KB) and the page never holds more than 1,000 nodes
 * (WeChat's audit); the rows on screen are the right ones, where they were; 搜索 asks the server;
 * coming back from a page opened far down keeps the place. Positions are the host's layout (see
 * `layout` in test/support/weapp-host.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AccountListResponse, AccountView } from '../../types/accounts';
import {
  layout,
  treeStats,
  visibleText,
  type PageHandle,
  type RecordedRequest,
  type TaroNode,
} from '../support/weapp-host';
import { check, openPage } from './launch';

const TOTAL = 1000;
const SETDATA_LIMIT = 64 * 1024;
const NODE_LIMIT = 1000;
const hour = 3_600_000;
/** The host's window (px). */
const SCREEN = 750;
/** A scroll step: two screens (a flick), so the 1,000 accounts take ~160 steps each way. */
const STEP = 2 * SCREEN;

/** A heavy card: both channels, a session, a drop, 即将到期, credits — the most a card shows. */
function accountView(n: number): AccountView {
  return {
    id: `acc-${n}`,
    maskedAccount: `139****${String(n).padStart(4, '0')}`,
    role: '办税员',
    permissions: ['issue', 'receive'],
    loginType: 'manual',
    bound: n % 3 === 0 ? 'me' : n % 3 === 1 ? 'other' : 'none',
    defaults: n === 1 ? ['issue', 'receive'] : [],
    sessions: { receive: new Date(Date.now() + hour).toISOString() },
    dropped: { issue: { at: new Date(Date.now() - hour).toISOString(), cause: 'elsewhere' } },
    expiringSoon: ['receive'],
    can: { login: true, edit: true, delete: true, changeWechat: true, unlock: false },
    notificationsLeft: 2,
  };
}
let all = Array.from({ length: TOTAL }, (_, i) => accountView(i + 1));

/** The server's paging, over the 1,000 accounts: cursor = how many came before. */
function page(req: RecordedRequest): { body: AccountListResponse } {
  const q = req.query.q ? decodeURIComponent(req.query.q) : '';
  const matching = q ? all.filter((a) => a.maskedAccount.slice(-4).includes(q)) : all;
  const from = Number(req.query.cursor ?? 0);
  const limit = req.query.limit ? Number(req.query.limit) : matching.length;
  const end = from + limit;
  return {
    body: {
      enterprise: {
        id: 'ent-1',
        name: '上海云票贸易有限公司',
        taxId: '91310000MA1FL0000X',
        region: '上海',
        tenantName: '上海云票科技有限公司',
      },
      accounts: matching.slice(from, end),
      isAdmin: true,
      nextCursor: end < matching.length ? String(end) : null,
    },
  };
}

function accountDetail(req: RecordedRequest) {
  const view = all.find((a) => req.path.endsWith(`/accounts/${a.id}`));
  if (!view) return { status: 404, body: { error: { code: 'not_found', message: '账号不存在' } } };
  return { body: { ...view, enterprise: page(req).body.enterprise, enterpriseAccountCount: TOTAL } };
}

async function openList(t: Parameters<typeof openPage>[0]) {
  all = Array.from({ length: TOTAL }, (_, i) => accountView(i + 1));
  const host = await openPage(t, 'packages/accounts/pages/list/index?enterpriseId=ent-1', {
    'GET /api/v1/enterprises/ent-1/accounts': page,
    'GET /api/v1/me/subscriptions': {
      body: { templates: { loginNotice: 'tmpl-login', accountChange: 'tmpl-change' }, credits: { 'tmpl-login': 2 } },
    },
    'GET /api/v1/accounts/': accountDetail,
  });
  await host.settle();
  return host;
}

/** The account cards the screen shows (any part of), top to bottom: number and top (px, page). */
function onScreen(list: PageHandle): { n: number; top: number }[] {
  const root = list.data.root;
  const { boxes } = layout(root);
  const from = list.scrollTop;
  const cards: { n: number; top: number }[] = [];
  const walk = (node: TaroNode): void => {
    if (typeof node.cl === 'string' && node.cl.split(' ').includes('account-card')) {
      const box = boxes.get(node);
      const masked = visibleText(node).find((text) => /^139\*{4}\d{4}$/.test(text));
      if (box && masked && box.top + box.height > from && box.top < from + SCREEN)
        cards.push({ n: Number(masked.slice(-4)), top: box.top });
      return;
    }
    node.cn?.forEach(walk);
  };
  root?.cn?.forEach(walk);
  return cards;
}

/** The action (登录, 更多 …) on account n's card. */
function action(list: PageHandle, n: number, label: string): TaroNode {
  const masked = `139****${String(n).padStart(4, '0')}`;
  let hit: TaroNode | undefined;
  const walk = (node: TaroNode, inCard: boolean): void => {
    const card =
      inCard ||
      (typeof node.cl === 'string' &&
        node.cl.split(' ').includes('account-card') &&
        visibleText(node).includes(masked));
    if (card && node.sid && node.cn?.some((c) => c.v === label)) hit ??= node;
    node.cn?.forEach((c) => walk(c, card));
  };
  list.data.root?.cn?.forEach((c) => walk(c, false));
  assert.ok(hit, `no ${label} on ${masked}'s card`);
  return hit;
}

/** Cards drawn as the screen shows them: one after the other, and the screen below the list's top not blank. */
function assertRows(list: PageHandle, when: string): { n: number; top: number }[] {
  const rows = onScreen(list);
  assert.ok(rows.length > 0, `${when}: no account on screen at ${list.scrollTop} px of ${list.height}`);
  rows.forEach((row, i) => {
    if (i > 0) assert.equal(row.n, rows[i - 1].n + 1, `${when}: rows ${rows.map((r) => r.n).join(',')}`);
  });
  return rows;
}

test('1,000 accounts: to the end and back, never over 1,000 nodes or a 64 KB setData, the right rows', async (t) => {
  const host = await openList(t);
  const list = host.current;
  const asked = () => host.requests.filter((r) => r.path.endsWith('/enterprises/ent-1/accounts')).length;
  check(host, ['139****0001', '加载中…']);
  assert.equal(asked(), 1, 'one page at first');

  const figures: string[] = [];
  let mostNodes = 0;
  /** Every setData so far within 64 KB, and the nodes on the page now within 1,000. */
  const measure = (when: string, record = false) => {
    const { nodes } = treeStats(list.data.root);
    mostNodes = Math.max(mostNodes, nodes);
    const biggest = Math.max(...list.setDataCalls.map((c) => c.bytes));
    if (record) figures.push(`${when}: ${nodes} nodes, biggest setData so far ${biggest} B`);
    assert.ok(nodes <= NODE_LIMIT, `${when}: ${nodes} nodes on screen`);
    for (const c of list.setDataCalls) assert.ok(c.bytes <= SETDATA_LIMIT, `${when}: a setData of ${c.bytes} B`);
  };
  measure('first page', true);

  // Down a screen at a time, as a thumb would, until 没有更多了: each page arrives on reaching the
  // bottom, and every screen shows the rows that belong there.
  const topOf = new Map<number, number>(assertRows(list, 'first page').map((row) => [row.n, row.top]));
  let pages = 1;
  let lowest = 1;
  while (!list.text().includes('没有更多了')) {
    await list.scrollTo(list.scrollTop + STEP);
    const rows = assertRows(list, `down at ${list.scrollTop} px`);
    assert.ok(rows[0].n >= lowest, `down at ${list.scrollTop} px: ${rows[0].n} after ${lowest}`);
    lowest = rows[0].n;
    for (const row of rows) topOf.set(row.n, row.top);
    if (asked() > pages) {
      pages = asked();
      check(host, []);
      measure(`${pages} pages`, pages % 10 === 0);
    } else measure(`down at ${list.scrollTop} px`);
    assert.ok(pages <= TOTAL / 20, 'no page asked twice');
  }
  assert.equal(pages, TOTAL / 20);
  // The last page's rows, to the page's end.
  for (let at = -1; at !== list.scrollTop;) {
    at = list.scrollTop;
    await list.scrollTo(at + STEP);
    for (const row of assertRows(list, `down at ${list.scrollTop} px`)) topOf.set(row.n, row.top);
  }
  assert.ok(list.text().includes('139****1000'), 'the last account at the end');
  measure('the end', true);

  // Back up to the top: the same rows where they were (no blank, no jump), nothing asked again.
  while (list.scrollTop > 0) {
    await list.scrollTo(list.scrollTop - STEP);
    const rows = assertRows(list, `up at ${list.scrollTop} px`);
    const seen = rows.filter((row) => topOf.has(row.n));
    assert.ok(
      seen.length > 0,
      `up at ${list.scrollTop} px: none of ${rows.map((r) => r.n).join(',')} seen on the way down`,
    );
    for (const row of seen) assert.equal(row.top, topOf.get(row.n), `139****${row.n} moved`);
    measure(`up at ${list.scrollTop} px`);
  }
  assert.equal(asked(), pages);
  assert.equal(onScreen(list)[0]?.n, 1);
  measure('back at the top', true);

  // 搜索: the server filters; the screen shows only the matches.
  await list.input(list.find('input', { placeholder: '搜索账号后四位或姓名' }), '0777');
  await list.fire(list.find('input', { placeholder: '搜索账号后四位或姓名' }), 'confirm', { value: '0777' });
  check(host, ['139****0777', '没有更多了']);
  assert.ok(!list.text().includes('139****0001'));
  measure('search', true);
  await list.fire(list.find('input', { placeholder: '搜索账号后四位或姓名' }), 'confirm', { value: '9999' });
  check(host, ['没有找到匹配的账号']);
  measure('search, no match', true);
  const calls = host.requests.filter((r) => r.path.endsWith('/enterprises/ent-1/accounts'));
  assert.ok(
    calls.every((r) => Number(r.query.limit) === 20),
    'every call asks for one page',
  );
  figures.push(`most nodes at any point: ${mostNodes}`);
  t.diagnostic(figures.join('; '));
});

test('back from 编辑 of an account far down: the same place, the loaded accounts fresh', async (t) => {
  const host = await openList(t);
  const list = host.current;
  while (!list.text().includes('139****0300')) await list.scrollTo(list.scrollTop + STEP);
  const before = assertRows(list, 'before');
  const target = before[0];
  const at = list.scrollTop;
  // Meanwhile (on the page opened), the account changes: the list shows its news on the way back.
  all = all.map((a) => (a.id === `acc-${target.n}` ? { ...a, role: '开票员' } : a));
  await list.tap(action(list, target.n, '更多'));
  assert.equal(host.current.route, 'packages/accounts/pages/edit/index');
  await host.back();

  assert.equal(host.current.route, list.route);
  assert.equal(list.scrollTop, at);
  const after = assertRows(list, 'after');
  assert.deepEqual(after, before);
  check(host, [`139****${String(target.n).padStart(4, '0')}`]);
  const refreshed = host.requests.filter((r) => r.path.endsWith('/enterprises/ent-1/accounts')).slice(-4);
  assert.ok(
    refreshed.every((r) => Number(r.query.limit) <= 100),
    'the loaded accounts asked again in blocks of at most 100',
  );
  assert.ok(list.text().includes('开票员'), 'the changed account shows its news');
  const { nodes } = treeStats(list.data.root);
  assert.ok(nodes <= NODE_LIMIT, `${nodes} nodes`);
});
