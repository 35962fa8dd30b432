"""The event dialog's pages, one per kind of population event: the register's events and the care events."""
