import { useEffect, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';

interface ActionAreaProps {
  /** Why the last tap was refused, in the server's or bureau's words. */
  error?: string | null;
  className?: string;
  children: ReactNode;
}

/**
 * A form's buttons with the refusal of the last tap right above them (issue 12): the user has
 * scrolled to the button to tap it, so that is where the eye is — a banner at the page's top of a
 * page that stays scrolled looks like nothing happened.
 */
export function ActionArea({ error, className, children }: ActionAreaProps) {
  const [id] = useState(() => `action-area-error-${++areas}`);
  // A long refusal pushes the button down and may run past the fold: bring all of it into view.
  useEffect(() => {
    if (error) revealInPage(`#${id}`);
  }, [error, id]);
  return (
    <View className={`weui-btn-area action-area ${className ?? ''}`}>
      {error && (
        <View id={id} className='weui-form__error action-area__error'>
          {error}
        </View>
      )}
      {children}
    </View>
  );
}

/** Numbers the action areas: each error's id is unique on its page. */
let areas = 0;
/** Room left below a revealed element, px. */
const REVEAL_MARGIN = 16;

/**
 * Scrolls the page the least that shows the element whole: nothing when it is in view, else its
 * bottom just above the fold, or its top at the top when it is taller than the screen.
 */
function revealInPage(selector: string): void {
  if (process.env.TARO_ENV === 'h5') {
    // Taro's browser pages scroll inside their .taro_page, below a fixed navigation bar: scroll that
    // box alone (scrollIntoView would also scroll the document and slide the page under the bar).
    const el = document.querySelector(selector);
    const page = el?.closest('.taro_page');
    if (!el || !page) return;
    const box = el.getBoundingClientRect();
    const view = page.getBoundingClientRect();
    const bottom = Math.min(view.bottom, window.innerHeight) - REVEAL_MARGIN;
    if (box.bottom > bottom) page.scrollTop += Math.min(box.bottom - bottom, box.top - view.top - REVEAL_MARGIN);
    else if (box.top < view.top) page.scrollTop -= view.top - box.top + REVEAL_MARGIN;
    return;
  }
  // WeChat has no scrollIntoView for a page: measure (relative to the page's window) and scroll.
  Taro.createSelectorQuery()
    .select(selector)
    .boundingClientRect()
    .exec(([rect]: (Taro.NodesRef.BoundingClientRectCallbackResult | null)[]) => {
      if (!rect) return;
      const { windowHeight } = Taro.getWindowInfo();
      if (rect.top >= 0 && rect.bottom <= windowHeight - REVEAL_MARGIN) return;
      const fits = rect.height + 2 * REVEAL_MARGIN <= windowHeight;
      const offsetTop = fits ? rect.height + REVEAL_MARGIN - windowHeight : -REVEAL_MARGIN;
      Taro.pageScrollTo({ selector, offsetTop, duration: 200 }).catch(() => undefined);
    });
}

/**
 * A new step starts at its top: the step before it may have been scrolled down to its buttons,
 * which would leave the new step's heading (验证码已发送至 …) above the fold.
 */
export function useNewStepAtTop(step: string | null | undefined): void {
  useEffect(() => {
    if (step) Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, [step]);
}
