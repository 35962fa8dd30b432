"""`python -m desktop`: the `sotay` command, as the installed script runs it."""

from desktop.cli.main import main

raise SystemExit(main())
