/**
 * Test support: fast-check arbitraries of directory records and sync changes near the schemas' edges
 * (valid and invalid strings, numbers and shapes, unknown keys), for property tests against zod.
 */
import fc from 'fast-check';
import { ClientProfile } from '../domain/index.js';

// Values near the schemas' edges: valid and invalid strings, numbers and shapes, so both answers occur.
export const text = fc.oneof(
  fc.constantFrom('', 'a', 'Ann', 'US', 'us', 'GB', 'acme.com', '-acme.com', '@txt.att.com', 'txt.att.com'),
  fc.constantFrom('ann@acme.com', 'ann@@acme.com', 'a.b+c@mail.example.org', 'ann@acme', 'office', 'mobile', 'x'),
  fc.string({ maxLength: 6 }),
);
export const num = fc.oneof(fc.constantFrom(0, 1, -1, 1.5, 2 ** 53, NaN, Infinity), fc.integer());
export const scalar = fc.oneof(text, num, fc.boolean(), fc.constant(null), fc.constant(undefined));
const loosePhone = fc.record(
  { number: text, type: fc.oneof(text, scalar), country: text, provider: text, smsGateway: text, extra: scalar },
  { requiredKeys: [] },
);
export const looseProfile = fc.record(
  {
    id: text,
    siteId: text,
    firstName: text,
    lastName: text,
    email: text,
    phones: fc.oneof(fc.array(loosePhone, { maxLength: 3 }), scalar),
    thinClient: fc.oneof(fc.boolean(), scalar),
    psaContact: fc.boolean(),
    title: fc.oneof(text, scalar),
    unknownField: scalar,
  },
  { requiredKeys: [] },
);
export const looseSite = fc.record(
  {
    id: text,
    name: text,
    companyName: text,
    callerGreeting: text,
    mainPhones: fc.oneof(fc.array(text, { maxLength: 3 }), scalar),
    emailDomain: text,
    noClientEmailDomain: fc.boolean(),
    siteMessage: text,
    rmmAgentOptIn: fc.oneof(fc.boolean(), scalar),
    country: fc.oneof(fc.constantFrom('US', 'GB', 'DE'), text),
    timeZone: text,
    network: fc.oneof(
      fc.record(
        {
          domain: text,
          servers: fc.array(fc.record({ name: text, role: text, address: text, x: scalar }, { requiredKeys: [] }), {
            maxLength: 2,
          }),
          notes: text,
        },
        { requiredKeys: [] },
      ),
      scalar,
    ),
  },
  // Mostly present, so that valid sites (four required fields) are common enough.
  { requiredKeys: ['id', 'name', 'companyName', 'country'] },
);
export const looseReference = fc.record(
  {
    id: text,
    subject: text,
    tags: fc.array(text, { maxLength: 2 }),
    allSites: fc.boolean(),
    siteIds: fc.oneof(fc.array(text, { maxLength: 2 }), scalar),
    kind: fc.constantFrom('known_error', 'how_to', 'other', 'bad'),
    body: fc.record(
      {
        summary: text,
        symptoms: fc.array(text, { maxLength: 2 }),
        steps: fc.array(text, { maxLength: 2 }),
        durationMinutes: num,
        escalation: fc.record({ to: fc.constantFrom('tier4', 'partner', 'nobody'), note: text }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
export const looseChange = fc.record(
  {
    seq: num,
    kind: fc.constantFrom('site', 'profile', 'reference', 'policy', 'contact', 'credential', 'nope'),
    id: text,
    op: fc.constantFrom('upsert', 'delete', 'put'),
    data: fc.oneof(looseProfile, looseSite, looseReference, fc.dictionary(fc.string(), scalar), scalar),
  },
  { requiredKeys: [] },
);

/** Valid profile upserts, as the server sends them (JSON of what zod parsed), now and then lacking a default. */
const validProfileChanges = fc.array(fc.tuple(looseProfile, fc.boolean()), { maxLength: 6 }).map((ps) =>
  ps
    .flatMap(([p, dropDefault]) => {
      const r = ClientProfile.safeParse(p);
      if (!r.success) return [];
      const data = JSON.parse(JSON.stringify(r.data)) as Record<string, unknown>;
      if (dropDefault) delete data.psaContact;
      return [{ kind: 'profile', id: r.data.id, op: 'upsert', data }];
    })
    .map((c, i) => ({ seq: i + 1, ...c })),
);

/** A sync page near SyncPage's edges: its changes mostly in seq order, sometimes not. */
export const loosePage = fc.record(
  {
    seq: num,
    more: fc.oneof(fc.boolean(), scalar),
    remaining: num,
    maxAgeSeconds: fc.oneof(fc.constant(3600), num),
    changes: fc.oneof(
      validProfileChanges,
      fc.array(looseChange, { maxLength: 6 }).map((cs) => cs.map((c, i) => (i % 5 === 4 ? c : { ...c, seq: i + 1 }))),
      scalar,
    ),
    extra: scalar,
  },
  { requiredKeys: ['seq', 'more', 'remaining', 'maxAgeSeconds', 'changes'] },
);
