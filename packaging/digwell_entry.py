"""Entry script for the PyInstaller bundle: the same `app.cli:main` as the `digwell` command.

It lives in packaging/ (not app/__main__.py) so that PyInstaller does not put the app/
folder itself on the analysis path, where app/types.py would shadow the standard library.
"""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
