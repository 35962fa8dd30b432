"""The demo profile: a commune register with realistic families, events, visits and casework,
built through the services."""
