// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { AuditEntry } from '../../../shared/api/audit.js';
import { renderPage } from '../../testing/renderPage.js';
import { AuditTable, VIRTUALISE_OVER } from './AuditTable.js';

afterEach(cleanup);

const entries = (n: number): AuditEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: n - i,
    at: '2026-11-23T10:00:00.000Z',
    actor: 'u1',
    type: 'auth.sign_in',
    subject: 's',
    data: {},
    prevHash: 'p',
    hash: 'h',
  }));
const labels = { typeLabel: (t: string) => t, actorName: (a: string) => a };

describe('AuditTable', () => {
  it(`renders every row up to ${VIRTUALISE_OVER} entries`, () => {
    renderPage(<AuditTable entries={entries(VIRTUALISE_OVER)} {...labels} />);
    expect(screen.getByTestId('audit-table').closest('[data-virtual]')?.getAttribute('data-virtual')).toBe('false');
    expect(screen.getAllByTestId('audit-row')).toHaveLength(VIRTUALISE_OVER);
  });

  it('renders only a window of rows past that', () => {
    renderPage(<AuditTable entries={entries(5000)} {...labels} />);
    expect(screen.getByTestId('audit-table').closest('[data-virtual]')?.getAttribute('data-virtual')).toBe('true');
    const rows = screen.queryAllByTestId('audit-row');
    expect(rows.length).toBeLessThan(100);
  });

  it('shows the subject by name where the server sent one, keeping the id in the tooltip', () => {
    const [named, plain] = entries(2);
    renderPage(
      <AuditTable
        entries={[
          { ...named!, subject: 'prof-dana', subjectName: 'Dana Reyes' },
          { ...plain!, subject: '3f0c9a52-6d1e-4b8e-9d5c-000000000001' },
        ]}
        {...labels}
      />,
    );
    const cells = screen.getAllByTestId('audit-subject');
    expect(cells.map((c) => c.textContent)).toEqual(['Dana Reyes', '3f0c9a52-6d1e-4b8e-9d5c-000000000001']);
    expect(cells[0]!.getAttribute('title')).toBe('prof-dana');
  });
});
