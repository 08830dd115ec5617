export const USAGE = `Usage: callsign-server <command> [options]

Commands:
  serve       Run the Callsign API server.
                --data-dir DIR      database folder (default: your per-user data folder)
                --port N            TCP port; 0 picks any free port (default 4317)
                --host ADDR         listen address (default 127.0.0.1: this machine only); any other
                                    address needs --tls-cert/--tls-key, or --insecure-http
                --tls-cert FILE     serve HTTPS with this certificate (PEM, chain included)
                --tls-key FILE      ... and its private key (PEM)
                --trust-proxy LIST  reverse proxies (IPs or CIDR ranges, comma-separated) whose
                                    X-Forwarded-For names the client (sign-in lockout, audit)
                --insecure-http     allow plain HTTP on a non-loopback address (TLS ends at a proxy)
                --demo              seed the demo workspace into an empty database
                --cors-origin URL   allow browser requests from URL (repeatable)
                --log-file FILE     JSON logs to FILE (0600); only warnings and errors on the console
              The demo password is CALLSIGN_DEMO_PASSWORD if set, else generated and printed once.
              SMS codes and escalation emails go to DATA_DIR/outbox with --demo, else by SMTP
              to SMTP_URL (e.g. smtps://user:pass@mail.example:465; sender SMTP_FROM).
              The credential vault's key: CALLSIGN_VAULT_KEY_FILE (a file with 32 random bytes in
              base64) or CALLSIGN_VAULT_KEY; without one the vault answers 503. --demo creates
              DATA_DIR/vault.key (0600).
  generate    Load a generated demo directory into the database.
                --sites N --profiles N --references N --seed S [--data-dir DIR]
  export FILE  Write the whole directory (sites, profiles, references, policies) as one JSON
              bundle (schema: docs/bundle.schema.json); FILE "-" is stdout.  [--data-dir DIR]
  import FILE  Make the directory equal to a bundle: validates everything first, then adds,
              updates and deletes in one transaction, or changes nothing.  [--data-dir DIR]
                --dry-run           report what would change without changing it
  import-profiles FILE --site ID
              Add, update and delete a site's client profiles from a spreadsheet (.xlsx or .csv, as
              export-profiles writes it): checks every row first and prints each error with its row
              and column, then applies all in one transaction.  [--data-dir DIR]
                --dry-run           print the preview (counts, errors, warnings); change nothing
                --skip-failed       import the rows without errors and report the failed ones
  export-profiles --site ID --out FILE
              Write a site's client profiles as a spreadsheet to edit and import again.
                --format xlsx|csv   (default: from FILE's extension, else xlsx)
                --lang L            header language: en-US, en-GB, de, es, fr, it (default en-US)
                --template          the blank template: headers and drop-down lists, no profiles
  account create --email E --role R [--name N] [--password-stdin]
              Add an account (e.g. the first admin of a real deployment); roles: technician, noc,
              supervisor, admin. Without --password-stdin a password is generated and printed
              once; with it, the first line of stdin is the password (at least 12 characters).
  account reset-password --email E [--password-stdin]
              Set a new password (generated and printed once, or from stdin) and end the
              account's sessions on every device. Both are audited.  [--data-dir DIR]
  audit verify
              Check the whole audit chain and its anchor (HMAC'd with the server key when
              CALLSIGN_VAULT_KEY_FILE or CALLSIGN_VAULT_KEY is set), name the first broken entry,
              and print the head hash to keep outside the server.  [--data-dir DIR]
  audit verify-export FILE
              Check a signed approval export (CSV or XLSX from GET /v1/approvals/export): says
              valid, or which row was altered, removed or moved; exit 1 when altered. Checks the
              signature with the server key when one is set.  [--data-dir DIR]
  vault rotate-key --new-key-file FILE
              Re-encrypt every vault secret under the key in FILE (32 random bytes, base64), in one
              transaction; the current key comes from CALLSIGN_VAULT_KEY_FILE or CALLSIGN_VAULT_KEY.
              Then restart every server with the new key.  [--data-dir DIR]
  vault status
              Vault accounts by rotation state, leases open, failed rotations.  [--data-dir DIR]
  evaluate [FILE]
              Run the evaluation (see callsign-server evaluate --help).
  help        Show this text.

Database: the SQLite file callsign.sqlite in --data-dir, or PostgreSQL when DATABASE_URL is set
(postgres://user:password@host:5432/db); the same migrations run on both.
`;
