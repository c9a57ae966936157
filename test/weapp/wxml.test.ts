/** Every page's WXML compiles with WeChat's own compiler, and renders what the headless run put in its data. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { WeappHost } from '../support/weapp-host';
import { locateBuild } from './build';
import { apiRoutes } from './fixtures';
import { compileWxml, renderPage, vnodeText, type Wcc } from './wxml';

const build = locateBuild();
let wcc: Wcc;

before(() => {
  if (build instanceof Error) throw build;
  wcc = compileWxml(build.dir);
});

test('every template of the build compiles with wcc', () => {
  if (build instanceof Error) throw build;
  for (const route of build.pages) {
    assert.equal(typeof wcc.template(`${route}.wxml`), 'function', `${route}.wxml has no compiled template`);
  }
});

for (const route of build instanceof Error ? [] : build.pages) {
  test(`${route}.wxml renders the page's data`, async (t) => {
    if (build instanceof Error) throw build;
    const host = await WeappHost.launch({ dir: build.dir, routes: apiRoutes() }, route);
    t.after(() => host.dispose());
    wcc.warnings.length = 0;
    const vdom = renderPage(wcc, build.dir, route, host.current.data);
    // Every node type Taro's runtime emitted has a template (Taro prunes unused ones from base.wxml).
    assert.deepEqual(wcc.warnings, [], `wcc warned while rendering ${route}`);
    const shown = vnodeText(vdom);
    for (const text of host.current.texts()) {
      assert.ok(
        shown.includes(text.replace(/\s+/g, '')),
        `"${text}" is in the data of ${route} but not in its rendered WXML`,
      );
    }
  });
}
