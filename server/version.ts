/**
 * Name and version of this service and the project's folder, from package.json (found upward: the
 * source and the compiled build, dist/server, sit at different depths).
 */
import fs from 'node:fs';
import path from 'node:path';

function readPackage(): { name: string; version: string; root: string } {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; version: string };
      return { ...pkg, root: dir };
    }
    if (path.dirname(dir) === dir) throw new Error('package.json not found above ' + __dirname);
  }
}

const pkg = readPackage();
export const SERVICE = { name: pkg.name, version: pkg.version };
export const PROJECT_ROOT = pkg.root;
