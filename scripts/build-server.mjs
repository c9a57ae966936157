#!/usr/bin/env node
/**
 * `npm run build:server`: the server as plain JavaScript for production (`npm run serve`), so no
 * TypeScript loader runs there. Bundles of our own code (server/ and types/) in dist/server/main.js,
 * and the sandboxes' own process in dist/server/sandboxes.js; packages stay in node_modules. The
 * migrations sit beside them, where server/db looks for them.
 * `npm start` (scripts/start.mjs) runs the same main.js, built first when a source is newer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'server');
export const serverBundle = path.join(out, 'main.js');

export async function buildServer() {
  // Loaded only to build: a start on a current bundle does without it.
  const { build } = await import('esbuild');
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
}

/** Newest modification time of the files the bundles are made of (server/, types/, package.json). */
function newestSource() {
  let newest = fs.statSync(path.join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  walk(path.join(root, 'server'));
  walk(path.join(root, 'types'));
  return newest;
}

/** Whether dist/server/main.js exists and is newer than every source of it. */
export function bundleIsCurrent() {
  return fs.existsSync(serverBundle) && fs.statSync(serverBundle).mtimeMs >= newestSource();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
