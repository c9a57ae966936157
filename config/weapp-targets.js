/**
 * The JavaScript engines the mini program must run on, derived from its minimum base library (基础库):
 * project.config.json's `libVersion` (README, "Minimum base library"). WeChat's own table
 * (miniprogram-compat) maps a base library to the oldest iOS JavaScriptCore and Android V8 it runs on;
 * babel.config.js compiles the weapp build for them and config/index.ts prefixes its styles for them.
 * The browser build keeps package.json's browserslist.
 */
const { getBrowsersList } = require('miniprogram-compat');
const { libVersion } = require('../project.config.json');

const browsers = getBrowsersList(libVersion);
if (!browsers) throw new Error(`miniprogram-compat knows no engines for base library ${libVersion}`);

module.exports = browsers;
