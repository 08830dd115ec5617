// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import type { Role } from '../../shared/api/auth.js';
import { renderPage } from '../testing/renderPage.js';
import { LeftRail } from './LeftRail.js';

afterEach(cleanup);

describe('LeftRail', () => {
  it.each<[Role, boolean]>([
    ['technician', false],
    ['noc', false],
    ['supervisor', true],
    ['admin', true],
  ])('shows Audit and Admin to %s: %s (audit.read, admin.read in the shared permission table)', async (role, shown) => {
    renderPage(<LeftRail role={role} />);
    await screen.findByTestId('nav-lookup');
    expect(screen.queryByTestId('nav-audit') !== null).toBe(shown);
    expect(screen.queryByTestId('nav-admin') !== null).toBe(shown);
  });
});
