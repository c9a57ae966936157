// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
// The weapp build targets the engines of its minimum base library (config/weapp-targets.js): no ES5
// down-levelling of classes, async functions or spread, and no Babel helpers for them. The browser
// build keeps package.json's browserslist.
const weapp = process.env.TARO_ENV === 'weapp';

const weappOptions = () => ({
  targets: require('./config/weapp-targets'),
  // preset-env's `bugfixes`, which babel-preset-taro does not pass on: iOS before 14.5 and 16.3 has a
  // bug each in destructuring and in parameters, and without this every destructuring and every
  // default or rest parameter is rewritten (with slicedToArray and its kin); with it, only the code
  // those two bugs would hit is. Valid for targets that have destructuring at all (iOS 10+).
  exclude: ['transform-destructuring', 'transform-parameters'],
  include: [
    'bugfix/transform-safari-rest-destructuring-rhs-array',
    'bugfix/transform-safari-id-destructuring-collision-in-function-expression',
  ],
});

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(weapp ? weappOptions() : {}) }]],
};
