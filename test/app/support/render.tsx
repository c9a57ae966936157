import type { ComponentType } from 'react';
import { render } from '@testing-library/react';
import { StoreContext } from '../../../src/stores';
import type { TestApp } from './app';

/** Renders a page as the app would, with the test app's stores. */
export function renderPage(Page: ComponentType, app: TestApp) {
  return render(
    <StoreContext.Provider value={app.store}>
      <Page />
    </StoreContext.Provider>,
  );
}

/**
 * The refusal of a tap shows beside the button tapped (issue 12): in the same button area, where the
 * eye is after the tap — not in a banner at the top of a page that stays scrolled.
 */
export function expectBesideButton(error: HTMLElement, button: string): void {
  const area = error.closest('.action-area');
  expect(area).not.toBeNull();
  expect(area).toHaveTextContent(button);
  expect(area?.firstElementChild).toBe(error);
}
