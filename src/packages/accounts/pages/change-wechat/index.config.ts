export default definePageConfig({
  navigationBarTitleText: '更换微信',
});
