export default definePageConfig({
  navigationBarTitleText: '重置税局密码',
});
