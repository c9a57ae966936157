import '@testing-library/jest-dom';

// @tarojs/components-react's Input and Button hand Taro-only props (WeChat's placeholder-class, bindconfirm, open-type)
// to the DOM <input>; React's warnings about those say nothing about our code.
const TARO_ONLY_PROPS = new Set(['placeholderClass', 'onConfirm', 'openType', 'onAgreePrivacyAuthorization']);
const consoleError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((message?: unknown, ...rest: unknown[]) => {
  const aboutTaroProp =
    typeof message === 'string' &&
    (message.includes('React does not recognize the `%s` prop') ||
      message.includes('Unknown event handler property')) &&
    TARO_ONLY_PROPS.has(String(rest[0]));
  if (!aboutTaroProp) consoleError(message, ...rest);
});
