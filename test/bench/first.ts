/**
 * `npm run bench -- first` (issue 9 #5, #6): the first screen and the main package, each beside a Taro
 * hello-world built with the same Taro and config/ (hello-world.ts).
 *  - H5, cold (new browser profile: no cache, no stored token), in Chromium: the product until 个人中心
 *    shows a member's enterprise (sign-in and data included) against the hello-world until its text
 *    shows; first contentful paint of both; medians of RUNS. On loopback, and with a slow network
 *    (Chromium's network emulation) where each round trip counts.
 *  - weapp: the main package's bytes (counted as WeChat packs them) against the hello-world's.
 * The product's builds are reused from dist/ when present (BENCH_REBUILD=1 builds them again).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { signInAs, startTestServer, uniqueUser } from '../support/server';
import { makeTaxId } from '../support/factories';
import { readAppJson } from '../support/weapp-host';
import { KB, packageSizes } from '../weapp/sizes';
import { HELLO_TEXT, helloWorldBuild } from './hello-world';
import { ROOT } from './procs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Chromium's network emulation: none (loopback), or a slow mobile link where round trips cost. */
const NETWORKS = [
  { name: 'loopback', conditions: null },
  {
    name: 'slow 4G (150 ms RTT, 1.6 Mbit/s)',
    conditions: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 90_000 },
  },
] as const;

type Network = (typeof NETWORKS)[number];

interface Shot {
  /** First contentful paint (ms since navigation start). */
  fcp: number;
  /** The awaited text is in the DOM (ms since navigation start). */
  shown: number;
  /** Bytes received (encoded, as sent). */
  bytes: number;
  requests: number;
}

function productBuild(type: 'h5' | 'weapp'): string {
  const dir = path.join(ROOT, 'dist', type);
  const marker = path.join(dir, type === 'h5' ? 'index.html' : 'app.json');
  if (process.env.BENCH_REBUILD || !fs.existsSync(marker)) {
    console.log(`building the product (${type}) …`);
    const built = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', type], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', TARO_APP_API: type === 'h5' ? '' : process.env.TARO_APP_API },
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`product ${type} build failed:\n${built.stdout}\n${built.stderr}`);
  } else {
    console.log(`product ${type} build reused: ${dir} (${fs.statSync(marker).mtime.toISOString()})`);
  }
  return dir;
}

/** The hello-world's H5 build, served as the product serves its own (preCompressed, same cache headers). */
async function serveHelloWorld(dir: string) {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, {
    root: dir,
    preCompressed: true,
    setHeaders(res, file) {
      res.header('cache-control', file.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => app.close() };
}

/** One cold load in a fresh profile: when `text` first appears in the DOM, and the first contentful paint. */
async function coldLoad(browser: Browser, url: string, text: string, network: Network): Promise<Shot> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    // A string, not a function: tsx would wrap a function's inner closures in a helper the page lacks.
    await page.addInitScript(`(() => {
      const awaited = ${JSON.stringify(text)};
      const observer = new MutationObserver(() => {
        if (window.__shownAt === undefined && document.body && document.body.textContent.includes(awaited)) {
          window.__shownAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    })();`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (network.conditions) await cdp.send('Network.emulateNetworkConditions', network.conditions);
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests += 1;
    });
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __shownAt?: number }).__shownAt !== undefined, null, {
      timeout: 60_000,
      polling: 50,
    });
    const { shown, fcp } = await page.evaluate(() => ({
      shown: (window as unknown as { __shownAt: number }).__shownAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    return { fcp, shown, bytes, requests };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n');
}

async function firstScreen(): Promise<void> {
  const productDir = productBuild('h5');
  const helloDir = helloWorldBuild('h5');
  const hello = await serveHelloWorld(helloDir);
  const server = await startTestServer({ staticDir: productDir });
  let browser: Browser | undefined;
  try {
    // A member of one tenant with one enterprise: 个人中心 has data to show once signed in.
    const tenant = await server.ops('POST', '/ops/v1/tenants', { name: '首屏测试租户' });
    const enterpriseName = `首屏测试${makeTaxId().slice(-6)}有限公司`;
    await server.ops('POST', `/ops/v1/tenants/${tenant.body.id}/enterprises`, {
      name: enterpriseName,
      taxId: makeTaxId(),
      region: '新疆',
    });
    const user = uniqueUser('first');
    const token = await signInAs(server, user);
    const joined = await server.call('POST', '/api/v1/me/tenants', {
      token,
      body: { activationCode: tenant.body.activationCode },
    });
    if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);

    browser = await launchBrowser();
    const productUrl = `${server.url}/?wxuser=${encodeURIComponent(user)}`;
    // One untimed load each, so both start from the same state of the machine's file cache.
    await coldLoad(browser, hello.url, HELLO_TEXT, NETWORKS[0]);
    await coldLoad(browser, productUrl, enterpriseName, NETWORKS[0]);

    const rows = [['H5 cold first screen', 'network', 'FCP ms', 'shown ms', 'requests', 'KB sent', 'ratio']];
    for (const network of NETWORKS) {
      const helloShots: Shot[] = [];
      const productShots: Shot[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternated, so a passing load on the machine falls on both alike.
        helloShots.push(await coldLoad(browser, hello.url, HELLO_TEXT, network));
        productShots.push(await coldLoad(browser, productUrl, enterpriseName, network));
      }
      const h = median(helloShots.map((s) => s.shown));
      const row = (name: string, shots: Shot[]) => {
        const shown = median(shots.map((s) => s.shown));
        return [
          name,
          network.name,
          median(shots.map((s) => s.fcp)).toFixed(0),
          shown.toFixed(0),
          String(median(shots.map((s) => s.requests))),
          (median(shots.map((s) => s.bytes)) / KB).toFixed(1),
          `${(shown / h).toFixed(2)}×`,
        ];
      };
      rows.push(row('hello-world (text shown)', helloShots), row('product (个人中心 with data)', productShots));
    }
    console.log(`\n${table(rows)}`);
    console.log(
      `medians of ${RUNS}; target: product ≤ 1.2 × hello-world; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await browser?.close();
    await server.close();
    await hello.close();
  }
}

function mainPackage(): void {
  const productDir = productBuild('weapp');
  const helloDir = helloWorldBuild('weapp');
  const [product] = packageSizes(productDir, readAppJson(productDir));
  const [hello] = packageSizes(helloDir, readAppJson(helloDir));
  console.log(
    `\n${table([
      ['weapp main package', 'files', 'bytes', 'KB', 'ratio'],
      ['hello-world', String(hello.files), String(hello.bytes), (hello.bytes / KB).toFixed(1), '1.00×'],
      [
        'product',
        String(product.files),
        String(product.bytes),
        (product.bytes / KB).toFixed(1),
        `${(product.bytes / hello.bytes).toFixed(2)}×`,
      ],
    ])}`,
  );
  console.log('target: product ≤ 1.1 × hello-world');
}

export async function firstBench(): Promise<void> {
  console.log(
    `== first screen and main package (issue 9 #5, #6); load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  mainPackage();
  await firstScreen();
}
