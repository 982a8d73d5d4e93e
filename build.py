"""Entry point: python build.py [build|check|serve|new|init] --help"""

import sys

from sitegen.commands.cli import main

if __name__ == "__main__":
    sys.exit(main())
