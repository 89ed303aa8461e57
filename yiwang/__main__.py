import sys

from yiwang.cli import main

sys.exit(main())
