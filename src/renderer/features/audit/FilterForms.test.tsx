// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPage } from '../../testing/renderPage.js';
import { MAX_SHOWN_OPTIONS, OptionList, type Option } from './FilterForms.js';

afterEach(cleanup);

// As many sites as bench:lookup's workspace: every one is an option of the approvals' site filter.
const SITES: Option[] = Array.from({ length: 10_005 }, (_, i) => ({
  value: `site-${i}`,
  label: `${i % 2 ? 'Northwind' : 'Contoso'} site ${i}`,
}));

describe('OptionList', () => {
  it('renders at most MAX_SHOWN_OPTIONS of 10,005 sites, counts the rest, and narrows to any of them', async () => {
    const onPick = vi.fn();
    renderPage(<OptionList options={SITES} selected={undefined} onPick={onPick} />);
    expect(await screen.findAllByTestId('filter-option')).toHaveLength(MAX_SHOWN_OPTIONS);
    expect(screen.getByTestId('filter-more').textContent).toBe('9,905 more — type to narrow the list');

    // The last site is beyond the rendered ones: the narrowing box finds it.
    fireEvent.change(screen.getByTestId('filter-narrow'), { target: { value: 'site 10004' } });
    await waitFor(() =>
      expect(screen.getAllByTestId('filter-option').map((o) => o.textContent)).toEqual(['Contoso site 10004']),
    );
    const found = screen.getAllByTestId('filter-option');
    expect(screen.queryByTestId('filter-more')).toBeNull();
    fireEvent.click(found[0]!);
    expect(onPick).toHaveBeenCalledWith('site-10004');

    fireEvent.change(screen.getByTestId('filter-narrow'), { target: { value: 'northwind' } });
    await waitFor(() => expect(screen.getByTestId('filter-more').textContent).toMatch(/^4,902 more/));
    expect(screen.getAllByTestId('filter-option')).toHaveLength(MAX_SHOWN_OPTIONS);
  });

  it('lists a short list whole, with no narrowing box', async () => {
    renderPage(<OptionList options={SITES.slice(0, 5)} selected="site-2" onPick={() => {}} />);
    expect(await screen.findAllByTestId('filter-option')).toHaveLength(5);
    expect(screen.queryByTestId('filter-narrow')).toBeNull();
    expect(screen.queryByTestId('filter-more')).toBeNull();
  });
});
