export default definePageConfig({
  navigationBarTitleText: '绑定电子税局账号',
});
