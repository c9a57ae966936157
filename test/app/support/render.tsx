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
