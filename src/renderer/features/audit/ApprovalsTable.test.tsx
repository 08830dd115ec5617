// @vitest-environment jsdom
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { renderPage } from '../../testing/renderPage.js';
import { reviewItem } from './approvalFixtures.testkit.js';
import { APPROVAL_ROW_HEIGHT, ApprovalsTable } from './ApprovalsTable.js';

afterEach(cleanup);

// jsdom has no layout: the scroll box reports a 600 px tall window (clientHeight, what the
// virtualiser reads) and a settable scroll position, so it decides what is in view as in a browser.
const client = (size: number, name: 'clientHeight' | 'clientWidth') => {
  const original =
    Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ??
    Object.getOwnPropertyDescriptor(Element.prototype, name)!;
  return {
    install: () =>
      Object.defineProperty(HTMLElement.prototype, name, {
        configurable: true,
        get(this: HTMLElement) {
          return this.dataset.testid === 'approvals-scroll' ? size : (original.get!.call(this) as number);
        },
      }),
    restore: () => Object.defineProperty(HTMLElement.prototype, name, original),
  };
};
const stubs = [client(600, 'clientHeight'), client(1200, 'clientWidth')];
beforeAll(() => stubs.forEach((s) => s.install()));
afterAll(() => stubs.forEach((s) => s.restore()));
function scrollTo(el: HTMLElement, top: number) {
  Object.defineProperty(el, 'scrollTop', { configurable: true, value: top });
  fireEvent.scroll(el);
}

const HUNDRED_K = Array.from({ length: 100_000 }, (_, i) => reviewItem(i));

describe('ApprovalsTable', () => {
  it('renders only the rows in view of 100,000, and follows the scroll', () => {
    const onLoadMore = vi.fn();
    renderPage(
      <ApprovalsTable
        items={HUNDRED_K}
        hasMore={false}
        loadingMore={false}
        onLoadMore={onLoadMore}
        onOpen={() => {}}
      />,
    );
    const rows = () => screen.getAllByTestId('approval-review-row');
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]!.getAttribute('data-id')).toBe(HUNDRED_K[0]!.id);
    // Far down: the rows around index 50,000 are in the DOM, the first ones are gone.
    const scroller = screen.getByTestId('approvals-scroll');
    scrollTo(scroller, 50_000 * APPROVAL_ROW_HEIGHT);
    const ids = rows().map((r) => r.getAttribute('data-id'));
    expect(ids).toContain(HUNDRED_K[50_005]!.id);
    expect(ids).not.toContain(HUNDRED_K[0]!.id);
    expect(rows().length).toBeLessThan(60);
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('asks for the next page when the end of the loaded rows comes into view', () => {
    const onLoadMore = vi.fn();
    const items = HUNDRED_K.slice(0, 200);
    renderPage(<ApprovalsTable items={items} hasMore loadingMore={false} onLoadMore={onLoadMore} onOpen={() => {}} />);
    expect(onLoadMore).not.toHaveBeenCalled();
    const scroller = screen.getByTestId('approvals-scroll');
    scrollTo(scroller, 170 * APPROVAL_ROW_HEIGHT);
    expect(onLoadMore).toHaveBeenCalled();
  });

  it('opens a record by click or Enter and marks flagged rows', () => {
    const onOpen = vi.fn();
    const items = [reviewItem(1, { flags: ['approver_not_listed', 'unusual_volume'] }), reviewItem(2)];
    renderPage(
      <ApprovalsTable items={items} hasMore={false} loadingMore={false} onLoadMore={() => {}} onOpen={onOpen} />,
    );
    const [flagged, plain] = screen.getAllByTestId('approval-review-row');
    expect(flagged!.getAttribute('data-flagged')).toBe('true');
    expect(plain!.getAttribute('data-flagged')).toBe('false');
    expect(screen.getByTestId('row-flags').textContent).toBe('2');
    fireEvent.click(plain!);
    fireEvent.keyDown(flagged!, { key: 'Enter' });
    expect(onOpen.mock.calls).toEqual([[items[1]!.id], [items[0]!.id]]);
  });
});
