"""`python -m gov_news_extract` runs the command line."""

import sys

from .cli import main

sys.exit(main())
