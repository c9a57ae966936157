/**
 * Runs the e-tax sandbox alone: `tsx server/sandbox/etax/standalone.ts`.
 * PORT (default 3100), HOST (default 127.0.0.1), ETAX_SANDBOX_DATA (JSON data file; default in memory).
 * The adapter then uses ETAX_API_BASE=http://HOST:PORT/sandbox/etax/api.
 */
import Fastify from 'fastify';
import { etaxSandbox } from './index';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3100);
  const host = process.env.HOST ?? '127.0.0.1';
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  await app.register(etaxSandbox, { prefix: '/sandbox/etax', dataFile: process.env.ETAX_SANDBOX_DATA });
  await app.listen({ port, host });
  const origin = `http://${host}:${port}`;
  console.log(`e-tax sandbox: API ${origin}/sandbox/etax/api, phone page ${origin}/sandbox/etax/control/`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.close().then(() => process.exit(0));
    });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
