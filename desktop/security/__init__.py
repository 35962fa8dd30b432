"""Protecting a profile: keyslots for the database key, recovery codes, login throttling."""
