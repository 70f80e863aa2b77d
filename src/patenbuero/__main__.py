import sys

from patenbuero.launcher import main

sys.exit(main())
