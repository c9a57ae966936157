/**
 * The mini program's pages as WeChat knows them from app.json: the main package's pages, then each
 * subpackage's `root/page`. Taken from src/app.config.ts (the source app.json is built from) and
 * bundled with the server, so the sandbox refuses an unknown `page` with 41030 without a build.
 */
import './taro-globals';
import appConfig from '../../../src/app.config';

interface AppConfig {
  pages?: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
}

export function pagesOf(config: AppConfig): string[] {
  const subs = config.subPackages ?? config.subpackages ?? [];
  return [
    ...(config.pages ?? []),
    ...subs.flatMap((sub) => sub.pages.map((page) => `${sub.root.replace(/\/+$/, '')}/${page}`)),
  ];
}

/** The app's page list. */
export const APP_PAGES: readonly string[] = pagesOf(appConfig);
