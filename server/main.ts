/**
 * `npm start`: builds the browser app if it is missing (not in production: the deploy builds it),
 * opens the database (the embedded PostgreSQL in DATA_DIR by default), seeds the demo on first start, serves
 * everything on one port. SIGTERM drains (server.ts `shutdown`); Ctrl-C stops without the drain
 * delay; both bounded by SHUTDOWN_TIMEOUT_SECONDS. Logs are readable lines on a terminal, JSON otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn } from 'node:child_process';
import closeWithGrace from 'close-with-grace';
import pinoPretty from 'pino-pretty';
import { loadConfig, type Config } from './config';
import { createServer } from './server';
import { PROJECT_ROOT } from './version';
import { refuseOldPglite } from './db';
import { seedDemo, DEMO_ENTERPRISES } from './demo';
import { seedDemoBureau } from './sandbox/etax';

const root = PROJECT_ROOT;
const h5Dir = path.join(root, 'dist', 'h5');

/** OPS_TOKEN and CREDENTIAL_KEY when unset: generated once and kept in DATA_DIR. */
function localSecrets(config: Config, dataDir: string) {
  const file = path.join(dataDir, 'secrets.json');
  const saved = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { opsToken?: string; credentialKey?: string })
    : {};
  const opsToken = config.OPS_TOKEN ?? saved.opsToken ?? crypto.randomBytes(24).toString('base64url');
  const credentialKey = config.CREDENTIAL_KEY ?? saved.credentialKey ?? crypto.randomBytes(32).toString('base64');
  if (!config.OPS_TOKEN || !config.CREDENTIAL_KEY) {
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...saved,
        opsToken: saved.opsToken ?? opsToken,
        credentialKey: saved.credentialKey ?? credentialKey,
      }),
      { mode: 0o600 },
    );
  }
  return { opsToken, credentialKey: Buffer.from(credentialKey, 'base64') };
}

/** The first start builds the browser app: it takes minutes, so say so and show that it moves. */
async function ensureBrowserBuild() {
  if (fs.existsSync(path.join(h5Dir, 'index.html'))) return;
  if (process.env.NODE_ENV === 'production') {
    console.log('dist/h5 is missing: the browser app is not served (npm run build:h5).');
    return;
  }
  console.log('首次启动：正在构建浏览器版，通常需要 3–5 分钟（2 核机器上可能更久），完成后自动启动…');
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const ticker = setInterval(() => console.log(`  构建中…已用 ${seconds()} 秒`), 20_000);
  // The build's own progress output is shown only when it fails.
  const output: Buffer[] = [];
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['taro', 'build', '--type', 'h5'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_API: '' },
    });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject).on('exit', resolve);
  }).finally(() => clearInterval(ticker));
  if (status !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new Error('The browser build failed (npm run build:h5).');
  }
  console.log(`浏览器版构建完成，用时 ${seconds()} 秒`);
}

async function main() {
  const config = loadConfig(process.env);
  const dataDir = path.resolve(config.DATA_DIR);
  if (!config.DATABASE_URL) refuseOldPglite(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  await ensureBrowserBuild();
  const { opsToken, credentialKey } = localSecrets(config, dataDir);
  // A person at a terminal reads lines; a log collector gets one JSON object a line.
  const logStream = process.stdout.isTTY
    ? pinoPretty({
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,service,version',
      })
    : undefined;
  const server = await createServer({ config, credentialKey, opsToken, dataDir, staticDir: h5Dir, logStream });
  // Demo data is for trying the app against the sandboxes: a real deployment starts empty.
  const demo = config.sandbox ? await seedDemo(server.ctx.db, dataDir) : null;
  const bureauPeople = server.sandboxes ? seedDemoBureau(server.sandboxes.etaxStore, DEMO_ENTERPRISES) : [];
  await server.app.listen({ port: config.PORT, host: config.HOST });
  try {
    // Every message's fields must exist in the account's own templates before anything is sent.
    await server.checkTemplates();
  } catch (e) {
    server.app.log.error(e instanceof Error ? e.message : String(e));
    await server.shutdown();
    throw e;
  }

  const lines = [
    '',
    `发票云 · 电子税局配置 is running at ${config.publicUrl}/`,
    `  database:        ${server.ctx.database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${path.join(dataDir, 'postgres')}`}`,
    `  operator token:  ${opsToken}`,
    `  API docs:        ${config.publicUrl}/docs (OpenAPI 3.1: ${config.publicUrl}/openapi.json)`,
  ];
  if (demo) {
    lines.push(`  demo tenant:     ${demo.tenantName}, activation code ${demo.activationCode}`);
    for (const e of demo.enterprises) lines.push(`    ${e.name}  ${e.taxId}  ${e.region}`);
  }
  if (bureauPeople.length) {
    // 证件号码 too: 重置税局密码 asks for it, and the phone page shows it masked (issue 12).
    lines.push('  e-tax sandbox accounts (电子税局账号 / 密码, 证件号码):');
    for (const p of bureauPeople) {
      const how = p.loginType === 'manual' ? '人工登录' : p.loginType === 'huameng' ? '华盟托管号码' : '企享云办税小号';
      lines.push(
        `    ${p.enterpriseName} ${p.role} ${p.name}: ${p.account} / ${p.passwordCurrent ? p.password : '(已在沙箱修改)'}  ${how}  证件号码 ${p.idNumber}`,
      );
    }
  }
  if (config.sandbox) {
    lines.push(`  try it:          ${config.publicUrl}/?wxuser=张三`);
    lines.push(`  phone (SMS/QR):  ${config.publicUrl}/sandbox/etax/control/`);
  }
  lines.push('Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));

  // Past the delay close-with-grace exits with code 1 whatever is still running.
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_SECONDS * 1000 }, async ({ signal, err }) => {
    if (err) server.app.log.error({ err }, 'stopping after an unhandled error');
    server.app.log.info({ signal }, 'stopping');
    await server.shutdown({ drainMs: signal === 'SIGTERM' ? config.SHUTDOWN_DRAIN_SECONDS * 1000 : 0 });
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
