/**
 * The first screen's anchor: a Taro hello-world (one page, one line of text) built with this repo's
 * Taro, Babel and config/ — the same version, plugins, minification and compression — in a temp dir
 * (nothing of it is committed). Built once per config: a later run with the same Taro and config/
 * reuses the build.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './procs';

export const HELLO_TEXT = 'Hello world!';

const SOURCES: Record<string, string> = {
  'src/app.config.ts': `export default defineAppConfig({
  pages: ['pages/index/index'],
  window: { navigationBarTitleText: 'Hello', navigationBarBackgroundColor: '#FFFFFF', navigationBarTextStyle: 'black' },
});
`,
  'src/app.tsx': `import type { PropsWithChildren } from 'react';

export default function App({ children }: PropsWithChildren) {
  return children;
}
`,
  'src/pages/index/index.config.ts': `export default definePageConfig({ navigationBarTitleText: 'Hello' });
`,
  'src/pages/index/index.tsx': `import { Text, View } from '@tarojs/components';

export default function Index() {
  return (
    <View>
      <Text>${HELLO_TEXT}</Text>
    </View>
  );
}
`,
};

/** What the product's build shares with the anchor: copied as they are. */
const SHARED = [
  'package.json',
  'babel.config.js',
  'tsconfig.json',
  'project.config.json',
  'config/index.ts',
  'config/dev.ts',
  'config/prod.ts',
  'config/weapp-targets.js',
  'src/index.html',
  'src/sitemap.json',
];

function taroVersion(): string {
  const pkg = path.join(ROOT, 'node_modules', '@tarojs', 'cli', 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Builds (or reuses) the hello-world for `type`; returns its output folder. */
export function helloWorldBuild(type: 'h5' | 'weapp'): string {
  const hash = crypto.createHash('sha256');
  hash.update(taroVersion());
  for (const file of SHARED) hash.update(fs.readFileSync(path.join(ROOT, file)));
  for (const [file, text] of Object.entries(SOURCES)) hash.update(file + text);
  const dir = path.join(os.tmpdir(), `fy-hello-world-${hash.digest('hex').slice(0, 12)}`);
  const out = path.join(dir, 'dist', type);
  const done = path.join(dir, `.built-${type}`);
  if (fs.existsSync(done)) return out;

  for (const file of SHARED) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  for (const [file, text] of Object.entries(SOURCES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  // weapp-host reads the project's miniprogramRoot; the anchor's build is where config/ puts it.
  const modules = path.join(dir, 'node_modules');
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(ROOT, 'node_modules'), modules, 'dir');

  console.log(`building the Taro hello-world (${type}) in ${dir} …`);
  const built = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', type], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', TARO_APP_API: '' },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`hello-world ${type} build failed:\n${built.stdout}\n${built.stderr}`);
  fs.writeFileSync(done, new Date().toISOString());
  return out;
}
