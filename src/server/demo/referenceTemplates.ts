/** Subjects, steps and tags for generated references (known errors, how-tos, other). */
import type { ReferenceKind } from '../../shared/domain/index.js';

export const REFERENCE_SUBJECTS: Record<ReferenceKind, readonly string[]> = {
  known_error: [
    'Outlook keeps asking for a password',
    'Scanner fails with "SMB1 not supported"',
    'VPN disconnects every 30 minutes',
    'Teams calls drop on Wi-Fi',
    'Accounting file locked by another user',
    'Line-of-business app crashes after Windows update',
    'Printer shows offline after driver update',
    'OneDrive stuck on "Processing changes"',
    'Shared mailbox missing from Outlook',
    'Desk phone shows "No service"',
  ],
  how_to: [
    "Reset a user's MFA registration",
    'Map the shared drive',
    'Add a new starter to the distribution list',
    "Install the RMM agent on a caller's laptop",
    'Unlock an account in Active Directory',
    'Set up email on a new phone',
    'Order a replacement laptop',
    'Grant access to the finance folder',
    'Offboard a leaver',
  ],
  other: [
    'After-hours escalation',
    'Phone system vendor contact',
    'Who may approve new software',
    'Verify caller identity before password resets',
    'Site access and parking for on-site visits',
    'Backup schedule and restore requests',
  ],
};

export const REFERENCE_TAGS = [
  'Email',
  'Printing',
  'VPN',
  'Passwords',
  'MFA',
  'Onboarding',
  'Offboarding',
  'Hardware',
  'Line-of-business app',
  'Network',
  'Phones',
  'Backup',
];

export const SECURITY_TAG = 'Security-Related Requests';
export const RMM_TAG = 'rmm-preapproved';

export const REFERENCE_STEPS = [
  "Confirm the caller's identity in Callsign.",
  'Ask the caller to restart the application.',
  'Check the service status page for the site.',
  "Remote in with the caller's permission.",
  'Clear cached credentials in Credential Manager.',
  'Check the device in the RMM console.',
  'Document the fix in the ticket.',
  'Ask the caller to confirm the problem is gone.',
  'Reboot the device and test again.',
  'Escalate if the issue persists after 15 minutes.',
];

export const ESCALATION_CONTACTS = ['Tier 4 on-call', 'Vendor support line', 'Partner account manager', 'Network team'];
