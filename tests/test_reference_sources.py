"""The confidence tags of the code tables say no more than their sources give (resources/reference/README.md):
a row tagged V names the legal text it was read in, and a category the app made up is never V or P."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from desktop.services import reference

TAGS = {"V", "P", "U"}
# A legal text by its kind and a number or year: "Luật … 13/2022/QH15", "NĐ 76/2023", "QĐ 363/QĐ-TTg",
# "TT 01/2022/TT-BYT", "Pháp lệnh 02/2020", "Kế hoạch 03/KH-UBND", "Luật Hòa giải ở cơ sở 2013".
LEGAL_TEXT = re.compile(
    r"\b(Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|NĐ|Quyết định|QĐ|Thông tư|TT|Kế hoạch|KH)\b[^;]*?\d"
)
APP_OWN = ("app category", "app list", "app scale")  # how a source says the row is the app's own
LAW_13_2022 = "Luật PCBLGĐ 13/2022/QH15"


def tables() -> list[Path]:
    return sorted(reference.reference_dir().glob("*.csv"))


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("path", tables(), ids=lambda p: p.name)
def test_every_row_has_a_tag_and_a_source(path: Path) -> None:
    for row in rows(path):
        assert row.get("source_confidence") in TAGS, (path.name, row["code"])
        assert row.get("source", "").strip(), (path.name, row["code"])


@pytest.mark.parametrize("path", tables(), ids=lambda p: p.name)
def test_a_confirmed_row_names_the_legal_text_it_rests_on(path: Path) -> None:
    unnamed = [r["code"] for r in rows(path) if r["source_confidence"] == "V" and not LEGAL_TEXT.search(r["source"])]
    assert not unnamed, f"{path.name}: tagged V without a legal text in `source`: {unnamed}"


@pytest.mark.parametrize("path", tables(), ids=lambda p: p.name)
def test_the_app_s_own_categories_are_not_tagged_as_confirmed(path: Path) -> None:
    claimed = [
        r["code"]
        for r in rows(path)
        if r["source"].strip().lower().startswith(APP_OWN) and r["source_confidence"] != "U"
    ]
    assert not claimed, f"{path.name}: the app's own rows tagged V or P: {claimed}"


def test_the_rule_catches_a_row_that_claims_too_much() -> None:
    assert not LEGAL_TEXT.search("domain.md §8 (baodautu.vn)")
    assert not LEGAL_TEXT.search("Điều 10 (domain.md §5.1)")  # an article of which law?
    assert LEGAL_TEXT.search("Luật Trẻ em 2016 (102/2016/QH13) Điều 10 (domain.md §5.1)")
    assert LEGAL_TEXT.search("Nghị định 56/2017/NĐ-CP Mẫu 01 mục A")


def test_the_acts_of_domestic_violence_are_the_16_points_of_article_3_1_in_order() -> None:
    acts = rows(reference.reference_dir() / "dv_acts.csv")
    assert [a["letter"] for a in acts] == list("abcd") + ["đ"] + list("eghiklmnopq")
    assert all(a["source"].startswith(f"{LAW_13_2022} Điều 3.1.{a['letter']}") for a in acts)
    by_letter = {a["letter"]: a for a in acts}
    assert by_letter["g"]["name_vi"].endswith("giữa vợ và chồng; giữa anh, chị, em với nhau")
    assert "bí mật cá nhân và bí mật gia đình của thành viên gia đình" in by_letter["h"]["name_vi"]
    assert by_letter["o"]["name_vi"].endswith("tạo ra tình trạng lệ thuộc về mặt vật chất, tinh thần hoặc các mặt khác")
    assert {a["letter"] for a in acts if a["source_confidence"] == "V"} == set("abcdeghik") | {"đ"}
