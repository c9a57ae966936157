// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// The weapp build targets the engines of its minimum base library (config/weapp-targets.js): no ES5
// down-levelling of classes, async functions or spread, and no Babel helpers for them. The browser
// build keeps package.json's browserslist.
const weapp = process.env.TARO_ENV === 'weapp';

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(weapp ? { targets: require('./config/weapp-targets') } : {}),
      },
    ],
  ],
};
