import { loginRequestUrl, Routes, signsInAtLaunch } from '../../../src/routes';
import { LOGIN_LINK_PAGE, LOGIN_REQUEST_PAGE, loginRequestPagePath } from '../../../types/requests';

describe('#routes (登录通知)', () => {
  it('should be the pages the server names in subscribe messages and links', () => {
    expect(Routes.loginRequest).toBe(`/${LOGIN_REQUEST_PAGE}`);
    expect(Routes.loginLink).toBe(`/${LOGIN_LINK_PAGE}`);
    expect(loginRequestUrl('3f7c a/b')).toBe(`/${loginRequestPagePath('3f7c a/b')}`);
  });

  it('should sign in at launch on every page but the browser link', () => {
    expect(signsInAtLaunch('pages/index/index')).toBe(true);
    expect(signsInAtLaunch(LOGIN_REQUEST_PAGE)).toBe(true);
    // WeChat's launch path has no leading slash; Taro's browser build has one.
    expect(signsInAtLaunch(LOGIN_LINK_PAGE)).toBe(false);
    expect(signsInAtLaunch(`/${LOGIN_LINK_PAGE}`)).toBe(false);
    expect(signsInAtLaunch(`/${LOGIN_LINK_PAGE}?t=abc`)).toBe(false);
    expect(signsInAtLaunch(undefined)).toBe(true);
  });
});
