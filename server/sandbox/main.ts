/**
 * Both sandboxes (WeChat, e-tax bureau) as a process of their own, for several instances that share
 * one simulated world (deploy/local.mjs, SANDBOX=on): every instance's adapters point at it
 * (WECHAT_API_BASE, ETAX_API_BASE) and nginx sends /sandbox/ to it, so restarting any instance
 * never takes the sandboxes away. Built to dist/server/sandboxes.js (npm run build:server).
 *
 * Settings as the instances': PORT, HOST, DATA_DIR (its JSON files, kept across restarts), LOG_LEVEL,
 * and the WeChat account's (WECHAT_APPID, WECHAT_SECRET, the template ids and keys), so that it
 * serves the account the instances expect. It holds the demo bureau people `npm start` prints.
 */
import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import { loadConfig } from '../config';
import { loggerOptions } from '../http/logging';
import { DEMO_ENTERPRISES } from '../demo';
import { mountSandboxes } from './index';
import { seedDemoBureau } from './etax';

async function main() {
  const config = loadConfig(process.env);
  const dataDir = path.resolve(config.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  const app = Fastify({ logger: loggerOptions(config.LOG_LEVEL) });
  const { etaxStore } = await mountSandboxes(app, config, dataDir);
  seedDemoBureau(etaxStore, DEMO_ENTERPRISES);
  app.get('/healthz', async () => ({ status: 'ok' }));
  await app.listen({ port: config.PORT, host: config.HOST });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
