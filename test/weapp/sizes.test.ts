/** Package sizes of the weapp build: main package within our 500 KB budget, each subpackage within WeChat's 2 MB. */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../support/weapp-host';
import { locateBuild } from './build';
import { formatSizes, KB, listFiles, packageSizes } from './sizes';

test('package sizes are within budget', () => {
  const build = locateBuild();
  if (build instanceof Error) throw build;
  const sizes = packageSizes(build.dir, build.app);
  const shown = path.relative(REPO_ROOT, build.dir);
  console.log(`weapp package sizes (${shown.startsWith('..') ? build.dir : shown}):\n${formatSizes(sizes)}`);
  // For the closing note of issue 2.
  const out = path.join(REPO_ROOT, 'dist', 'weapp-sizes.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify({ dir: build.dir, measuredAt: new Date().toISOString(), packages: sizes }, null, 2)}\n`,
  );

  const [main, ...subpackages] = sizes;
  assert.ok(
    main.bytes <= main.limit,
    `main package is ${(main.bytes / KB).toFixed(1)} KB, over the ${main.limit / KB} KB budget`,
  );
  for (const sub of subpackages) {
    assert.ok(sub.files > 0, `subpackage ${sub.name} of app.json has no files in the build`);
    assert.ok(
      sub.bytes <= sub.limit,
      `subpackage ${sub.name} is ${(sub.bytes / KB).toFixed(1)} KB, over WeChat's 2 MB`,
    );
  }
});

test('no script is shipped twice: what several subpackages share sits once in the main package', () => {
  const build = locateBuild();
  if (build instanceof Error) throw build;
  const roots = (build.app.subPackages ?? build.app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const packageOf = (file: string) => roots.find((root) => file.startsWith(`${root}/`)) ?? 'main';
  const byContent = new Map<string, string[]>();
  for (const file of listFiles(build.dir).filter((f) => f.endsWith('.js'))) {
    const hash = crypto
      .createHash('sha256')
      .update(fs.readFileSync(path.join(build.dir, file)))
      .digest('hex');
    byContent.set(hash, [...(byContent.get(hash) ?? []), file]);
  }
  const copies = [...byContent.values()].filter((files) => new Set(files.map(packageOf)).size > 1);
  assert.deepEqual(copies, [], 'byte-identical scripts in several packages');
});
