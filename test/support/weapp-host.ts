/**
 * A headless host for the Taro weapp build (miniprogram-simulate cannot load Taro pages: they call
 * `Page()` with Taro's own config). It plays the part of WeChat's app service:
 *
 * - every host runs the build in its own `vm` context with its own module cache, so two hosts share
 *   no globals (mobx keeps its state on `globalThis`, Taro keeps the DOM in module scope);
 * - it defines the globals WeChat defines (`wx`, `App`, `Page`, `Component`, `Behavior`, `getApp`,
 *   `getCurrentPages`, `requirePlugin`, `__wxConfig`, timers, console) and nothing browser-like, so
 *   code that would break on a phone breaks here too;
 * - `setData` is recorded and applied to `data` with WeChat's path syntax (`root.cn.[0].cn.[2].v`);
 * - events go through the page's `eh` handler and bubble like WeChat's: only through elements whose
 *   template in `base.wxml` binds that event, stopping at a `catch` binding;
 * - `wx.request` answers from a route table the test programs; other APIs have phone-like defaults
 *   and every call is recorded in `calls`.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

// ---- Where the build is ---------------------------------------------------------------------------

export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[]; name?: string; independent?: boolean }[];
  subpackages?: AppJson['subPackages'];
  [key: string]: unknown;
}

/** The build folder: `WEAPP_DIR` if set, else `project.config.json`'s `miniprogramRoot`. */
export function weappDir(): string {
  let dir = process.env.WEAPP_DIR;
  if (!dir) {
    const configFile = path.join(REPO_ROOT, 'project.config.json');
    const root = fs.existsSync(configFile)
      ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as { miniprogramRoot?: string }).miniprogramRoot
      : undefined;
    dir = root ?? 'dist/weapp';
  }
  const abs = path.resolve(REPO_ROOT, dir);
  if (!fs.existsSync(path.join(abs, 'app.json')) || !fs.existsSync(path.join(abs, 'app.js'))) {
    throw new Error(`no weapp build in ${abs} (app.json/app.js missing): run npm run build:weapp first`);
  }
  return abs;
}

export function readAppJson(dir: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8')) as AppJson;
}

/** Every page route of app.json: main package first, then each subpackage's, prefixed by its root. */
export function allPages(app: AppJson): string[] {
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`))];
}

// ---- The data tree Taro renders -------------------------------------------------------------------

/** One node of Taro's `data.root` tree (`nn` template id, `cn` children, `v` text, `sid`/`uid` ids). */
export interface TaroNode {
  nn?: string | number;
  cn?: TaroNode[];
  v?: string;
  sid?: string;
  uid?: string;
  st?: string;
  cl?: string;
  [prop: string]: unknown;
}

function isHidden(node: TaroNode): boolean {
  return typeof node.st === 'string' && /display\s*:\s*none/.test(node.st);
}

/**
 * The visible text of a tree in document order: one entry per element that has text children, its
 * text nodes joined (React splits `点了 {n} 次` into three), whitespace collapsed, blanks dropped.
 */
export function visibleText(node: TaroNode | undefined): string[] {
  const out: string[] = [];
  const walk = (n: TaroNode): void => {
    if (isHidden(n)) return;
    const own = (n.cn ?? [])
      .filter((c) => typeof c.v === 'string')
      .map((c) => c.v)
      .join('');
    const text = own.replace(/\s+/g, ' ').trim();
    if (text) out.push(text);
    n.cn?.forEach(walk);
  };
  if (node) walk(node);
  return out;
}

/** Counts elements and the deepest nesting, for WeChat's audit limits (< 1000 nodes, depth < 30). */
export function treeStats(root: TaroNode | undefined): { nodes: number; depth: number } {
  let nodes = 0;
  let depth = 0;
  const walk = (n: TaroNode, d: number): void => {
    nodes++;
    depth = Math.max(depth, d);
    n.cn?.forEach((c) => walk(c, d + 1));
  };
  root?.cn?.forEach((c) => walk(c, 1));
  return { nodes, depth };
}

// ---- Layout: a stand-in for WeChat's, for code that measures where things are ------------------------

/** One run of text; an element is this high per line of text it holds directly. */
export const LINE_HEIGHT = 20;

export interface LayoutBox {
  /** From the page's top (px). */
  top: number;
  height: number;
}

/**
 * Lays the tree out as blocks stacked top to bottom: an element's own text is one line, an element
 * whose style says `height: Npx` is that high, a hidden one takes no room. Coarse — no widths, no
 * wrapping — but what is above what, and how tall each part is, follow the tree as WeChat's would,
 * which is what windowing code measures.
 */
export function layout(root: TaroNode | undefined): { boxes: Map<TaroNode, LayoutBox>; height: number } {
  const boxes = new Map<TaroNode, LayoutBox>();
  const place = (n: TaroNode, top: number): number => {
    let y = top;
    if (!isHidden(n)) {
      const children = n.cn ?? [];
      if (children.some((c) => typeof c.v === 'string' && c.v.trim() !== '')) y += LINE_HEIGHT;
      for (const c of children) if (typeof c.v !== 'string') y += place(c, y);
    }
    const fixed = typeof n.st === 'string' && !isHidden(n) ? /(?:^|;)\s*height\s*:\s*([\d.]+)px/.exec(n.st) : null;
    const height = fixed ? Number(fixed[1]) : y - top;
    boxes.set(n, { top, height });
    return height;
  };
  let height = 0;
  for (const c of root?.cn ?? []) height += place(c, height);
  return { boxes, height };
}

/** The elements a selector names: `#id`, `.class`, or a comma-separated list of these. */
function selectNodes(root: TaroNode | undefined, selector: string): TaroNode[] {
  const tests = selector.split(',').map((part) => {
    const one = part.trim();
    const m = /^([#.])([\w-]+)$/.exec(one);
    if (!m) throw new Error(`the headless host's selector query understands #id and .class, not "${one}"`);
    return m[1] === '#'
      ? (n: TaroNode) => n.uid === m[2]
      : (n: TaroNode) => typeof n.cl === 'string' && n.cl.split(/\s+/).includes(m[2]);
  });
  const out: TaroNode[] = [];
  const walk = (n: TaroNode): void => {
    if (n.sid && tests.some((t) => t(n))) out.push(n);
    n.cn?.forEach(walk);
  };
  root?.cn?.forEach(walk);
  return out;
}

/** Applies one setData key (`a.b[0].c`, `root.cn.[0].v`) to `target`, creating what is missing. */
export function applyDataPath(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
  make: (kind: 'array' | 'object') => object = (k) => (k === 'array' ? [] : {}),
): void {
  const tokens = [...key.matchAll(/\[(\d+)\]|[^.[\]]+/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[0]));
  let cur = target as Record<string | number, unknown>;
  tokens.forEach((token, i) => {
    if (i === tokens.length - 1) {
      cur[token] = value;
      return;
    }
    let next = cur[token];
    if (next === null || typeof next !== 'object') {
      next = make(typeof tokens[i + 1] === 'number' ? 'array' : 'object');
      cur[token] = next;
    }
    cur = next as Record<string | number, unknown>;
  });
}

// ---- What each node type is, from Taro's templates in base.wxml -----------------------------------

type Binding = 'bind' | 'catch';
const BUBBLING = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel']);

/** A node type (`nn`): its WXML tag, the events its template binds, and its short props (`p13` → placeholder). */
export interface NodeTemplate {
  tag: string;
  events: Map<string, Binding>;
  props: Map<string, string>;
}

function readTemplates(dir: string): Map<string, NodeTemplate> {
  const byNn = new Map<string, NodeTemplate>();
  const file = path.join(dir, 'base.wxml');
  if (!fs.existsSync(file)) return byNn;
  const wxml = fs.readFileSync(file, 'utf8');
  // `tmpl_0_<nn>` (and `tmpl_0_<nn>_focus|blur` for inputs): the first element and its attributes.
  for (const m of wxml.matchAll(/<template name="tmpl_0_([^"_]+)(?:_\w+)?">\s*<([\w-]+)([^>]*)>/g)) {
    const t = byNn.get(m[1]) ?? { tag: m[2], events: new Map<string, Binding>(), props: new Map<string, string>() };
    if (t.tag === 'template') t.tag = m[2];
    for (const b of m[3].matchAll(/\b(bind|catch):?(\w+)="eh"/g)) t.events.set(b[2], b[1] as Binding);
    for (const a of m[3].matchAll(/([\w-]+)="\{\{(?:xs\.b\()?i\.(p\d+)\b/g)) t.props.set(a[2], a[1]);
    byNn.set(m[1], t);
  }
  return byNn;
}

// ---- Script cache shared by all hosts (compiling taro.js is the slow part; running is per host) -----

const scripts = new Map<string, { key: string; script: vm.Script }>();
function compiled(file: string): vm.Script {
  const stat = fs.statSync(file);
  const key = `${stat.mtimeMs}:${stat.size}`;
  const hit = scripts.get(file);
  if (hit?.key === key) return hit.script;
  const source = fs.readFileSync(file, 'utf8');
  const script = new vm.Script(`(function (require, module, exports) {${source}\n})`, { filename: file });
  scripts.set(file, { key, script });
  return script;
}

// ---- The host -----------------------------------------------------------------------------------

export interface RouteReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Make the request fail like a network error (`fail` callback with this errMsg). */
  fail?: string;
}
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  header: Record<string, string>;
  data: unknown;
}
/** Key: `METHOD /path` (matches when the URL's path ends with it) or a full URL. */
export type Routes = Record<string, RouteReply | ((req: RecordedRequest) => RouteReply | Promise<RouteReply>)>;

export interface HostOptions {
  dir?: string;
  routes?: Routes;
  /** What `wx.login` returns as code; a function is called per login. */
  loginCode?: string | (() => string);
  /** The answer to `wx.showModal`; default: the user confirms. */
  modal?: (opts: Record<string, unknown>) => { confirm: boolean; content?: string };
  storage?: Record<string, unknown>;
  /** Delay of every fake network answer. */
  latencyMs?: number;
  /** Echo the app's console to stderr. */
  verbose?: boolean;
}

export interface SetDataCall {
  route: string;
  payload: Record<string, unknown>;
  bytes: number;
}

type Fn = (...args: unknown[]) => unknown;
type Obj = Record<string, unknown>;
interface PageInstance extends Obj {
  route: string;
  data: Obj;
  options: Record<string, string>;
}

const SHORT_TIMER_MS = 100;
/** The phone's window (iPhone 13, below the navigation bar). */
const WINDOW = { width: 390, height: 750 };
/** WeChat's default onReachBottomDistance. */
const REACH_BOTTOM_PX = 50;
const noop = (): void => undefined;

export class WeappHost {
  readonly dir: string;
  readonly appJson: AppJson;
  readonly requests: RecordedRequest[] = [];
  readonly unmatched: RecordedRequest[] = [];
  readonly calls: { api: string; arg: unknown }[] = [];
  readonly setDataCalls: SetDataCall[] = [];
  readonly errors: unknown[] = [];
  readonly logs: { level: string; text: string }[] = [];
  readonly stack: PageInstance[] = [];
  app: Obj | undefined;

  private readonly opts: HostOptions;
  private readonly context: vm.Context;
  private readonly ctxJson: JSON;
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly pageConfigs = new Map<string, Obj>();
  /** Node types of this build, by `nn`. */
  readonly templates: Map<string, NodeTemplate>;
  private readonly timers = new Map<number, { handle: NodeJS.Timeout; short: boolean; repeat: boolean }>();
  private readonly storage = new Map<string, string>();
  private readonly scrollTops = new WeakMap<PageInstance, number>();
  private timerSeq = 0;
  private inflight = 0;
  private pageSeq = 0;
  private loadingRoute = '';
  private disposed = false;

  // The app's promises reject into this process: while hosts are alive, their unhandled rejections are
  // recorded in `errors` (WeChat would report them to onUnhandledRejection) instead of killing the run.
  private static readonly live = new Set<WeappHost>();
  private static readonly onRejection = (reason: unknown): void => {
    for (const host of WeappHost.live) host.errors.push(reason);
  };

  constructor(opts: HostOptions = {}) {
    if (WeappHost.live.size === 0) process.on('unhandledRejection', WeappHost.onRejection);
    WeappHost.live.add(this);
    this.opts = opts;
    this.dir = opts.dir ?? weappDir();
    this.appJson = readAppJson(this.dir);
    this.templates = readTemplates(this.dir);
    for (const [k, v] of Object.entries(opts.storage ?? {})) this.storage.set(k, JSON.stringify(v));
    this.context = vm.createContext(this.globals());
    // Builtins live on the context's inner global, not on the sandbox object.
    this.ctxJson = vm.runInContext('JSON', this.context) as JSON;
    const appid = readAppid(this.dir);
    this.context.__wxConfig = this.toContext({
      ...this.appJson,
      envVersion: 'develop',
      platform: 'devtools',
      accountInfo: { appId: appid },
    });
  }

  /**
   * A cold start: loads app.js, runs App's onLaunch and onShow, then (like WeChat, before any network
   * answer arrives) opens `entry` if given, and waits until everything has settled.
   */
  static async launch(opts: HostOptions = {}, entry?: string): Promise<WeappHost> {
    const host = new WeappHost(opts);
    try {
      host.require(host.file('app.js'), 'app.js');
      if (!host.app) throw new Error('app.js did not call App()');
      const [route = host.appJson.pages[0], search = ''] = (entry ?? '').replace(/^\//, '').split('?');
      const launch = {
        path: route,
        query: Object.fromEntries(new URLSearchParams(search)),
        scene: 1001,
        referrerInfo: {},
      };
      host.callHook(host.app, 'onLaunch', host.toContext(launch));
      host.callHook(host.app, 'onShow', host.toContext(launch));
      if (entry) host.push(entry);
      await host.settle();
      return host;
    } catch (error) {
      host.dispose();
      throw error;
    }
  }

  /** Opens a page like `wx.navigateTo` (`route?query`) and waits until it has rendered. */
  async open(url: string): Promise<PageHandle> {
    const page = this.push(url);
    await this.settle();
    return new PageHandle(this, page);
  }

  /** The user goes back (`wx.navigateBack`), and the app settles. */
  async back(delta = 1): Promise<void> {
    this.pop(delta);
    await this.settle();
  }

  /** The page on top of the stack. */
  get current(): PageHandle {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return new PageHandle(this, top);
  }

  /** Waits until no short timer, network answer or render is pending. */
  async settle(maxMs = 5000): Promise<void> {
    const deadline = Date.now() + maxMs;
    let quietRounds = 0;
    while (quietRounds < 2) {
      await new Promise((r) => setTimeout(r, 1));
      const busy = this.inflight > 0 || [...this.timers.values()].some((t) => t.short && !t.repeat);
      quietRounds = busy ? 0 : quietRounds + 1;
      if (Date.now() > deadline) throw new Error(`the app did not settle within ${maxMs} ms`);
    }
  }

  /** The recorded errors as text (they may come from the app's realm, where `instanceof Error` fails). */
  errorText(): string {
    return this.errors
      .map((e) => (e && typeof e === 'object' && 'stack' in e ? String(e.stack) : String(e)))
      .join('\n');
  }

  callsTo(api: string): unknown[] {
    return this.calls.filter((c) => c.api === api).map((c) => c.arg);
  }

  dispose(): void {
    WeappHost.live.delete(this);
    if (WeappHost.live.size === 0) process.off('unhandledRejection', WeappHost.onRejection);
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t.handle);
    this.timers.clear();
  }

  // ---- pages ----

  /** Runs a page through onLoad, onShow and onReady; the previous top gets onHide. */
  private push(url: string): PageInstance {
    const [rawRoute, search = ''] = url.replace(/^\//, '').split('?');
    const route = rawRoute.replace(/\.js$/, '');
    if (!allPages(this.appJson).includes(route)) throw new Error(`page ${route} is not in app.json`);
    let config = this.pageConfigs.get(route);
    if (!config) {
      this.loadingRoute = route;
      try {
        this.require(this.file(`${route}.js`), `${route}.js`);
      } finally {
        this.loadingRoute = '';
      }
      config = this.pageConfigs.get(route);
      if (!config) throw new Error(`${route}.js did not call Page()`);
    }
    const previous = this.stack[this.stack.length - 1];
    if (previous) this.callHook(previous, 'onHide');
    const query = Object.fromEntries(new URLSearchParams(search));
    const page = this.instantiate(route, config, query);
    this.stack.push(page);
    this.callHook(page, 'onLoad', this.toContext(query));
    this.callHook(page, 'onShow');
    this.callHook(page, 'onReady');
    return page;
  }

  private pop(count: number): void {
    for (let i = 0; i < count && this.stack.length > 0; i++)
      this.callHook(this.stack.pop() as PageInstance, 'onUnload');
    const top = this.stack[this.stack.length - 1];
    if (top) this.callHook(top, 'onShow');
  }

  /** A page instance as WeChat makes it: the config's fields copied, `data` deep-copied. */
  private instantiate(route: string, config: Obj, query: Record<string, string>): PageInstance {
    const id = ++this.pageSeq;
    const page: PageInstance = {
      ...config,
      route,
      __route__: route,
      is: route,
      options: query,
      data: this.toContext(config.data ?? {}) as Obj,
    };
    const ctxJson = this.ctxJson;
    Object.assign(page, {
      __wxWebviewId__: id,
      getPageId: () => `pageId:${id}`,
      setData: (payload: Obj, cb?: Fn) => {
        if (this.disposed) return;
        const json = JSON.stringify(payload);
        this.setDataCalls.push({ route, payload: JSON.parse(json) as Obj, bytes: Buffer.byteLength(json) });
        const inContext = ctxJson.parse(json) as Obj;
        for (const key of Object.keys(inContext)) {
          applyDataPath(page.data, key, inContext[key], (k) => ctxJson.parse(k === 'array' ? '[]' : '{}') as object);
        }
        if (typeof cb === 'function') this.timer(() => cb.call(page), 0, false);
      },
      selectComponent: () => null,
      selectAllComponents: () => this.toContext([]),
      createSelectorQuery: () => ((this.context.wx as Obj).createSelectorQuery as Fn)(),
      getOpenerEventChannel: () => ({ emit: noop, on: noop, once: noop, off: noop }),
    });
    return page;
  }

  /** Delivers an event to `eh` along WeChat's bubbling path, starting at the node `id` (uid or sid). */
  dispatch(page: PageInstance, id: string, type: string, detail: Obj): void {
    const trail = findTrail(page.data.root as TaroNode, id);
    if (!trail) throw new Error(`no element with id ${id} on ${page.route}`);
    const target = trail[trail.length - 1];
    const targetRef = { id: target.uid ?? target.sid, dataset: { sid: target.sid } };
    let delivered = 0;
    for (let i = trail.length - 1; i >= 0; i--) {
      const node = trail[i];
      const binding = this.templates.get(String(node.nn))?.events.get(type);
      if (binding) {
        const currentTarget = { id: node.uid ?? node.sid, dataset: { sid: node.sid } };
        const event = {
          type,
          timeStamp: Date.now(),
          target: targetRef,
          currentTarget,
          detail,
          touches: [],
          changedTouches: [],
          mark: {},
          mut: false,
        };
        this.callHook(page, 'eh', this.toContext(event));
        delivered++;
        if (binding === 'catch') break;
      }
      if (!BUBBLING.has(type)) break;
    }
    if (delivered === 0) throw new Error(`no element on the path to ${id} listens to "${type}" on ${page.route}`);
  }

  // ---- modules and globals ----

  private file(rel: string): string {
    return path.join(this.dir, rel);
  }

  /** WeChat's `require`: paths relative to the requiring file (or to the root with `/`), `.js` optional. */
  private require(abs: string, request: string): unknown {
    const file = abs.endsWith('.js') ? abs : `${abs}.js`;
    if (!file.startsWith(this.dir + path.sep) || !fs.existsSync(file)) {
      throw new Error(`module "${request}" is not defined (resolved to ${file})`);
    }
    const cached = this.modules.get(file);
    if (cached) return cached.exports;
    const module = { exports: {} as unknown };
    this.modules.set(file, module);
    const localRequire = (spec: string): unknown =>
      this.require(spec.startsWith('/') ? path.join(this.dir, spec) : path.resolve(path.dirname(file), spec), spec);
    const fn = compiled(file).runInContext(this.context) as (...a: unknown[]) => void;
    fn.call(module.exports, localRequire, module, module.exports);
    return module.exports;
  }

  private callHook(target: Obj, name: string, ...args: unknown[]): void {
    const fn = target[name];
    if (typeof fn !== 'function') return;
    try {
      (fn as Fn).apply(target, args);
    } catch (error) {
      this.errors.push(error);
      throw error;
    }
  }

  /** Runs a page's lifecycle or page event (onReachBottom, onPullDownRefresh …) as WeChat would. */
  pageEvent(page: PageInstance, name: string, ...args: unknown[]): void {
    this.callHook(page, name, ...args);
  }

  /** How far the page is scrolled (px). */
  scrollTopOf(page: PageInstance): number {
    return this.scrollTops.get(page) ?? 0;
  }

  /** The page's height in the host's layout (px). */
  pageHeight(page: PageInstance): number {
    return layout(page.data.root as TaroNode | undefined).height;
  }

  /**
   * The user scrolls the page to `top` (kept within the page): onPageScroll, then onReachBottom when
   * the scroll comes within WeChat's 50 px of the bottom from above it.
   */
  scrollPage(page: PageInstance, top: number): void {
    const height = this.pageHeight(page);
    const max = Math.max(0, height - WINDOW.height);
    const to = Math.min(Math.max(0, Math.round(top)), max);
    const nearBottom = (at: number) => height - (at + WINDOW.height) <= REACH_BOTTOM_PX;
    const wasNear = nearBottom(this.scrollTopOf(page));
    this.scrollTops.set(page, to);
    this.callHook(page, 'onPageScroll', this.toContext({ scrollTop: to }));
    if (nearBottom(to) && !wasNear) this.callHook(page, 'onReachBottom');
  }

  /** A value built in the app's realm (mobx treats only its own realm's plain objects as plain). */
  toContext<T>(value: T): T {
    return this.ctxJson.parse(JSON.stringify(value ?? null)) as T;
  }

  private timer(fn: Fn, ms: unknown, repeat: boolean, args: unknown[] = []): number {
    const id = ++this.timerSeq;
    if (this.disposed) return id;
    const delay = Math.max(0, Number(ms) || 0);
    const run = (): void => {
      if (!repeat) this.timers.delete(id);
      if (this.disposed) return;
      try {
        fn(...args);
      } catch (error) {
        this.errors.push(error);
      }
    };
    const handle = repeat ? setInterval(run, delay) : setTimeout(run, delay);
    this.timers.set(id, { handle, short: delay <= SHORT_TIMER_MS, repeat });
    return id;
  }

  private clearTimer(id: unknown): void {
    const t = this.timers.get(Number(id));
    if (t) clearTimeout(t.handle);
    this.timers.delete(Number(id));
  }

  private globals(): Obj {
    const log =
      (level: string) =>
      (...args: unknown[]) => {
        const text = args.map((a) => (typeof a === 'string' ? a : safeString(a))).join(' ');
        this.logs.push({ level, text });
        if (this.opts.verbose) process.stderr.write(`[weapp ${level}] ${text}\n`);
      };
    return {
      console: {
        log: log('log'),
        info: log('info'),
        debug: log('debug'),
        warn: log('warn'),
        error: log('error'),
        group: noop,
        groupEnd: noop,
        time: noop,
        timeEnd: noop,
      },
      setTimeout: (fn: Fn, ms?: number, ...a: unknown[]) => this.timer(fn, ms, false, a),
      setInterval: (fn: Fn, ms?: number, ...a: unknown[]) => this.timer(fn, ms, true, a),
      clearTimeout: (id: unknown) => this.clearTimer(id),
      clearInterval: (id: unknown) => this.clearTimer(id),
      wx: this.wx(),
      App: (config: Obj) => {
        if (this.app) throw new Error('App() called twice');
        this.app = config;
      },
      Page: (config: Obj) => {
        if (!this.loadingRoute) throw new Error('Page() called outside a page file');
        this.pageConfigs.set(this.loadingRoute, config);
      },
      // Taro's custom wrapper and recursive `comp` components only exist under a real renderer.
      Component: (config: Obj) => config,
      Behavior: (config: Obj) => config,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      requirePlugin: (name: string) => {
        throw new Error(`plugin ${name} is not available headless`);
      },
    };
  }

  /** The `wx` fake: phone-like answers, programmable network, every call recorded. */
  private wx(): Obj {
    const later = (fn: () => void): void => void this.timer(fn, this.opts.latencyMs ?? 0, false);
    // An async API: `success` (or `fail` when the answer's errMsg says so) and `complete`, on a later tick.
    const async =
      (api: string, answer: (o: Obj) => Obj | Promise<Obj> = () => ({})) =>
      (o: Obj = {}): void => {
        this.inflight++;
        void Promise.resolve()
          .then(() => answer(o))
          .catch((e: unknown): Obj => ({ errMsg: `${api}:fail ${e instanceof Error ? e.message : String(e)}` }))
          .then((res: Obj) =>
            later(() => {
              this.inflight--;
              const out = this.toContext({ errMsg: `${api}:ok`, ...res });
              const failed = String(out.errMsg).includes(':fail');
              (failed ? (o.fail as Fn | undefined) : (o.success as Fn | undefined))?.(out);
              (o.complete as Fn | undefined)?.(out);
            }),
          );
      };
    const sync = (value: unknown) => () => this.toContext(value);
    const storage = this.storage;
    const appid = readAppid(this.dir);
    const launch = { path: this.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} };
    const info = {
      ...{
        brand: 'iPhone',
        model: 'iPhone 13',
        system: 'iOS 17.0',
        platform: 'ios',
        language: 'zh_CN',
        theme: 'light',
      },
      ...{ version: '8.0.50', SDKVersion: '3.7.0', pixelRatio: 3, statusBarHeight: 47 },
      ...{ screenWidth: 390, screenHeight: 844, windowWidth: WINDOW.width, windowHeight: WINDOW.height },
      safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    };
    const navigate = (api: string, close: () => number) =>
      async(api, (o) => {
        this.pop(close());
        this.push(String(o.url));
        return {};
      });
    // wx.createSelectorQuery on the page on top, over the host's layout (see `layout`), scrolled as
    // the test scrolled it: rects are relative to the viewport, as WeChat's are.
    const query = (): Obj => {
      const answers: ((page: PageInstance) => unknown)[] = [];
      const q: Obj = {};
      const rectOf = (page: PageInstance, boxes: Map<TaroNode, LayoutBox>, n: TaroNode): Obj => {
        const box = boxes.get(n) ?? { top: 0, height: 0 };
        const top = box.top - this.scrollTopOf(page);
        const width = info.windowWidth;
        return {
          id: n.uid ?? '',
          dataset: {},
          top,
          bottom: top + box.height,
          height: box.height,
          left: 0,
          right: width,
          width,
        };
      };
      const nodes = (selector: string, all: boolean): Obj => {
        const rects = (): Obj => {
          answers.push((page) => {
            const root = page.data.root as TaroNode | undefined;
            const { boxes } = layout(root);
            const found = selectNodes(root, selector).map((n) => rectOf(page, boxes, n));
            return all ? found : (found[0] ?? null);
          });
          return q;
        };
        return { boundingClientRect: rects, fields: rects };
      };
      const viewport = {
        scrollOffset: () => {
          answers.push((page) => ({
            scrollTop: this.scrollTopOf(page),
            scrollLeft: 0,
            scrollHeight: layout(page.data.root as TaroNode | undefined).height,
            scrollWidth: info.windowWidth,
          }));
          return q;
        },
        boundingClientRect: () => {
          answers.push(() => ({ top: 0, left: 0, width: info.windowWidth, height: info.windowHeight }));
          return q;
        },
      };
      const exec = (cb?: Fn): void =>
        later(() => {
          const page = this.stack[this.stack.length - 1];
          cb?.(this.toContext(page ? answers.map((answer) => answer(page)) : []));
        });
      return Object.assign(q, {
        in: () => q,
        select: (selector: string) => nodes(selector, false),
        selectAll: (selector: string) => nodes(selector, true),
        selectViewport: () => viewport,
        exec,
      });
    };
    const apis: Record<string, (...args: never[]) => unknown> = {
      request: (o: Obj = {}) => {
        const req = this.recordRequest(o);
        async('request', async () => {
          const reply = await this.answer(req);
          if (reply.fail) return { errMsg: `request:fail ${reply.fail}` };
          const body = reply.body ?? '';
          const data = o.dataType === 'text' ? JSON.stringify(body) : body;
          const header = { 'Content-Type': 'application/json', ...reply.headers };
          return { statusCode: reply.status ?? 200, data, header, cookies: [] };
        })(o);
        return { abort: noop, onHeadersReceived: noop, offHeadersReceived: noop };
      },
      login: async('login', () => {
        const code = this.opts.loginCode;
        return { code: typeof code === 'function' ? code() : (code ?? `code-${this.calls.length}`) };
      }),
      getSystemInfo: async('getSystemInfo', () => info),
      getSystemInfoAsync: async('getSystemInfoAsync', () => info),
      getSystemInfoSync: sync(info),
      getWindowInfo: sync(info),
      getDeviceInfo: sync(info),
      getAppBaseInfo: sync(info),
      getSystemSetting: sync({ deviceOrientation: 'portrait', wifiEnabled: true }),
      getAppAuthorizeSetting: sync({}),
      getAccountInfoSync: sync({ miniProgram: { appId: appid, envVersion: 'develop', version: '' } }),
      getLaunchOptionsSync: sync(launch),
      getEnterOptionsSync: sync(launch),
      getMenuButtonBoundingClientRect: sync({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 }),
      canIUse: () => true,
      nextTick: (fn: Fn) => void Promise.resolve().then(() => fn()),
      // Storage keeps JSON, as WeChat's does: what comes back is a copy in the app's realm.
      getStorageSync: (key: string) => (storage.has(key) ? this.ctxJson.parse(storage.get(key) as string) : ''),
      setStorageSync: (key: string, value: unknown) => void storage.set(key, JSON.stringify(value ?? null)),
      removeStorageSync: (key: string) => void storage.delete(key),
      clearStorageSync: () => storage.clear(),
      getStorageInfoSync: () => this.toContext({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
      getStorage: async('getStorage', (o) => {
        const raw = storage.get(String(o.key));
        return raw === undefined ? { errMsg: 'getStorage:fail data not found' } : { data: JSON.parse(raw) as unknown };
      }),
      setStorage: async('setStorage', (o) => (storage.set(String(o.key), JSON.stringify(o.data ?? null)), {})),
      removeStorage: async('removeStorage', (o) => (storage.delete(String(o.key)), {})),
      clearStorage: async('clearStorage', () => (storage.clear(), {})),
      showModal: async('showModal', (o) => {
        const r = this.opts.modal?.(o) ?? { confirm: true };
        return { confirm: r.confirm, cancel: !r.confirm, content: r.content };
      }),
      showActionSheet: async('showActionSheet', () => ({ tapIndex: 0 })),
      requestSubscribeMessage: async('requestSubscribeMessage', (o) =>
        Object.fromEntries(((o.tmplIds as string[] | undefined) ?? []).map((id) => [id, 'accept'])),
      ),
      getPrivacySetting: async('getPrivacySetting', () => ({ needAuthorization: false })),
      // SOTER: a phone with neither 指纹 nor 面容 enrolled (the guarded acts go on, saying so).
      checkIsSoterEnrolledInDevice: async('checkIsSoterEnrolledInDevice', () => ({ isEnrolled: false })),
      getNetworkType: async('getNetworkType', () => ({ networkType: 'wifi' })),
      navigateTo: navigate('navigateTo', () => 0),
      redirectTo: navigate('redirectTo', () => 1),
      reLaunch: navigate('reLaunch', () => this.stack.length),
      switchTab: navigate('switchTab', () => this.stack.length),
      navigateBack: async('navigateBack', (o) => (this.pop(Number(o.delta ?? 1)), {})),
      createSelectorQuery: query,
      getUpdateManager: () => ({
        onCheckForUpdate: noop,
        onUpdateReady: noop,
        onUpdateFailed: noop,
        applyUpdate: noop,
      }),
    };
    // Calls that only show something: they succeed (and are recorded, for tests to look at).
    const shows =
      'showToast hideToast showLoading hideLoading setNavigationBarTitle setNavigationBarColor stopPullDownRefresh ' +
      'startPullDownRefresh pageScrollTo setClipboardData vibrateShort requirePrivacyAuthorize openPrivacyContract ' +
      'hideHomeButton showNavigationBarLoading hideNavigationBarLoading setBackgroundColor showShareMenu hideKeyboard';
    for (const api of shows.split(' ')) apis[api] = async(api);
    // Listeners and reports: accepted, never fired.
    const listeners =
      'onAppShow onAppHide offAppShow offAppHide onError offError onUnhandledRejection offUnhandledRejection ' +
      'onPageNotFound offPageNotFound onNetworkStatusChange offNetworkStatusChange onNeedPrivacyAuthorization ' +
      'onMemoryWarning onThemeChange offThemeChange onWindowResize offWindowResize reportAnalytics reportEvent';
    for (const api of listeners.split(' ')) apis[api] = noop;
    // Taro builds `Taro.*` from wx's own keys, so every API must be a real property.
    const wx: Obj = { env: { USER_DATA_PATH: 'wxfile://usr' } };
    for (const [api, impl] of Object.entries(apis)) {
      wx[api] = (...args: unknown[]) => {
        this.calls.push({ api, arg: args.length ? (JSON.parse(safeString(args[0]) || 'null') as unknown) : undefined });
        return (impl as Fn)(...args);
      };
    }
    return wx;
  }

  private recordRequest(o: Obj): RecordedRequest {
    const method = String(o.method ?? 'GET').toUpperCase();
    const url = new URL(String(o.url));
    const header = { ...(o.header as Record<string, string> | undefined) };
    let data: unknown = o.data === undefined ? undefined : JSON.parse(safeString(o.data) || 'null');
    // WeChat puts a GET's data in the query string.
    if (method === 'GET' && data && typeof data === 'object') {
      for (const [k, v] of Object.entries(data as Obj)) url.searchParams.set(k, String(v));
      data = undefined;
    }
    const req = {
      method,
      url: url.toString(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      header,
      data,
    };
    this.requests.push(req);
    return req;
  }

  private async answer(req: RecordedRequest): Promise<RouteReply> {
    for (const [key, reply] of Object.entries(this.opts.routes ?? {})) {
      const [method, target] = key.includes(' ') ? key.split(/\s+/, 2) : ['', key];
      if (method && method.toUpperCase() !== req.method) continue;
      if (target !== req.url.split('?')[0] && !req.path.endsWith(target)) continue;
      return typeof reply === 'function' ? reply(req) : reply;
    }
    this.unmatched.push(req);
    return {
      status: 404,
      body: { error: { code: 'not_found', message: `no route for ${req.method} ${req.path} in the test` } },
    };
  }
}

/** What a test sees of an open page. */
export class PageHandle {
  constructor(
    private readonly host: WeappHost,
    readonly instance: PageInstance,
  ) {}

  get route(): string {
    return this.instance.route;
  }

  /** A copy of the page's data as the view layer would have it. */
  get data(): { root?: TaroNode } & Obj {
    return JSON.parse(JSON.stringify(this.instance.data)) as { root?: TaroNode } & Obj;
  }

  get setDataCalls(): SetDataCall[] {
    return this.host.setDataCalls.filter((c) => c.route === this.route);
  }

  texts(): string[] {
    return visibleText(this.data.root);
  }

  text(): string {
    return this.texts().join('\n');
  }

  /** The first element (in document order) showing `text`, narrowed to its deepest descendant that still does. */
  findByText(text: string): TaroNode {
    const want = text.replace(/\s+/g, '');
    const find = (n: TaroNode): TaroNode | undefined => {
      if (isHidden(n) || !visibleText(n).join('').replace(/\s+/g, '').includes(want)) return undefined;
      for (const c of n.cn ?? []) {
        const hit = find(c);
        if (hit) return hit;
      }
      return n.sid ? n : undefined;
    };
    const hit = find(this.data.root ?? {});
    if (!hit) throw new Error(`no element shows "${text}" on ${this.route}; it shows:\n${this.text()}`);
    return hit;
  }

  /** An element's WXML tag and props under their WXML names (Taro sends `p13`, the template says `placeholder`). */
  describe(node: TaroNode): { tag: string; props: Obj } {
    const template = this.host.templates.get(String(node.nn));
    const props: Obj = {};
    for (const [key, value] of Object.entries(node)) {
      const name = template?.props.get(key);
      if (name) props[name] = value;
    }
    return { tag: template?.tag ?? 'unknown', props };
  }

  /** Elements with this WXML tag (`input`, `button`, …) whose props include `props`, in document order. */
  findAll(tag: string, props: Obj = {}): TaroNode[] {
    const out: TaroNode[] = [];
    const walk = (n: TaroNode): void => {
      const d = this.describe(n);
      if (n.sid && d.tag === tag && Object.entries(props).every(([k, v]) => d.props[k] === v)) out.push(n);
      n.cn?.forEach(walk);
    };
    this.data.root?.cn?.forEach(walk);
    return out;
  }

  find(tag: string, props: Obj = {}): TaroNode {
    const hit = this.findAll(tag, props)[0];
    if (hit) return hit;
    const seen = this.findAll(tag).map((n) => JSON.stringify(this.describe(n).props));
    throw new Error(
      `no <${tag}> with ${JSON.stringify(props)} on ${this.route}; there are: ${seen.join(', ') || 'none'}`,
    );
  }

  /** Fires an event at an element (a node, its uid/sid, or the text it shows) and waits for the app. */
  async fire(target: TaroNode | string, type: string, detail: Obj = {}): Promise<void> {
    const node = typeof target === 'string' ? this.resolve(target) : target;
    this.host.dispatch(this.instance, String(node.uid ?? node.sid), type, this.host.toContext(detail));
    await this.host.settle();
  }

  tap(target: TaroNode | string): Promise<void> {
    return this.fire(target, 'tap', { x: 0, y: 0 });
  }

  /** The user scrolls to the page's bottom (onReachBottom); resolves once the app settled. */
  async reachBottom(): Promise<void> {
    this.host.pageEvent(this.instance, 'onReachBottom');
    await this.host.settle();
  }

  /** How far the page is scrolled, and its height, in the host's layout (px). */
  get scrollTop(): number {
    return this.host.scrollTopOf(this.instance);
  }

  get height(): number {
    return this.host.pageHeight(this.instance);
  }

  /** The user scrolls to `top` (onPageScroll, and onReachBottom near the end); resolves once settled. */
  async scrollTo(top: number): Promise<void> {
    this.host.scrollPage(this.instance, top);
    await this.host.settle();
  }

  /** Types into an input: one `input` event with the whole value. */
  input(target: TaroNode | string, value: string): Promise<void> {
    return this.fire(target, 'input', { value, cursor: value.length, keyCode: 0 });
  }

  private resolve(idOrText: string): TaroNode {
    return findTrail(this.data.root ?? {}, idOrText)?.pop() ?? this.findByText(idOrText);
  }
}

/** The path from the root to the node whose uid or sid is `id`, or undefined. */
function findTrail(root: TaroNode | undefined, id: string): TaroNode[] | undefined {
  const walk = (n: TaroNode, trail: TaroNode[]): TaroNode[] | undefined => {
    const here = [...trail, n];
    if (n.uid === id || n.sid === id) return here;
    for (const c of n.cn ?? []) {
      const hit = walk(c, here);
      if (hit) return hit;
    }
    return undefined;
  };
  return root ? (root.cn ?? []).map((c) => walk(c, [])).find(Boolean) : undefined;
}

function readAppid(dir: string): string {
  for (const file of [path.join(dir, 'project.config.json'), path.join(REPO_ROOT, 'project.config.json')]) {
    if (fs.existsSync(file))
      return (JSON.parse(fs.readFileSync(file, 'utf8')) as { appid?: string }).appid ?? 'touristappid';
  }
  return 'touristappid';
}

/** JSON of a value with functions dropped and cycles cut (for logs and recorded calls). */
function safeString(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_k, v: unknown) => {
        if (typeof v === 'function') return undefined;
        if (v && typeof v === 'object') {
          if (seen.has(v)) return '[cycle]';
          seen.add(v);
        }
        return v;
      }) ?? ''
    );
  } catch {
    return String(value);
  }
}
