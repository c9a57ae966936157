// WeChat's offline code-quality check (miniprogram-ci `checkCodeQuality` + `analyseCode`) on a weapp
// build: `node test/weapp/code-quality.mjs <build dir> <appid>` prints one line `RESULT <json>`.
// A process of its own because miniprogram-ci leaves handles open and never exits by itself.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const MARKER = 'WEAPP_CODE_QUALITY_RESULT ';

const [dir, appid = 'touristappid'] = process.argv.slice(2);
const started = Date.now();
// checkCodeQuality never reads the key, but ci.Project wants a key file to exist.
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-ci-'));
let result;
try {
  if (!dir) throw new Error('usage: code-quality.mjs <build dir> [appid]');
  const ci = createRequire(import.meta.url)('miniprogram-ci');
  const privateKeyPath = path.join(keyDir, 'private.key');
  fs.writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nnot-a-key\n-----END RSA PRIVATE KEY-----\n');
  const project = new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: path.resolve(dir),
    privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  const checks = await ci.checkCodeQuality(project);
  const analysis = await ci.analyseCode(project, { silent: true });
  // Dependency errors WeChat's analyser found (a page or component json pointing at nothing, …).
  const errors = (analysis?.modules ?? []).flatMap((m) => [
    ...(m.errors ?? []).map((e) => `${m.id}: ${e?.message ?? e}`),
    ...(m.deps ?? []).filter((d) => d.error).map((d) => `${m.id} → ${d.request}: ${d.error?.message ?? d.error}`),
  ]);
  result = {
    ok: true,
    ms: Date.now() - started,
    checks: checks.map(({ name, success, text, detail }) => ({ name, success, text, detail })),
    analysis: { files: analysis?.files?.length ?? 0, errors },
  };
} catch (error) {
  result = { ok: false, ms: Date.now() - started, error: error instanceof Error ? error.stack : String(error) };
} finally {
  fs.rmSync(keyDir, { recursive: true, force: true });
}
process.stdout.write(`\n${MARKER}${JSON.stringify(result)}\n`);
process.exit(result.ok ? 0 : 1);
