export default definePageConfig({
  navigationBarTitleText: '租户管理',
});
