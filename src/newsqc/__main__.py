"""``python -m newsqc``: the ``newsqc`` command (:func:`newsqc.cli.main`), for an environment
whose scripts folder is not on the PATH."""

import sys

from newsqc.cli import main

if __name__ == "__main__":
    sys.exit(main())
