/** The weapp build under test: `WEAPP_DIR`, else project.config.json's miniprogramRoot. */
import fs from 'node:fs';
import path from 'node:path';
import { allPages, readAppJson, REPO_ROOT, weappDir, type AppJson } from '../support/weapp-host';

export interface Build {
  dir: string;
  app: AppJson;
  /** Every page route, main package first. */
  pages: string[];
  appid: string;
}

/** The build, or the error saying it is missing (tests report it instead of vanishing). */
export function locateBuild(): Build | Error {
  try {
    const dir = weappDir();
    const app = readAppJson(dir);
    const config = path.join(REPO_ROOT, 'project.config.json');
    const appid = fs.existsSync(config)
      ? ((JSON.parse(fs.readFileSync(config, 'utf8')) as { appid?: string }).appid ?? '')
      : '';
    return { dir, app, pages: allPages(app), appid: appid || 'touristappid' };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
