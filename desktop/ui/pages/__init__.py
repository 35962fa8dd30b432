"""The sections of the main window's left navigation."""
