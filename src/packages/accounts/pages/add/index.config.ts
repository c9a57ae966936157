export default definePageConfig({
  navigationBarTitleText: '新增账号',
});
