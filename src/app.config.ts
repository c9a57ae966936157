export default defineAppConfig({
  // Main package: the home page only; every other area is a subpackage (WeChat's 2 MB per package).
  pages: ['pages/index/index'],
  subPackages: [
    {
      root: 'packages/tenants',
      pages: ['pages/edit/index', 'pages/add/index'],
    },
    {
      root: 'packages/accounts',
      pages: [
        'pages/list/index',
        'pages/add/index',
        'pages/edit/index',
        'pages/login/index',
        'pages/change-wechat/index',
      ],
    },
    {
      root: 'packages/admin',
      pages: ['pages/index/index', 'pages/apply/index'],
    },
    {
      root: 'packages/password',
      pages: ['pages/reset/index', 'pages/sync/index'],
    },
    {
      // 登录通知 (F15) and the browser link (F18); request/link are types/requests.ts's page paths.
      root: 'packages/notify',
      pages: ['pages/request/index', 'pages/link/index', 'pages/list/index'],
    },
  ],
  // Dark mode as WeChat users expect: the bar and the pull-down background take theme.json's light or
  // dark values (@names) with the system; the pages' colours follow through styles/theme.scss.
  darkmode: true,
  themeLocation: 'theme.json',
  window: {
    backgroundTextStyle: '@bgTxtStyle',
    backgroundColor: '@bgColor',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTitleText: '个人中心',
    navigationBarTextStyle: '@navTxtStyle',
    // WeChat's default; Taro's browser build draws its own bar (title, back) only when it is named.
    navigationStyle: 'default',
  },
  // WeChat search indexes no page (src/sitemap.json, copied into the weapp build).
  sitemapLocation: 'sitemap.json',
  // Code-quality rules of WeChat: inject only the components a page uses.
  lazyCodeLoading: 'requiredComponents',
  // We collect phone and ID numbers: privacy APIs wait for consent (PLATFORM.md).
  __usePrivacyCheck__: true,
});
