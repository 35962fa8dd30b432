"""Sổ tay CTV: the collaborator's notebook."""

__version__ = "0.1.0"
