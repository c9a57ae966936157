export default definePageConfig({
  navigationBarTitleText: '数电配置管理员',
  enablePullDownRefresh: true,
  backgroundColor: '@bgColor',
  backgroundTextStyle: '@bgTxtStyle',
});
