import Taro from '@tarojs/taro';

/**
 * Browser build only: a page change that comes through the address (a 登录通知 opened from its message
 * while the app is in memory, the browser's back and forward) while Taro's router is still carrying
 * out the one before is held until that one is done, then carried out.
 *
 * Why (@tarojs/router 4.2, spa.js and page.js): on the way back (navigateBack, a popstate) the router
 * takes the leaving page off its stack at once but unloads it only when its 300 ms slide-out ends,
 * and until the page underneath shows it still counts the leaving page as the current one
 * (Current.page). A second change in that window unloads the leaving page again and takes the page
 * underneath off the stack too (left hidden in the DOM); when the slide-out ends the leaving page is
 * unloaded once more, and React's page list (@tarojs/plugin-framework-react, splice(findIndex = -1))
 * drops the newest page instead: the 登录通知 just opened. The screen went blank with the 登录通知's
 * address (test/e2e/notice-in-memory.e2e.test.ts).
 *
 * Done is the router's own signal that a page is shown (__afterTaroRouterChange, after the slide-out
 * on the way back); a change that shows no page (an address already shown) never sends it, so the
 * hold ends after SETTLE_MS in any case.
 */
const SETTLE_MS = 2000;

export function holdRouteChangesWhileBusy(): void {
  let busy: ReturnType<typeof setTimeout> | undefined;
  // The address of the change under way, and whether one came for another address meanwhile.
  let under = '';
  let held = false;

  const done = () => {
    clearTimeout(busy);
    busy = undefined;
    if (!held) return;
    held = false;
    // The router (history's hash history) reads the address itself: one popstate carries out the last.
    if (window.location.href !== under)
      window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  };

  const onChange = (event: Event) => {
    if (busy) {
      // Before the router's own listeners (capturing, on window): they never see it now.
      event.stopImmediatePropagation();
      if (window.location.href !== under) held = true;
      return;
    }
    if (event.type !== 'popstate') return;
    under = window.location.href;
    busy = setTimeout(done, SETTLE_MS);
  };
  window.addEventListener('popstate', onChange, true);
  window.addEventListener('hashchange', onChange, true);
  Taro.eventCenter.on('__afterTaroRouterChange', () => {
    if (busy) done();
  });
}
