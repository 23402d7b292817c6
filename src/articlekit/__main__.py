"""``python -m articlekit`` runs the command line."""

from articlekit.cli import main

raise SystemExit(main())
