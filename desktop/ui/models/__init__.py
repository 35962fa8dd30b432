"""Item models over service DTOs; lists fetch lazily (style-examples convention 7)."""
