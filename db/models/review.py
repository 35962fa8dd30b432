"""Review items: a rule the services check when a person types, found broken after copies merged.

Two laptops that each obeyed a rule (one live household per number, one present head, a category once a
year, no person twice) can break it together. The merge cannot choose for the user, so the problem becomes
a review item. Its id is derived from the kind and the records involved, so copies that find the same
problem make one row, and the user's answer (done, dismissed) travels like any edit.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, SyncedMixin

REVIEW_NAMESPACE = uuid.UUID("0c5d7f5e-8a43-4b0e-9a51-6f3b9c2d1e47")
# Kinds of problem.
DUPLICATE_CODE = "duplicate_code"  # two live households with one number in a commune
TWO_HEADS = "two_heads"  # two present heads in one household
DUPLICATE_CATEGORY = "duplicate_category"  # one household category twice for a year
DUPLICATE_PERSON = "duplicate_person"  # likely one person recorded twice
KINDS = (DUPLICATE_CODE, TWO_HEADS, DUPLICATE_CATEGORY, DUPLICATE_PERSON)
# States of an item.
OPEN, DONE, DISMISSED = "open", "done", "dismissed"


def sorted_ids(record_ids: Iterable[uuid.UUID]) -> list[str]:
    return sorted(str(record_id) for record_id in record_ids)


def review_item_id(kind: str, record_ids: Iterable[uuid.UUID]) -> uuid.UUID:
    """The same on every copy that finds `kind` among the same records."""
    return uuid.uuid5(REVIEW_NAMESPACE, ":".join([kind, *sorted_ids(record_ids)]))


class ReviewItem(SyncedMixin, Base):
    """A problem found among records (`record_ids` of `table_name`, sorted, as text) for the user to settle."""

    __tablename__ = "review_items"
    kind: Mapped[str] = mapped_column(String(20))
    record_ids: Mapped[list[str]] = mapped_column(JSON)
    table_name: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(10), default=OPEN)
