"""Entry script for the PyInstaller bundle: the same `app.cli:main` as the `digwell` command.

It lives in packaging/ (not app/__main__.py) so that PyInstaller does not put the app/
folder itself on the analysis path, where app/types.py would shadow the standard library.
"""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # In a frozen bundle, a spawned refresh worker starts this executable again; this
    # makes it run the worker instead of the command (a no-op elsewhere).
    multiprocessing.freeze_support()
    sys.exit(main())
