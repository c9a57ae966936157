/** Package sizes of a weapp build, counted the way WeChat counts them. */
import fs from 'node:fs';
import path from 'node:path';
import { type AppJson } from '../support/weapp-host';

/**
 * The extensions WeChat packs (miniprogram-ci's offline `MiniProgramWhiteList`): anything else in the
 * folder, such as webpack's `*.LICENSE.txt`, is left out of the upload and of the size.
 */
const PACKED = new Set([
  '.wxml',
  '.wxss',
  '.wxs',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.svg',
  '.js',
  '.json',
  '.cer',
  '.mp3',
  '.aac',
  '.m4a',
  '.mp4',
  '.wav',
  '.ogg',
  '.silk',
  '.wasm',
  '.br',
  '.cur',
  '.ico',
  '.skel',
  '.crt',
  '.cert',
]);

export const KB = 1024;
/** Our budget for the main package (issue 2); WeChat's own limit is 2 MB. */
export const MAIN_BUDGET = 500 * KB;
/** WeChat's limit for each subpackage. */
export const SUBPACKAGE_LIMIT = 2 * 1024 * KB;

export interface PackageSize {
  /** `main`, or the subpackage root. */
  name: string;
  files: number;
  bytes: number;
  limit: number;
}

/** Every file under dir, as paths relative to it with forward slashes. */
export function listFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((entry) => {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(dir, child) : [child];
  });
}

/** Main package first (everything outside a subpackage root), then each subpackage in app.json order. */
export function packageSizes(dir: string, app: AppJson): PackageSize[] {
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const sizes: PackageSize[] = [
    { name: 'main', files: 0, bytes: 0, limit: MAIN_BUDGET },
    ...roots.map((root) => ({ name: root, files: 0, bytes: 0, limit: SUBPACKAGE_LIMIT })),
  ];
  for (const file of listFiles(dir)) {
    if (!PACKED.has(path.extname(file).toLowerCase())) continue;
    const index = roots.findIndex((root) => file.startsWith(`${root}/`));
    const entry = sizes[index + 1];
    entry.files++;
    entry.bytes += fs.statSync(path.join(dir, file)).size;
  }
  return sizes;
}

export function formatSizes(sizes: PackageSize[]): string {
  const kb = (n: number): string => (n / KB).toFixed(1);
  const rows = [
    ['package', 'files', 'bytes', 'KB', 'limit KB', 'used'],
    ...sizes.map((s) => [
      s.name,
      String(s.files),
      String(s.bytes),
      kb(s.bytes),
      kb(s.limit),
      `${((100 * s.bytes) / s.limit).toFixed(1)} %`,
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
    .join('\n');
}
