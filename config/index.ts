import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type Chain from 'webpack-chain';
import CompressionPlugin from 'compression-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';

/** Weapp and H5 each get their own folder: a build wipes its outputRoot (TOOLCHAIN.md). */
const isH5 = process.env.TARO_ENV === 'h5';
const outputRoot = isH5 ? 'dist/h5' : 'dist/weapp';

/**
 * The app API origin. Only TARO_APP_* variables reach the client. The browser build is served by
 * our own server, so same origin ('') is right; WeChat needs an absolute URL.
 */
const apiBase = process.env.TARO_APP_API ?? (isH5 ? '' : 'http://127.0.0.1:3000');

/** The engines of the weapp's minimum base library (weapp-targets.js); read by weapp builds only. */
const weappBrowsers: string[] = isH5 ? [] : require('./weapp-targets');

/** types/ is shared with the server; compile it like src/ so the app can import its constants. */
const compile = { include: [path.resolve(__dirname, '..', 'types')] };

/** Licence comments stay in the bundles instead of loose *.LICENSE.txt files in the package. */
function keepLicenceCommentsInline(chain: Chain) {
  // Taro adds its minimizers in production builds only.
  if (process.env.NODE_ENV !== 'production') return;
  chain.optimization.minimizer('terserPlugin').tap((args) => [{ ...args[0], extractComments: false }]);
}

/**
 * The browser build ships each text asset also brotli- and gzip-compressed (file.br, file.gz), once at
 * build time; the server sends the one the browser accepts (@fastify/static preCompressed).
 */
function precompress(chain: Chain) {
  if (process.env.NODE_ENV !== 'production') return;
  const test = /\.(js|css|html|svg|json)$/;
  chain
    .plugin('brotli')
    .use(CompressionPlugin, [
      { algorithm: 'brotliCompress', filename: '[path][base].br', test, threshold: 1024, minRatio: 0.9 },
    ]);
  chain
    .plugin('gzip')
    .use(CompressionPlugin, [{ algorithm: 'gzip', filename: '[path][base].gz', test, threshold: 1024, minRatio: 0.9 }]);
}

/**
 * Browser build: src/boot.ts is a script of its own, a few KB, loaded `async` ahead of the app's: it
 * starts the sign-in while the app's script is still on its way (services/headStart.ts). It has its
 * own webpack runtime and shares no chunk with the app, so it runs alone the moment it arrives. The
 * Taro hello-world the bench compares with builds with this config and has no boot.ts.
 */
const bootEntry = path.resolve(__dirname, '..', 'src', 'boot.ts');

function headStart(chain: Chain) {
  if (!fs.existsSync(bootEntry)) return;
  chain.entry('boot').add(bootEntry);
  chain.optimization.splitChunks({
    ...chain.optimization.get('splitChunks'),
    chunks: (chunk: { name?: string | null }) => chunk.name !== 'boot',
  });
  chain.plugin('bootScriptFirst').use(BootScriptFirst);
}

interface ScriptTag {
  tagName: string;
  attributes: Record<string, string | boolean | undefined>;
}

/** Moves boot's script tag first in <head>, `async` instead of `defer`: it waits for nothing, not even the CSS. */
class BootScriptFirst {
  apply(compiler: {
    options: { plugins: unknown[] };
    hooks: { compilation: { tap(name: string, fn: (compilation: unknown) => void): void } };
  }) {
    type HtmlPlugin = {
      getHooks(compilation: unknown): {
        alterAssetTagGroups: {
          tap(name: string, fn: (data: { headTags: ScriptTag[] }) => { headTags: ScriptTag[] }): void;
        };
      };
    };
    // Taro's own html-webpack-plugin, found among the plugins rather than imported: the same copy.
    const html = compiler.options.plugins
      .map((plugin) => (plugin as { constructor?: unknown } | null)?.constructor as Partial<HtmlPlugin> | undefined)
      .find((plugin) => typeof plugin?.getHooks === 'function') as HtmlPlugin | undefined;
    if (!html) throw new Error('BootScriptFirst: no html-webpack-plugin in the H5 build');
    compiler.hooks.compilation.tap('BootScriptFirst', (compilation) => {
      html.getHooks(compilation).alterAssetTagGroups.tap('BootScriptFirst', (data) => {
        const at = data.headTags.findIndex(
          (tag) => tag.tagName === 'script' && /\/boot\.[^/]*\.js$/.test(String(tag.attributes.src)),
        );
        if (at < 0) throw new Error('BootScriptFirst: no boot script in index.html');
        const [boot] = data.headTags.splice(at, 1);
        boot.attributes = { ...boot.attributes, defer: false, async: true };
        data.headTags.unshift(boot);
        return data;
      });
    });
  }
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'fapiaoyun-etax-config',
    date: '2025-11-22',
    // Styles are written in WeUI's px; pxtransform is off below, so this only matters for Taro's defaults.
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    // WeChat's sitemap (which pages its search may index) sits beside app.json in the weapp build.
    copy: { patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: `${outputRoot}/sitemap.json` }], options: {} },
    env: { TARO_APP_API: JSON.stringify(apiBase) },
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    framework: 'react',
    compiler: 'webpack5',
    // Persistent cache for watch builds only: a stale cache once produced a broken production build.
    cache: { enable: process.env.NODE_ENV === 'development' },
    mini: {
      compile,
      // Taro moves what only subpackages use out of the main package and into each of them: our own
      // small shared modules may be copied so, but a library must be shipped once (in the main
      // package's vendors), not once per subpackage.
      optimizeMainPackage: {
        enable: true,
        exclude: [(module: { resource?: string }) => /[\\/]node_modules[\\/]/.test(module.resource ?? '')],
      },
      postcss: {
        // WeUI sizes are CSS px (17 px cells); rpx scaling would make them drift from WeChat's own pages.
        pxtransform: { enable: false, config: {} },
        // Prefixes for the minimum base library's engines, as babel.config.js compiles for them.
        autoprefixer: { enable: true, config: { overrideBrowserslist: weappBrowsers } },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        keepLicenceCommentsInline(chain);
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: { enable: false, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        // Taro's default ('initial') copies mobx and dayjs into every lazy page chunk.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' });
        headStart(chain);
        keepLicenceCommentsInline(chain);
        precompress(chain);
        // react-dom alone is over webpack's 244 KiB hint; the sizes are reported by the build tests instead.
        chain.performance.hints(false);
      },
    },
  };

  return process.env.NODE_ENV === 'development' ? merge({}, baseConfig, devConfig) : merge({}, baseConfig, prodConfig);
});
