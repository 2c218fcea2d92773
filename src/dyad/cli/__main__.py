"""python -m dyad.cli"""

from dyad.cli import main

main()
