#!/usr/bin/env node
/**
 * `npm run build:server`: the server as plain JavaScript for production (`npm run serve`), so no
 * TypeScript loader runs there. Bundles of our own code (server/ and types/) in dist/server/main.js,
 * and the sandboxes' own process in dist/server/sandboxes.js; packages stay in node_modules. The
 * migrations sit beside them, where server/db looks for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'dist', 'server');
fs.rmSync(out, { recursive: true, force: true });
await build({
  // main.js: the server; sandboxes.js: both sandboxes as a process of their own (deploy/local.mjs).
  entryPoints: {
    main: path.join(root, 'server', 'main.ts'),
    sandboxes: path.join(root, 'server', 'sandbox', 'main.ts'),
  },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
fs.cpSync(path.join(root, 'server', 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
console.log(`server built: ${path.relative(root, out)}/main.js and sandboxes.js`);
