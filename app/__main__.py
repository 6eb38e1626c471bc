"""`python -m app` runs the same entry point as the `digwell` command."""

import sys

from app.cli import main

# Guarded: where worker processes are spawned (macOS, Windows) they import this module
# again, as __mp_main__, and must not run the command a second time.
if __name__ == "__main__":
    sys.exit(main())
