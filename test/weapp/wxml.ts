/**
 * WeChat's own WXML compiler (`wcc`, shipped by miniprogram-compiler): compiles every template of a
 * build and renders a page's data into WeChat's virtual DOM, the way the view layer does.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';

export interface VNode {
  tag: string;
  attr?: Record<string, unknown>;
  children?: (VNode | string)[];
}
type Render = (data: Record<string, unknown>) => VNode;
type Gwx = (file: string) => Render | undefined;

export interface Wcc {
  /** The compiled template of a `.wxml` path relative to the build, or undefined. */
  template(file: string): Render | undefined;
  /** What `wcc`'s runtime warned about (a template that `is` names but nobody defines, …). */
  warnings: string[];
}

const miniprogramCompiler = createRequire(import.meta.url)('miniprogram-compiler') as {
  wxmlToJs(root: string): string;
};

/** Compiles every `.wxml` of the build; throws with wcc's message when one does not compile. */
export function compileWxml(dir: string): Wcc {
  const source = miniprogramCompiler.wxmlToJs(dir);
  const warnings: string[] = [];
  const warn = (...args: unknown[]): void => void warnings.push(args.map(String).join(' '));
  // wcc's output expects a browser-like `window` as its global: give it a context of its own.
  const context = vm.createContext({ console: { log: warn, info: warn, warn, error: warn, debug: warn } });
  vm.runInContext('var window = this;', context);
  const $gwx = (vm.runInContext(`(function (global) {${source}\n})`, context) as (g: object) => Gwx)({});
  // wcc tests `o.constructor === Object`: data must be built in its own realm.
  const json = vm.runInContext('JSON', context) as JSON;
  return {
    template: (file) => {
      const render = $gwx(file);
      return render && ((data) => render(json.parse(JSON.stringify(data)) as Record<string, unknown>));
    },
    warnings,
  };
}

/** Renders a page's data, expanding the custom components its json names (Taro's deep-tree `comp`). */
export function renderPage(wcc: Wcc, dir: string, route: string, data: Record<string, unknown>): VNode {
  const render = (page: string, input: Record<string, unknown>, depth: number): VNode => {
    const template = wcc.template(`${page}.wxml`);
    if (!template) throw new Error(`${page}.wxml did not compile into a template`);
    const jsonFile = path.join(dir, `${page}.json`);
    const using = fs.existsSync(jsonFile)
      ? ((JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as { usingComponents?: Record<string, string> })
          .usingComponents ?? {})
      : {};
    const expand = (node: VNode | string): VNode | string => {
      if (typeof node === 'string') return node;
      const target = using[node.tag.replace(/^wx-/, '')];
      if (target && depth < 50) {
        const component = path.posix.join(path.posix.dirname(page), target).replace(/^\//, '');
        return { tag: node.tag, attr: node.attr, children: [render(component, node.attr ?? {}, depth + 1)] };
      }
      return { ...node, children: node.children?.map(expand) };
    };
    return expand(template(input)) as VNode;
  };
  return render(route, data, 0);
}

/** All text of a rendered tree, whitespace removed (for comparing with what the data says). */
export function vnodeText(node: VNode | string): string {
  if (typeof node === 'string') return node.replace(/\s+/g, '');
  return (node.children ?? []).map(vnodeText).join('');
}
