export default definePageConfig({
  navigationBarTitleText: '电子税局账号管理',
  enablePullDownRefresh: true,
  backgroundColor: '@bgColor',
  backgroundTextStyle: '@bgTxtStyle',
});
