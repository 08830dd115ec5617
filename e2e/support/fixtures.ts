import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD, Workspace } from './workspace.js';

export { expect };

/** Page model for the lookup journey. */
export class CallsignPage {
  constructor(readonly page: Page) {}

  async signIn(email = 'tech@callsign.demo', password = DEMO_PASSWORD) {
    await this.page.getByTestId('signin-email').fill(email);
    await this.page.getByTestId('signin-password').fill(password);
    await this.page.getByTestId('signin-submit').click();
  }

  async waitForSync() {
    await expect(this.page.getByTestId('lookup-input')).toBeVisible({ timeout: 60_000 });
    await expect(this.page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 60_000 });
  }

  /**
   * Opens the menu behind `opener` and picks `item` once the menu has finished opening. Clicked while
   * MUI's Grow transition still scales the menu, on a loaded machine, the click can land beside the
   * item (CI: the menu stayed open, nothing was picked); a person clicks where the item has come to rest.
   */
  async pickFromMenu(opener: string, item: string) {
    await this.page.getByTestId(opener).click();
    const target = this.page.getByTestId(item);
    await expect
      .poll(() =>
        target.evaluate((el) => {
          const paper = el.closest('.MuiPaper-root');
          if (!paper) return false;
          const style = getComputedStyle(paper);
          return style.opacity === '1' && style.transform === 'none' && paper.getAnimations().length === 0;
        }),
      )
      .toBe(true);
    await target.click();
  }

  /** Picks an item of the user menu (top right). */
  async userMenu(item: 'signout' | 'account-security') {
    await this.pickFromMenu('user-menu', item);
  }

  async lookup(text: string) {
    const input = this.page.getByTestId('lookup-input');
    await input.fill(text);
    await input.press('Enter');
  }
}

export const test = base.extend<{ workspace: Workspace; app: CallsignPage }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  workspace: async ({}, use) => {
    const ws = new Workspace();
    await ws.start();
    await use(ws);
    await ws.dispose();
  },
  app: async ({ page }, use) => use(new CallsignPage(page)),
});
