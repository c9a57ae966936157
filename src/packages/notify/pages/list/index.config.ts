export default definePageConfig({
  navigationBarTitleText: '登录通知',
  enablePullDownRefresh: true,
  backgroundColor: '@bgColor',
  backgroundTextStyle: '@bgTxtStyle',
});
