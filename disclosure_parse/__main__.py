"""`python -m disclosure_parse FILE`: see `disclosure_parse.cli`."""

import sys

from disclosure_parse.cli import main

sys.exit(main())
