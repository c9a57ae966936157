#!/usr/bin/env node
/**
 * Several instances behind nginx on this machine, as a deployment runs them:
 *   npm run build:server && npm run build:h5
 *   cp deploy/instance.env.example deploy/instance.env   # fill in CREDENTIAL_KEY, OPS_TOKEN …
 *   npx node deploy/local.mjs [--instances 2] [--port 8080]   # Node 24 of node_modules
 * Each instance is the compiled server (dist/server/main.js) on its own loopback port and data
 * folder (.data/deploy/instance-N), with the shared environment of deploy/instance.env; nginx
 * (Debian's /usr/sbin/nginx) listens on --port in front of them. With SANDBOX on (the default), the
 * sandboxes run as a process of their own (dist/server/sandboxes.js, .data/deploy/sandboxes): every
 * instance's adapters and nginx's /sandbox/ reach it, so no instance's restart takes them away.
 * SIGHUP restarts the instances one at a time (each stops gracefully, the next waits until it is
 * ready again); Ctrl-C stops everything.
 * Tests import startCluster().
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/** KEY=value lines (comments and blanks skipped). */
export function readEnvFile(file) {
  const env = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) env[m[1]] = m[2];
  }
  return env;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url, child, timeoutMs, output) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url} exited (${child.exitCode}) at start:\n${output()}`);
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} not ready within ${timeoutMs} ms:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * A compiled process of dist/server (an instance or the sandboxes) on its loopback port, with its
 * output kept (and passed to `log`): start waits until `readyPath` answers 200; stop is SIGTERM.
 */
function processNode({ name, script, port, readyPath, env, log }) {
  const node = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    child: undefined,
    lines: [],
    async start() {
      fs.mkdirSync(env.DATA_DIR, { recursive: true });
      const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server', script)], {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production', ...env, PORT: String(port), HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      node.child = child;
      const keep = (chunk) => {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          node.lines.push(line);
          if (node.lines.length > 2000) node.lines.shift();
          log?.(`[${name}] ${line}`);
        }
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      node.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
      await waitReady(node.url + readyPath, child, 120_000, () => node.lines.join('\n'));
    },
    /** SIGTERM and wait: the process drains and exits on its own. Resolves to its exit code. */
    async stop() {
      if (!node.child || node.child.exitCode !== null) return node.child?.exitCode ?? 0;
      node.child.kill('SIGTERM');
      return node.exited;
    },
    async restart() {
      const code = await node.stop();
      await node.start();
      return code;
    },
  };
  return node;
}

/**
 * Starts `instances` copies of the compiled server (and, SANDBOX on, the sandboxes' process) and
 * nginx in front.
 * @param {{ env: Record<string,string>, instances?: number, port?: number, dir?: string, log?: (line: string) => void }} opts
 *   env: the shared environment (deploy/instance.env); dir: nginx's and the instances' folder.
 */
export async function startCluster({ env, instances = 2, port, dir = path.join(ROOT, '.data', 'deploy'), log }) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'server', 'main.js'))) {
    throw new Error('dist/server/main.js is missing: run npm run build:server first.');
  }
  if (env.SANDBOX !== 'off' && !fs.existsSync(path.join(ROOT, 'dist', 'server', 'sandboxes.js'))) {
    throw new Error('dist/server/sandboxes.js is missing: run npm run build:server again.');
  }
  if (!fs.existsSync(NGINX)) {
    throw new Error(`nginx is not installed at ${NGINX}: apt-get install -y nginx (or set NGINX to its path).`);
  }
  for (const key of ['DATABASE_URL', 'CREDENTIAL_KEY', 'OPS_TOKEN']) {
    if (!env[key]) throw new Error(`${key} is not set (deploy/instance.env): every instance needs the same one.`);
  }
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const ports = [];
  for (let i = 0; i < instances; i++) ports.push(await freePort());

  // One simulated WeChat and tax bureau for the whole deployment (SANDBOX on): its own process.
  const sandboxes =
    env.SANDBOX === 'off'
      ? undefined
      : processNode({
          name: 'sandboxes',
          script: 'sandboxes.js',
          port: await freePort(),
          readyPath: '/healthz',
          env: { ...env, DATA_DIR: path.join(dir, 'sandboxes') },
          log,
        });
  const nodes = ports.map((instancePort, i) =>
    processNode({
      name: `instance-${i + 1}`,
      script: 'main.js',
      port: instancePort,
      readyPath: '/readyz',
      env: {
        PUBLIC_URL: url,
        ...env,
        DATA_DIR: path.join(dir, `instance-${i + 1}`),
        WECHAT_API_BASE: env.WECHAT_API_BASE ?? (sandboxes ? `${sandboxes.url}/sandbox/wechat` : ''),
        ETAX_API_BASE: env.ETAX_API_BASE ?? (sandboxes ? `${sandboxes.url}/sandbox/etax/api` : ''),
      },
      log,
    }),
  );

  if (sandboxes) await sandboxes.start();
  // Instances start together: they share one database and migrate once (advisory lock).
  await Promise.all(nodes.map((n) => n.start()));

  const config = fs
    .readFileSync(path.join(ROOT, 'deploy', 'nginx.conf.template'), 'utf8')
    .replaceAll('{{DIR}}', dir)
    .replaceAll('{{LISTEN}}', `127.0.0.1:${listenPort}`)
    .replace('{{UPSTREAMS}}', ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n'))
    // SANDBOX=off: no sandboxes anywhere; the instances answer /sandbox/ with 404.
    .replace('{{SANDBOX_UPSTREAM}}', `    server 127.0.0.1:${sandboxes?.port ?? ports[0]};`);
  const confFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(confFile, config);
  const nginx = spawn(NGINX, ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', confFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const nginxOut = [];
  nginx.stderr.on('data', (c) => nginxOut.push(c.toString('utf8')));
  const nginxExited = new Promise((resolve) => nginx.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${nginxOut.join('')}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx not answering on ${url}: ${nginxOut.join('')}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url,
    instances: nodes,
    sandboxes,
    /** One at a time: stop (graceful), start, wait until ready, let nginx see it again, next. */
    async rollingRestart() {
      const codes = [];
      for (const node of nodes) {
        codes.push(await node.restart());
        await new Promise((r) => setTimeout(r, 2500)); // past nginx's fail_timeout for the restarted one
      }
      return codes;
    },
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      await sandboxes?.stop();
      if (nginx.exitCode === null) {
        nginx.kill('SIGQUIT'); // nginx's graceful stop
        await nginxExited;
      }
    },
  };
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const envFile = arg('--env', path.join(ROOT, 'deploy', 'instance.env'));
  if (!fs.existsSync(envFile)) {
    console.error(
      `${path.relative(process.cwd(), envFile)} is missing: copy deploy/instance.env.example and fill it in.`,
    );
    process.exit(1);
  }
  const env = readEnvFile(envFile);
  const port = Number(arg('--port', new URL(env.PUBLIC_URL ?? 'http://127.0.0.1:8080').port || 8080));
  const cluster = await startCluster({
    env,
    instances: Number(arg('--instances', 2)),
    port,
    log: (line) => console.log(line),
  });
  console.log(
    `\n${cluster.instances.length} instances behind nginx at ${cluster.url}/` +
      (cluster.sandboxes ? `, the sandboxes at ${cluster.sandboxes.url}/sandbox/` : '') +
      `\nkill -HUP ${process.pid}: rolling restart; Ctrl-C: stop\n`,
  );
  let busy = false;
  process.on('SIGHUP', async () => {
    if (busy) return;
    busy = true;
    console.log('rolling restart…');
    await cluster.rollingRestart();
    console.log('rolling restart done');
    busy = false;
  });
  const stop = async () => {
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
