export const USAGE = `Usage: callsign-server <command> [options]

Commands:
  serve       Run the Callsign API server.
                --data-dir DIR      database folder (default: your per-user data folder)
                --port N            TCP port; 0 picks any free port (default 4317)
                --host ADDR         listen address (default 127.0.0.1: this machine only)
                --demo              seed the demo workspace into an empty database
                --cors-origin URL   allow browser requests from URL (repeatable)
              The demo password is CALLSIGN_DEMO_PASSWORD if set, else generated and printed once.
  generate    Load a generated demo directory into the database.
                --sites N --profiles N --references N --seed S [--data-dir DIR]
  evaluate [FILE]
              Run the evaluation (see callsign-server evaluate --help).
  help        Show this text.
`;
