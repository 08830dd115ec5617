import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, CATALOGUE } from './catalogue.js';
import { namingTermsFor, siteMessageCheck, siteMessageMentions } from './siteMessage.js';

const NORTHWIND = 'Email is down tonight 22:00–23:00 for maintenance. Do not reset passwords for the finance team.';

describe('siteMessageMentions', () => {
  it("Northwind's message names password resets and quotes the sentence that does", () => {
    expect(siteMessageMentions(NORTHWIND, 'password.reset')).toEqual({
      names: true,
      sentences: ['Do not reset passwords for the finance team.'],
    });
    expect(siteMessageMentions(NORTHWIND, 'password.self_change_walkthrough').names).toBe(true);
    expect(siteMessageMentions(NORTHWIND, 't4.admin_password').names).toBe(true);
  });

  it("Northwind's message names the password category and the admin password, nothing else", () => {
    const named = ACTION_IDS.filter((id) => siteMessageMentions(NORTHWIND, id).names);
    expect(named.sort()).toEqual([
      'password.mfa_change',
      'password.reset',
      'password.self_change_walkthrough',
      't4.admin_password',
    ]);
  });

  it.each([
    ['No new VPN users this week', 't4.vpn_access'],
    ['Never install the RMM agent on home PCs', 'rmm.install'],
    ['Do not add users without HR sign-off', 'user.create_aduc'],
    ['2FA changes go through Jo only', 'password.mfa_change'],
    ['Shared mailboxes are managed by the client', 'mail.create_shared_mailbox'],
    ['Folder access changes need the office manager', 'permission.ntfs'],
    ['Offboarding: disable accounts the same day', 'user.terminate'],
    ['No software upgrades during month end', 'software.update'],
  ])('%s → names %s', (message, action) => {
    expect(siteMessageMentions(message, action).names).toBe(true);
  });

  it('an object too common alone needs its verb: "user" alone does not name user creation', () => {
    expect(siteMessageMentions('The front desk user is on leave', 'user.create_aduc').names).toBe(false);
  });

  it('nothing is named by an empty message or for an unknown action', () => {
    expect(siteMessageMentions(undefined, 'password.reset')).toEqual({ names: false, sentences: [] });
    expect(siteMessageMentions('', 'password.reset').names).toBe(false);
    expect(siteMessageMentions(NORTHWIND, 'no.such.action')).toEqual({ names: false, sentences: [] });
    expect(namingTermsFor('no.such.action')).toEqual([]);
  });

  it('every action has words that can name it', () => {
    for (const id of ACTION_IDS) expect(namingTermsFor(id).length, id).toBeGreaterThan(0);
  });
});

const sentence = fc.string({ maxLength: 60 }).map((s) => s.replace(/[.!?;\n]/g, ' '));
const message = fc.array(sentence, { maxLength: 5 }).map((xs) => xs.join('. '));
const filler = fc
  .array(
    fc.constantFrom('the', 'caller', 'finance', 'team', 'tonight', 'is', 'down', 'do', 'not', 'call', 'before', 'noon'),
    { minLength: 1, maxLength: 12 },
  )
  .map((ws) => ws.join(' '));

describe('siteMessageMentions (properties)', () => {
  it("a message that states an action's own title names that action, and quotes that sentence", () => {
    fc.assert(
      fc.property(message, fc.constantFrom(...CATALOGUE), fc.boolean(), (text, action, first) => {
        const full = first ? `${action.title}. ${text}` : `${text}. ${action.title}.`;
        const got = siteMessageMentions(full, action.id);
        expect(got.names).toBe(true);
        // Titles may hold an abbreviation ("incl. Microsoft 365"), which ends a sentence early.
        expect(got.sentences.some((s) => full.includes(s) && s.startsWith(action.title.slice(0, 8)))).toBe(true);
      }),
    );
  });

  it('ignores letter case', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Reset', 'PASSWORDS', 'vpn', 'New', 'users', 'x'), { maxLength: 6 }),
        (ws) => {
          const text = ws.join(' ');
          for (const id of ACTION_IDS) {
            expect(siteMessageMentions(text.toUpperCase(), id).names).toBe(siteMessageMentions(text, id).names);
          }
        },
      ),
    );
  });

  it('does not depend on the order of sentences', () => {
    fc.assert(
      fc.property(sentence, sentence, fc.constantFrom(...ACTION_IDS), (a, b, id) => {
        expect(siteMessageMentions(`${a}. ${b}`, id).names).toBe(siteMessageMentions(`${b}. ${a}`, id).names);
      }),
    );
  });

  it('a message made only of words no action uses names nothing', () => {
    fc.assert(
      fc.property(filler, fc.constantFrom(...ACTION_IDS), (text, id) => {
        expect(siteMessageMentions(text, id)).toEqual({ names: false, sentences: [] });
      }),
    );
  });

  it('a confirmation is required exactly when the message is not blank (every site message is critical)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.constantFrom(...ACTION_IDS),
        (m, id) => {
          const check = siteMessageCheck(m, id);
          expect(check.required).toBe(m !== undefined && m.trim() !== '');
          if (!check.required) expect(check.names).toBe(false);
        },
      ),
    );
  });
});
