/** WeChat's offline code-quality scan (miniprogram-ci) passes every rule on the weapp build. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { locateBuild } from './build';
import { packageSizes } from './sizes';

interface Check {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}
interface Result {
  ok: boolean;
  ms: number;
  error?: string;
  checks?: Check[];
  analysis?: { files: number; errors: string[] };
}

const MARKER = 'WEAPP_CODE_QUALITY_RESULT ';
const TIMEOUT_MS = 180_000;

/** What to change when a rule fails (the rule's own `text` names the problem, not the fix). */
const FIX: Record<string, string> = {
  PACKAGE_SIZE_LIMIT: 'move pages out of the main package into subpackages',
  JS_COMPRESS_OPEN: 'project.config.json: "setting": { "minified": true }',
  WXML_COMPRESS_OPEN: 'project.config.json: "setting": { "minifyWXML": true }',
  WXSS_COMPRESS_OPEN: 'project.config.json: "setting": { "minifyWXSS": true }',
  LAZYCODE_LOADING_OPEN: "src/app.config.ts: lazyCodeLoading: 'requiredComponents'",
  IMAGE_AND_AUDIO_LIMIT: 'images and audio over 200 KB: shrink them or load them from the network',
  CONTAINS_OTHER_PKG_JS: 'JS in the main package used only by a subpackage: move it into that subpackage',
  CONTAINS_OTHER_PKG_COMPONENTS: 'components in the main package used only by a subpackage: move them there',
  CONTAINS_UNUSED_PLUGINS: 'remove the unused plugins from app.json',
  CONTAINS_UNUSED_COMPONENTS: 'remove the unused usingComponents entries',
  CONTAINS_UNUSED_CODES: 'files nothing depends on: stop emitting them (or delete them)',
};

/** Runs test/weapp/code-quality.mjs in its own process (miniprogram-ci never exits by itself). */
function runCodeQuality(dir: string, appid: string): Promise<Result> {
  const script = path.join(import.meta.dirname, 'code-quality.mjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, dir, appid],
      { timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
        if (line) return resolve(JSON.parse(line.slice(MARKER.length)) as Result);
        const why = error?.killed ? `timed out after ${TIMEOUT_MS / 1000} s` : `exited with ${error?.code ?? 0}`;
        reject(new Error(`code-quality.mjs ${why} without a result\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`));
      },
    );
  });
}

test("WeChat's code-quality scan passes every rule", async (t) => {
  const build = locateBuild();
  if (build instanceof Error) throw build;
  const result = await runCodeQuality(build.dir, build.appid);
  assert.ok(result.ok, `miniprogram-ci failed: ${result.error}`);
  const checks = result.checks ?? [];
  console.log(
    `miniprogram-ci checkCodeQuality (${result.ms} ms):\n${checks.map((c) => `  ${c.success ? 'pass' : 'FAIL'}  ${c.name}`).join('\n')}`,
  );
  assert.ok(checks.length >= 11, `expected the 11 rules, got ${checks.map((c) => c.name).join(', ')}`);
  for (const check of checks) {
    await t.test(check.name, () => {
      assert.ok(
        check.success,
        `${check.name}: ${check.text}\nfix: ${FIX[check.name] ?? 'see the rule'}\ndetail: ${JSON.stringify(check.detail ?? null)}`,
      );
    });
  }

  await t.test('dependency analysis finds no broken references', () => {
    assert.deepEqual(result.analysis?.errors, []);
  });

  await t.test('WeChat counts the same main package size as sizes.test.ts', () => {
    const detail = checks.find((c) => c.name === 'PACKAGE_SIZE_LIMIT')?.detail as Record<string, number> | undefined;
    const [main] = packageSizes(build.dir, build.app);
    assert.equal(detail?.__APP__, main.bytes);
  });
});
