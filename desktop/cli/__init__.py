"""The `sotay` command: the app window by default, subcommands for scripts and administrators."""
