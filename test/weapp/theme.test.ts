/**
 * Dark mode in the weapp build (issue 12): app.json turns WeChat's darkmode on and names the theme
 * file the build ships; every @name in the window settings of app.json and of each page resolves in
 * both themes to a value WeChat accepts; and app.wxss gives WeUI's colour variables their dark values
 * when the system is dark (WeChat applies prefers-color-scheme in WXSS).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { locateBuild } from './build';

const build = locateBuild();

type Theme = Record<string, string>;

/** The window properties WeChat lets theme.json set (DarkMode 适配指南), with what each may be. */
const THEMED: Record<string, RegExp> = {
  navigationBarBackgroundColor: /^#[0-9a-fA-F]{6}$/,
  navigationBarTextStyle: /^(black|white)$/,
  backgroundColor: /^#[0-9a-fA-F]{6}$/,
  backgroundTextStyle: /^(dark|light)$/,
  backgroundColorTop: /^#[0-9a-fA-F]{6}$/,
  backgroundColorBottom: /^#[0-9a-fA-F]{6}$/,
};

function themes(): { light: Theme; dark: Theme } {
  if (build instanceof Error) throw build;
  const file = path.join(build.dir, String(build.app.themeLocation));
  assert.ok(fs.existsSync(file), `the build has no ${String(build.app.themeLocation)}`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as { light: Theme; dark: Theme };
}

/** [where, property, value] of every themed window setting: app.json's window, then each page's json. */
function windowSettings(): [string, string, string][] {
  if (build instanceof Error) throw build;
  const found: [string, string, string][] = [];
  const collect = (where: string, window: Record<string, unknown> | undefined) => {
    for (const [k, v] of Object.entries(window ?? {})) if (k in THEMED) found.push([where, k, String(v)]);
  };
  collect('app.json window', build.app.window as Record<string, unknown>);
  for (const route of build.pages) {
    collect(`${route}.json`, JSON.parse(fs.readFileSync(path.join(build.dir, `${route}.json`), 'utf8')));
  }
  return found;
}

test('app.json turns dark mode on and the build ships its theme file', () => {
  if (build instanceof Error) throw build;
  assert.equal(build.app.darkmode, true);
  assert.equal(build.app.themeLocation, 'theme.json');
  const { light, dark } = themes();
  assert.deepEqual(Object.keys(dark).sort(), Object.keys(light).sort(), 'light and dark name the same variables');
});

test('every window colour follows the theme: each @name resolves in light and dark to a value WeChat takes', () => {
  const { light, dark } = themes();
  const settings = windowSettings();
  for (const prop of ['navigationBarBackgroundColor', 'navigationBarTextStyle', 'backgroundColor']) {
    assert.ok(
      settings.some(([where, k]) => where === 'app.json window' && k === prop),
      `app.json's window sets no ${prop}`,
    );
  }
  for (const [where, prop, value] of settings) {
    // A literal colour would stay light (or dark) whatever the system says.
    assert.match(value, /^@\w+$/, `${where}: ${prop} is "${value}", not a theme.json @name`);
    for (const [name, theme] of [
      ['light', light],
      ['dark', dark],
    ] as const) {
      const resolved = theme[value.slice(1)];
      assert.ok(resolved !== undefined, `${where}: ${value} is not defined in theme.json's ${name}`);
      assert.match(resolved, THEMED[prop], `${where}: ${prop} ${value} is "${resolved}" in ${name}`);
    }
  }
  // A dark bar with black title, or a light one with a white title, would hide the page's name.
  assert.equal(light.navTxtStyle, 'black');
  assert.equal(dark.navTxtStyle, 'white');
});

test("app.wxss gives WeUI's colour variables dark values under prefers-color-scheme: dark", () => {
  if (build instanceof Error) throw build;
  const wxss = fs
    .readdirSync(build.dir)
    .filter((f) => f.startsWith('app') && f.endsWith('.wxss'))
    .map((f) => fs.readFileSync(path.join(build.dir, f), 'utf8'))
    .join('\n');
  const value = (css: string, name: string) => new RegExp(`${name}:\\s*([^;}]+)`).exec(css)?.[1];
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{([^{}]*\bpage\b[^{}]*)\{([^}]*)\}/.exec(wxss);
  assert.ok(dark, 'no page rule inside @media (prefers-color-scheme: dark) in app.wxss');
  const lightRule = /(?:^|\})[^{}@]*\bpage\b[^{}]*\{([^}]*--weui-BG-0[^}]*)\}/.exec(wxss);
  assert.ok(lightRule, 'app.wxss defines no --weui-BG-0 on page');
  for (const name of ['--weui-BG-0', '--weui-BG-2', '--weui-FG-0', '--weui-LINK']) {
    const l = value(lightRule[1], name);
    const d = value(dark[2], name);
    assert.ok(l && d, `${name}: light ${l}, dark ${d}`);
    assert.notEqual(l, d, `${name} is the same in both themes`);
  }
});
