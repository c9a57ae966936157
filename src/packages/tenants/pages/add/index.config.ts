export default definePageConfig({
  navigationBarTitleText: '新增租户',
});
