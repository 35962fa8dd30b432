"""Sổ tay CTV: the collaborator's notebook."""

__version__ = "0.1.0"
APP_NAME = "Sổ tay CTV"  # the product's name, the same in every language
