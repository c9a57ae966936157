export default definePageConfig({
  navigationBarTitleText: '更新发票云密码',
});
