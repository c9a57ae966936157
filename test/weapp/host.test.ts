/** The headless host's own pieces that need no build: WeChat's setData paths, visible text, the build lookup. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  allPages,
  applyDataPath,
  layout,
  LINE_HEIGHT,
  treeStats,
  visibleText,
  weappDir,
  type TaroNode,
} from '../support/weapp-host';

test('setData paths apply as WeChat applies them', () => {
  const data: Record<string, unknown> = { root: { cn: [] } };
  applyDataPath(data, 'root.cn', [{ sid: '_1', cn: [{ v: 'a' }] }]);
  applyDataPath(data, 'root.cn.[0].cn.[0].v', 'b');
  applyDataPath(data, 'root.cn[0].cn[1]', { v: 'c' });
  applyDataPath(data, 'root.uid', 'pages/index/index');
  applyDataPath(data, 'fresh.list[2].x', 1);
  assert.deepEqual(data, {
    root: { cn: [{ sid: '_1', cn: [{ v: 'b' }, { v: 'c' }] }], uid: 'pages/index/index' },
    // WeChat (like JS) leaves the skipped indexes empty.
    fresh: { list: Object.assign([], { 2: { x: 1 } }) },
  });
});

test('visible text joins an element’s text nodes and skips display:none', () => {
  const root: TaroNode = {
    cn: [
      { sid: '_1', cn: [{ v: '点了 ' }, { v: '3' }, { v: ' 次' }] },
      { sid: '_2', st: 'display: none;', cn: [{ v: '隐藏' }] },
      { sid: '_3', cn: [{ v: '  ' }, { sid: '_4', cn: [{ v: '企业' }] }] },
    ],
  };
  assert.deepEqual(visibleText(root), ['点了 3 次', '企业']);
  assert.deepEqual(treeStats(root), { nodes: 10, depth: 3 });
});

test('layout stacks blocks: a line per element with text, a height style, nothing for display:none', () => {
  const spacer: TaroNode = { sid: '_2', st: 'height: 300px;' };
  const card: TaroNode = { sid: '_4', cn: [{ v: '139****0001' }, { sid: '_5', cn: [{ v: '登录' }] }] };
  const hidden: TaroNode = { sid: '_6', st: 'display: none;', cn: [{ v: '隐藏' }] };
  const list: TaroNode = { sid: '_3', cn: [card, hidden] };
  const root: TaroNode = { cn: [{ sid: '_1', cn: [{ v: '标题' }] }, spacer, list] };
  const { boxes, height } = layout(root);
  assert.deepEqual(boxes.get(spacer), { top: LINE_HEIGHT, height: 300 });
  assert.deepEqual(boxes.get(card), { top: LINE_HEIGHT + 300, height: 2 * LINE_HEIGHT });
  assert.deepEqual(boxes.get(hidden), { top: 3 * LINE_HEIGHT + 300, height: 0 });
  assert.equal(height, 3 * LINE_HEIGHT + 300);
});

test('pages of app.json: main package, then subpackages under their roots', () => {
  const pages = allPages({
    pages: ['pages/index/index'],
    subPackages: [{ root: 'packages/tenants/', pages: ['pages/edit/index'] }],
  });
  assert.deepEqual(pages, ['pages/index/index', 'packages/tenants/pages/edit/index']);
});

test('a missing build says how to make one', () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-weapp-'));
  const saved = process.env.WEAPP_DIR;
  process.env.WEAPP_DIR = empty;
  try {
    assert.throws(() => weappDir(), /run npm run build:weapp first/);
  } finally {
    if (saved === undefined) delete process.env.WEAPP_DIR;
    else process.env.WEAPP_DIR = saved;
    fs.rmSync(empty, { recursive: true });
  }
});
