"""Item models over service DTOs; lists fetch lazily (architecture.md, convention 7)."""
