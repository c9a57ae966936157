/** The bench's sandbox process: both sandboxes (WeChat, e-tax) on a free loopback port, in memory. */
import Fastify from 'fastify';
import { loadConfig } from '../../server/config';
import { mountSandboxes } from '../../server/sandbox';
import { freePort } from '../../server/db/embedded';

async function main() {
  const port = await freePort();
  const app = Fastify({ logger: false });
  await mountSandboxes(app, loadConfig({ PORT: String(port), LOG_LEVEL: 'silent' }));
  await app.listen({ port, host: '127.0.0.1' });
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}` })}`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
