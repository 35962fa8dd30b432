"""Reference data: code tables and the administrative units of the province, shipped or sent by the upper level."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from db.base import CLOCK_MAX, Base

SHIPPED = "shipped"  # came with the app's reference files (resources/reference)
UPPER = "upper"  # sent by the upper level (commune or province hub): the authority, never overwritten by a file


class CodeItem(Base):
    """One entry of a code table (ethnic groups, relationships, visit topics...). Data, not code."""

    __tablename__ = "code_items"
    table: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_vi: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    version: Mapped[str] = mapped_column(String(40), default="")
    usn: Mapped[int] = mapped_column(Integer, default=0)
    # Where the row came from, the upper level's clock of its last change ("" for shipped rows; fixed-width
    # text that sorts in time order) and whether it is withdrawn: still named in old records, not offered.
    origin: Mapped[str] = mapped_column(String(10), default=SHIPPED, server_default=SHIPPED)
    hlc: Mapped[str] = mapped_column(String(CLOCK_MAX), default="", server_default="")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())


class AdminUnit(Base):
    """Province 42 and its communes (QĐ 19/2025/QĐ-TTg codes). No district level since 7/2025."""

    __tablename__ = "admin_units"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    level: Mapped[str] = mapped_column(String(20))
    unit_type: Mapped[str] = mapped_column(String(20), default="")
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("admin_units.code"), default=None)
    legacy: Mapped[bool] = mapped_column(default=False)
    # Where the row came from, the upper level's clock of its last change ("" for shipped rows; fixed-width
    # text that sorts in time order) and whether it is withdrawn: still named in old records, not offered.
    origin: Mapped[str] = mapped_column(String(10), default=SHIPPED, server_default=SHIPPED)
    hlc: Mapped[str] = mapped_column(String(CLOCK_MAX), default="", server_default="")
    retired: Mapped[bool] = mapped_column(default=False, server_default=false())
