"""The content digest printed in the QR code: the same for the same content however it was typed, and
different as soon as one thing a reader could see changes."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest

from desktop.reports import content
from desktop.reports.model import Column, SignatureBlock, Table
from tests.reports.conftest import decomposed, sample_document


def with_cell(row: int, column: int, value: object) -> object:
    doc = sample_document()
    section = doc.sections[1]
    assert section.table is not None
    rows = list(section.table.rows)
    rows[row] = (*rows[row][:column], value, *rows[row][column + 1 :])
    table = dataclasses.replace(section.table, rows=tuple(rows))
    sections = (*doc.sections[:1], dataclasses.replace(section, table=table), *doc.sections[2:])
    return dataclasses.replace(doc, sections=sections)


def test_digest_is_a_stable_sha256() -> None:
    first = content.digest(sample_document())
    assert len(first) == 64 and int(first, 16) >= 0
    assert content.digest(sample_document()) == first


def test_one_changed_cell_changes_the_digest() -> None:
    base = content.digest(sample_document())
    assert content.digest(with_cell(60, 6, 150_001)) != base  # type: ignore[arg-type]
    assert content.digest(with_cell(60, 1, "Nguyễn Thị Hương")) != base  # type: ignore[arg-type]
    assert content.digest(with_cell(60, 7, "")) != base  # an empty text is not an empty cell  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "change",
    [
        {"title": "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG THÁNG 11 NĂM 2026"},
        {"confidential": True},
        {"recipients": ("- Trạm Y tế xã Cẩm Xuyên;",)},
        {"signature": SignatureBlock("Cộng tác viên", "Đặng Văn Hùng")},
        {"kind": "campaign"},
        {"document_id": "BC-2026-10-khac"},
    ],
)
def test_every_visible_part_is_content(change: dict[str, object]) -> None:
    assert content.digest(sample_document(**change)) != content.digest(sample_document())


def test_header_date_is_content() -> None:
    doc = sample_document()
    moved = dataclasses.replace(doc, header=dataclasses.replace(doc.header, issued_on=date(2026, 11, 6)))
    assert content.digest(moved) != content.digest(doc)


def test_decomposed_text_has_the_same_digest() -> None:
    doc = decomposed(sample_document())
    assert doc.sections[1].table.rows[0][1] != "Nguyễn Thị Hường"  # really decomposed
    assert content.digest(doc) == content.digest(sample_document())


def test_the_digest_and_renderer_hints_are_not_content() -> None:
    base = content.digest(sample_document())
    assert content.digest(sample_document(content_sha256="0" * 64, extra={"paper": "A4"})) == base


def test_a_date_cell_differs_from_its_iso_text() -> None:
    assert content.digest(with_cell(0, 3, date(1960, 1, 1))) == content.digest(sample_document())  # type: ignore[arg-type]
    assert content.digest(with_cell(0, 3, "1960-01-01")) != content.digest(sample_document())  # type: ignore[arg-type]


def test_canonical_json_is_compact_sorted_utf8() -> None:
    raw = content.canonical_json(sample_document())
    parsed = json.loads(raw)
    assert parsed["format"] == content.CANONICAL_FORMAT
    assert parsed["header"]["issued_on"] == "2026-11-05"
    assert "content_sha256" not in parsed and "extra" not in parsed
    assert "Nguyễn Thị Hường".encode() in raw
    assert raw == json.dumps(parsed, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def test_with_digest_stamps_the_document() -> None:
    doc = sample_document()
    stamped = content.with_digest(doc)
    assert stamped.content_sha256 == content.digest(doc)
    assert dataclasses.replace(stamped, content_sha256="") == doc
    assert content.digest(stamped) == stamped.content_sha256  # stamping does not change the content
    assert content.content_sha256(stamped) == stamped.content_sha256


def test_total_row() -> None:
    table = Table(
        columns=(
            Column("STT"),
            Column("Thôn"),
            Column("Hộ", numeric=True),
            Column("Ghi chú"),
            Column("Tỷ lệ", numeric=True),
        ),
        rows=((1, "Đông Hà", 10, "x", 0.1), (2, "Trường Lưu", "?", None, 0.2), (3, "Trung Sơn", None, "", None)),
        total_label="Tổng cộng",
    )
    total = content.total_row(table)
    assert total[:4] == ("Tổng cộng", None, 10, None)
    assert total[4] == pytest.approx(0.3) and isinstance(total[4], float)
    assert isinstance(total[2], int)


def test_total_row_with_only_number_columns_has_no_label() -> None:
    table = Table(columns=(Column("A", numeric=True),), rows=((1,), (2,)), total_label="Cộng")
    assert content.total_row(table) == (3,)
