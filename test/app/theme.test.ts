/**
 * Dark mode (issue 12) rests on one rule: a colour is written out only in the theme's own files, and
 * every style names WeUI's variables. A colour written anywhere else stays light in dark mode (a white
 * box, black text on the dark page); a variable the theme does not define paints nothing at all.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');
const THEME_SCSS = path.join(SRC, 'styles/theme.scss');
/** Where colours are written out: the variables, theme.json for the weapp's bar, the hex that APIs need. */
const COLOUR_FILES = new Set([
  THEME_SCSS,
  path.join(SRC, 'theme.json'),
  path.join(SRC, 'styles/colors.ts'),
  path.join(SRC, 'index.html'),
]);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.(scss|css|tsx?|json|html)$/.test(e.name) ? [full] : [];
  });
}

/** The code of a file without its comments (a comment may say "a white sheet"). */
function code(file: string): string {
  return fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"])\/\/.*$/gm, '$1');
}

const COLOUR = [
  /#[0-9a-fA-F]{3,8}\b(?![-\w])/g,
  /\b(?:rgba?|hsla?)\(/g,
  /\b(?:color|background(?:-color)?|border(?:-[a-z]+)*|fill|stroke)\s*:[^;{}]*(?<![-\w$])(?:white|black)(?![-\w])/g,
];

/** `--name: value;` declarations inside the block that follows `opening` (its first `{`). */
function declared(text: string, opening: string): Map<string, string> {
  const start = text.indexOf('{', text.indexOf(opening));
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    if (text[end] === '{') depth++;
    if (text[end] === '}' && --depth === 0) break;
  }
  const block = text.slice(start + 1, end);
  return new Map([...block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const theme = code(THEME_SCSS);
const light = declared(theme, 'page,');
const dark = declared(theme, '@media (prefers-color-scheme: dark)');

test('no colour is written out in src/ outside the theme files', () => {
  const found: string[] = [];
  for (const file of sources(SRC).filter((f) => !COLOUR_FILES.has(f))) {
    const text = code(file);
    for (const re of COLOUR) for (const m of text.matchAll(re)) found.push(`${path.relative(SRC, file)}: ${m[0]}`);
  }
  expect(found).toEqual([]);
});

test('the dark theme gives every colour variable of the light one a value', () => {
  expect(light.size).toBeGreaterThan(20);
  const themeNeutral = [...light.keys()].filter((k) => k.startsWith('--app-'));
  // WeUI's variables change with the theme; the app's own (mask, the QR's white) are the same in both.
  expect([...dark.keys()].sort()).toEqual([...light.keys()].filter((k) => !themeNeutral.includes(k)).sort());
  expect(themeNeutral.sort()).toEqual(['--app-MASK', '--app-QR-BG']);
  // The QR stays white under its dark code in both themes, so that a phone can scan it.
  expect(light.get('--app-QR-BG')).toBe('#ffffff');
});

test('every variable a style uses is defined by the theme', () => {
  const undefinedUses: string[] = [];
  for (const file of sources(SRC).filter((f) => /\.s?css$/.test(f))) {
    for (const m of code(file).matchAll(/var\((--[\w-]+)/g)) {
      if (!light.has(m[1])) undefinedUses.push(`${path.relative(SRC, file)}: ${m[1]}`);
    }
  }
  expect(undefinedUses).toEqual([]);
});
