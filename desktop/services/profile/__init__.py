"""The profile: opening and unlocking it, its users and what each may see, the device identity,
backups and the audit log."""
