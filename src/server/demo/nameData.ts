/**
 * Word lists for the demo generator: international first and last names (with diacritics and
 * apostrophes, so every screen is exercised with them), company name parts and job titles.
 * All companies are invented; their domains end in `.example` (RFC 2606), never a real one.
 */

export const FIRST_NAMES = [
  'José', 'Zoë', 'Chloé', 'Björn', 'Siobhán', 'François', 'Hélène', 'Jürgen', 'Søren', 'Amélie', 'Noël', 'Renée',
  'Mónica', 'Raúl', 'Aoife', 'Łukasz', 'Mei', 'Hiroshi', 'Priya', 'Aarav', 'Fatima', 'Omar', 'Kwame', 'Ngozi',
  'Liam', 'Olivia', 'Emma', 'Noah', 'James', 'Sophia', 'Mia', 'Lucas', 'Ethan', 'Ava', 'Isabella', 'Charlotte',
  'Amelia', 'Jack', 'Harry', 'Grace', 'Chen', 'Anaïs', 'Léa', 'Thibault', 'Mathilde', 'Lena', 'Jonas', 'Finn',
  'Marie', 'Felix', 'Emily', 'Michael', 'David', 'Sarah', 'Jessica', 'Daniel', 'Matthew', 'Ashley', 'Andrew',
  'Megan', 'Ryan', 'Lauren', 'Tyler', 'Hannah', 'Brandon', 'Rachel', 'Kevin', 'Nicole', 'Jason', 'Maya',
  'Ingrid', 'Åsa', 'Dagny', 'Eoin', 'Niamh', 'Ciarán', 'Tomás', 'Inés', 'Beatriz', 'João', 'Mateus', 'Yusuf',
  'Aisha', 'Kofi', 'Ama', 'Tāne', 'Aroha', 'Ngaio', 'Jarrah', 'Kirra', 'Dũng', 'Linh', 'Ji-woo', 'Min-jun',
];

export const LAST_NAMES = [
  'Ødegaard', "O'Brien", 'Müller', 'Schröder', 'García', 'Núñez', 'Dubois', 'Lefèvre', 'Smith', 'Johnson',
  'Nguyen', 'Kim', 'Patel', 'Singh', 'Kowalski', 'Jansen', 'Rossi', 'Bianchi', 'Novák', 'Søndergaard',
  'MacDonald', 'Fitzgerald', 'Williams', 'Brown', 'Taylor', 'Wilson', 'Martin', 'Bernard', 'Thomas', 'Petit',
  'Durand', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Chen',
  'Wang', 'Tanaka', 'Satō', 'da Silva', 'Santos', 'Ferreira', 'Hernández', 'López', 'González', 'Pérez',
  'Sánchez', 'Ramírez', 'Anderson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Walker', 'Hall',
  'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell',
  'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Torres', 'Parker', 'Collins', 'Edwards', 'Stewart',
  "O'Connor", "D'Angelo", 'Murphy', 'Cook', 'Morgan', 'Cooper', 'Reed', 'Bailey', 'Kelly', 'Ward', 'Watson',
  'Brooks', 'Gray', 'Hughes', 'Price', 'Ross', 'Foster', 'Van der Berg', 'de la Cruz', 'Åberg', 'Žižek',
  'Mbeki', 'Adeyemi', 'Mensah', 'Haddad', 'Khan', 'Yilmaz', 'Papadopoulos', 'Ivanova', 'Horvath', 'Nakamura',
];

export const COMPANY_FIRST = [
  'Northern', 'Blue Ridge', 'Silverline', 'Harbor', 'Summit', 'Maple', 'Granite', 'Evergreen', 'Redwood',
  'Coastal', 'Pioneer', 'Cedar', 'Lakeside', 'Ironwood', 'Golden Gate', 'Prairie', 'Crescent', 'Riverstone',
  'Highland', 'Sunrise', 'Oakmont', 'Brightwater', 'Westbrook', 'Stonegate', 'Clearview', 'Kestrel', 'Falcon',
  'Aurora', 'Meridian', 'Juniper', 'Bluestone', 'Copperfield', 'Foxglove', 'Hawthorn', 'Larkspur', 'Quayside',
  'Tidewater', 'Wildflower', 'Windmill', 'Beacon', 'Keystone', 'Lighthouse', 'Orchard', 'Parkside', 'Sterling',
];

export const COMPANY_SECOND = [
  'Logistics', 'Dental Care', 'Legal', 'Accounting', 'Architects', 'Engineering', 'Veterinary Clinic', 'Realty',
  'Construction', 'Insurance', 'Pharmacy', 'Medical Group', 'Wealth Partners', 'Manufacturing', 'Foods',
  'Hospitality', 'Consulting', 'Freight', 'Print Works', 'Optometry', 'Property Management', 'Orthodontics',
  'Landscaping', 'Auto Group', 'Marketing', 'Physiotherapy', 'Credit Union', 'Brewing', 'Dermatology', 'Studios',
];

/** Trades for owner-named businesses in Germany and France ("Bäckerei Schäfer", "Cabinet Dubois"). */
export const TRADE_NAMES: Record<string, readonly string[]> = {
  DE: ['Bäckerei', 'Ingenieurbüro', 'Steuerkanzlei', 'Zahnarztpraxis', 'Autohaus', 'Druckerei', 'Tischlerei'],
  FR: ['Boulangerie', 'Cabinet', 'Atelier', 'Pharmacie', 'Garage', 'Imprimerie', 'Clinique vétérinaire'],
};

export const JOB_TITLES = [
  'Office Manager', 'Practice Manager', 'Accountant', 'Receptionist', 'Controller', 'Operations Director',
  'Sales Representative', 'Paralegal', 'Dental Hygienist', 'Site Supervisor', 'Chief Executive Officer',
  'HR Coordinator', 'Warehouse Lead', 'Marketing Specialist', 'Architect', 'Engineer', 'Bookkeeper',
];

/** Public mail providers, used by sites that have no client email domain. */
export const PUBLIC_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com'];

export const SITE_MESSAGES = [
  'Do not reset passwords for the finance team without the office manager on the call.',
  'Internet outage at this site since 08:00 — ISP ticket open. Phones are on mobile forwarding.',
  'Server room move this weekend: expect VPN interruptions Saturday 09:00–13:00.',
  'New starters must be approved by HR before accounts are created.',
  'Owner is travelling until the 30th — route approvals to the practice manager.',
  'Line-of-business app upgrade tonight; ask callers to save their work by 18:00.',
];

/** Lower-case ASCII for email local parts and domains ("Ødegaard" → "odegaard", "O'Brien" → "obrien"). */
export function asciiSlug(text: string, separator = ''): string {
  return text
    .replace(/[Øø]/g, 'o')
    .replace(/[Ææ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[Łł]/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .join(separator);
}
