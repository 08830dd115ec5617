/**
 * Knowledge-base entries for the demo directory, written as an MSP's help desk would: each topic has
 * its own subject pattern, tags, symptoms and steps, and a slot (the product, printer, app or
 * folder concerned) so that 300 generated references read as 300 different articles instead of ten
 * copies of one title. `generate.ts` deals topics × slots out in a seeded shuffle.
 */
import type { ReferenceKind } from '../../shared/domain/index.js';

export const SECURITY_TAG = 'Security-Related Requests';
export const RMM_TAG = 'rmm-preapproved';

export interface ReferenceTopic {
  kind: ReferenceKind;
  /** `{x}` is replaced by one of `slots`. */
  subject: string;
  slots: readonly string[];
  tags: readonly string[];
  symptoms?: readonly string[];
  steps: readonly string[];
  minutes: number;
  escalation?: { to: 'tier4' | 'third_party' | 'partner'; contact: string };
  /** Account and identity topics: tagged Security-Related Requests, shown inside the approval wizard. */
  security?: boolean;
}

const APPS = [
  'QuickBooks',
  'Sage 50',
  'AutoCAD',
  'Dentrix',
  'Clio',
  'Xero',
  'SAP Business One',
  'Epicor',
  'Revit',
  'Bluebeam Revu',
  'Adobe Acrobat',
  'Sage 300',
  'MYOB',
  'Procore',
];
const PRINTERS = ['HP LaserJet M404', 'Brother MFC-L8900', 'Canon imageRUNNER C3226', 'Kyocera TASKalfa 2554ci'];
const PRINTER_PLACES = ['reception', 'the warehouse', 'the 2nd floor', 'accounts', 'the design studio'];
const FOLDERS = [
  'Finance',
  'HR',
  'Projects',
  'Scans',
  'Marketing',
  'Board papers',
  'Payroll',
  'Contracts',
  'Drawings',
  'Purchasing',
  'Quality',
  'Sales',
];
const PHONES = ['iPhone', 'Android phone', 'iPad', 'Samsung tablet'];
const PLACES = [
  'head office',
  'the branch office',
  'home',
  'the client site',
  'the boardroom',
  'the warehouse',
  'a hotel',
  'the training room',
];

const printers = PRINTERS.flatMap((p) => PRINTER_PLACES.map((where) => `${p} in ${where}`));

export const REFERENCE_TOPICS: readonly ReferenceTopic[] = [
  {
    kind: 'known_error',
    subject: '{x} crashes on start-up after the Windows update',
    slots: APPS,
    tags: ['Line-of-business app'],
    symptoms: ['Error dialog on start-up', 'App closes without a message', 'Event log shows .NET runtime error'],
    steps: [
      'Ask whether the crash started after last night’s Windows update.',
      'Run the app once as administrator to let it re-register its components.',
      'If it still crashes, repair the install from Apps & features.',
      'Note the version and error text in the ticket.',
    ],
    minutes: 20,
    escalation: { to: 'third_party', contact: 'Vendor support line' },
  },
  {
    kind: 'known_error',
    subject: '{x} shows offline after a driver update',
    slots: printers,
    tags: ['Printing'],
    symptoms: ['Printer shows offline', 'Jobs stuck in the queue'],
    steps: [
      'Check the printer’s display for an IP address and ping it from the RMM console.',
      'Clear the print queue on the print server.',
      'Roll the driver back to the version on the print server.',
      'Print a test page and ask the caller to confirm.',
    ],
    minutes: 15,
  },
  {
    kind: 'known_error',
    subject: 'Scanning to the {x} folder fails with "SMB1 not supported"',
    slots: FOLDERS,
    tags: ['Printing', 'Network'],
    symptoms: ['Scan to folder fails', 'Copier shows "Connection error"'],
    steps: [
      'Open the copier’s web page and check the scan destination path.',
      'Switch the copier’s SMB client to SMB2/3.',
      'Re-enter the scan account’s password from the vault.',
      'Send a test scan to the folder.',
    ],
    minutes: 25,
  },
  {
    kind: 'known_error',
    subject: 'Outlook keeps asking for a password at {x}',
    slots: PLACES,
    tags: ['Email', 'Passwords'],
    symptoms: ['Repeated sign-in prompts', 'Outlook shows "Need password"'],
    steps: [
      'Check the account is not locked or expired in Microsoft 365.',
      'Clear Outlook entries from Credential Manager.',
      'Restart Outlook and sign in with modern authentication.',
      'If prompts continue, create a new Outlook profile.',
    ],
    minutes: 15,
  },
  {
    kind: 'known_error',
    subject: 'VPN drops every 30 minutes when working from {x}',
    slots: PLACES,
    tags: ['VPN', 'Network'],
    symptoms: ['VPN disconnects', 'Mapped drives disappear'],
    steps: [
      'Check the VPN client version against the one on the firewall.',
      'Ask the caller to switch from Wi-Fi to a cable if they can.',
      'Collect the client log and attach it to the ticket.',
      'Firewall changes go to the NOC.',
    ],
    minutes: 20,
    escalation: { to: 'partner', contact: 'Network team' },
  },
  {
    kind: 'known_error',
    subject: 'OneDrive stuck on "Processing changes" for the {x} library',
    slots: FOLDERS,
    tags: ['Email'],
    symptoms: ['Sync never completes', 'Files show a red cross'],
    steps: [
      'Pause and resume sync from the OneDrive icon.',
      'Look for file names with characters SharePoint does not allow.',
      'Reset OneDrive (onedrive.exe /reset) if it is still stuck after 15 minutes.',
    ],
    minutes: 20,
  },
  {
    kind: 'known_error',
    subject: '{x} file locked by another user',
    slots: APPS,
    tags: ['Line-of-business app'],
    symptoms: ['"File in use" message', 'Only one person can open the company file'],
    steps: [
      'Find who has the file open from the file server’s open-files list.',
      'Ask that person to close the app before closing the handle.',
      'Never delete lock files while someone is working in the file.',
    ],
    minutes: 10,
  },
  {
    kind: 'known_error',
    subject: 'Teams calls drop on the Wi-Fi at {x}',
    slots: PLACES,
    tags: ['Phones', 'Network'],
    symptoms: ['Calls drop after a few minutes', 'Robotic audio'],
    steps: [
      'Run the Teams network test from Settings › Devices.',
      'Ask the caller to move closer to the access point or use a cable.',
      'Log the time of each drop for the NOC.',
    ],
    minutes: 15,
  },
  {
    kind: 'how_to',
    subject: "Reset a user's MFA registration ({x})",
    slots: ['Microsoft Authenticator', 'SMS sign-in', 'hardware token', 'new phone'],
    tags: ['MFA', 'Passwords'],
    steps: [
      'Run the approval wizard: MFA changes need the site’s approval rules.',
      'Require re-registration for the user in Entra ID.',
      'Stay on the call while the user registers the new method.',
    ],
    minutes: 15,
    security: true,
  },
  {
    kind: 'how_to',
    subject: 'Grant access to the {x} folder',
    slots: FOLDERS,
    tags: ['Onboarding'],
    steps: [
      'Run the approval wizard: folder permissions need an approver.',
      'Add the user to the folder’s security group, never to the folder itself.',
      'Ask the user to sign out and back in, then open the folder.',
    ],
    minutes: 10,
    security: true,
  },
  {
    kind: 'how_to',
    subject: 'Set up email on a new {x}',
    slots: PHONES,
    tags: ['Email', 'Hardware'],
    steps: [
      'Install Outlook from the app store.',
      'Sign in with the work account; approve the MFA prompt.',
      'Check that the device appears in Intune within 15 minutes.',
    ],
    minutes: 15,
  },
  {
    kind: 'how_to',
    subject: 'Install {x} on a workstation',
    slots: APPS,
    tags: ['Line-of-business app'],
    steps: [
      'Check the site’s Unlicensed Software list before anything else.',
      'Install from the software share, not a download.',
      'Licence keys are in the vault; check one out for the install.',
    ],
    minutes: 30,
    security: true,
  },
  {
    kind: 'how_to',
    subject: 'Map the {x} shared drive',
    slots: FOLDERS,
    tags: ['Network'],
    steps: [
      'Check the user is in the drive’s security group.',
      'Run the login script, or map the path from the site’s network notes.',
      'Ask the user to open a file to confirm.',
    ],
    minutes: 10,
  },
  {
    kind: 'how_to',
    subject: 'Offboard a leaver ({x})',
    slots: ['same day', 'end of notice period', 'immediate, with HR on the line', 'contractor'],
    tags: ['Offboarding'],
    steps: [
      'Run the approval wizard: terminating an account needs an approver.',
      'Block sign-in and revoke sessions in Microsoft 365.',
      'Convert the mailbox to shared if the manager asks for it.',
      'Collect the laptop and phone; note the asset tags.',
    ],
    minutes: 30,
    security: true,
  },
  {
    kind: 'how_to',
    subject: 'Add a new starter ({x})',
    slots: ['office staff', 'remote worker', 'temp', 'manager'],
    tags: ['Onboarding'],
    steps: [
      'Run the approval wizard: new accounts need an approver.',
      'Create the account with the site’s username format.',
      'Add the default security and distribution groups.',
    ],
    minutes: 30,
    security: true,
  },
  {
    kind: 'how_to',
    subject: "Install the RMM agent on a caller's {x}",
    slots: ['home PC', 'new laptop', 'replacement desktop'],
    tags: ['Hardware'],
    steps: [
      'Run the approval wizard: it checks the site’s RMM opt-in and fee.',
      'Send the caller the site’s agent installer link.',
      'Confirm the device appears in the RMM console.',
    ],
    minutes: 15,
    security: true,
  },
  {
    kind: 'other',
    subject: 'After-hours escalation ({x})',
    slots: ['weekends', 'public holidays', 'overnight', 'month-end close'],
    tags: ['Phones'],
    steps: ['Page the Tier 4 on-call engineer.', 'Note the time you paged in the ticket.'],
    minutes: 5,
    escalation: { to: 'tier4', contact: 'Tier 4 on-call' },
  },
  {
    kind: 'other',
    subject: 'Backup schedule and restore requests ({x})',
    slots: ['file server', 'Microsoft 365', 'line-of-business database'],
    tags: ['Backup'],
    steps: ['Restores of whole folders need an approver.', 'Single files can be restored on request.'],
    minutes: 10,
  },
  {
    kind: 'other',
    subject: 'Verify caller identity before {x}',
    slots: ['password resets', 'MFA changes', 'mailbox permission changes', 'new VPN access'],
    tags: ['Passwords'],
    steps: ['Use the caller check in the approval wizard.', 'Never read a password or code out to a caller.'],
    minutes: 5,
    security: true,
  },
];

export const ESCALATION_CONTACTS = ['Tier 4 on-call', 'Vendor support line', 'Partner account manager', 'Network team'];
