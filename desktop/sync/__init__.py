"""The sync engine: what a profile changed, as a changeset, and how a changeset merges into another copy.

Below the services (it never imports them) and above the database; architecture.md §5 and docs/changeset.md.
"""
