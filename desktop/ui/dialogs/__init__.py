"""Forms that create or change records; each validates as the user types and saves through a service."""
