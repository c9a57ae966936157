/**
 * The mini program's pages as WeChat knows them from app.json: the main package's pages, then each
 * subpackage's `root/page`. Read from src/app.config.ts (the source app.json is built from), so
 * the sandbox refuses an unknown `page` with 41030 without a build.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../version';

interface AppConfig {
  pages?: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

// From the project's folder: the compiled server (dist/server) sits elsewhere than this file.
export const APP_CONFIG_FILE = path.join(PROJECT_ROOT, 'src', 'app.config.ts');

export function pagesOf(config: AppConfig): string[] {
  const subs = config.subPackages ?? config.subpackages ?? [];
  return [
    ...(config.pages ?? []),
    ...subs.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`)),
  ];
}

/** The page list of the app config file (under tsx, or Node 24's own TypeScript type stripping when compiled). */
export async function appPages(file = APP_CONFIG_FILE): Promise<string[]> {
  // app.config.ts calls Taro's compile-time global; outside the build it is the identity.
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig };
  g.defineAppConfig ??= (c) => c;
  const mod = (await import(pathToFileURL(file).href)) as { default: AppConfig | { default: AppConfig } };
  const config = 'default' in mod.default ? mod.default.default : mod.default;
  return pagesOf(config);
}
