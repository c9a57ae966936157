export default definePageConfig({
  navigationBarTitleText: '电子税局登录',
});
