"""Word lists for the demo profile: Vietnamese names, villages, places and visit notes.

Invented for demonstration; weights follow the common shape of names in Hà Tĩnh (Nguyễn first, Võ
rather than Vũ, many Phan, Hồ and Đặng), not any census.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import random
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

# (surname, weight)
SURNAMES: tuple[tuple[str, int], ...] = (
    ("Nguyễn", 300),
    ("Trần", 95),
    ("Lê", 90),
    ("Phan", 60),
    ("Võ", 50),
    ("Phạm", 40),
    ("Hoàng", 40),
    ("Đặng", 38),
    ("Hồ", 35),
    ("Bùi", 28),
    ("Đỗ", 18),
    ("Ngô", 18),
    ("Dương", 18),
    ("Đinh", 16),
    ("Thái", 14),
    ("Đào", 10),
    ("Đoàn", 10),
    ("Cao", 9),
    ("Mai", 8),
    ("Chu", 8),
    ("Lưu", 7),
    ("Hà", 7),
    ("Tạ", 6),
    ("Lương", 6),
    ("Trương", 6),
    ("Huỳnh", 3),
)

# Older generations mostly carry Văn / Thị; younger ones have freer middle names.
MIDDLE_OLD = {
    "1": (("Văn", 60), ("Đình", 8), ("Hữu", 8), ("Xuân", 6), ("Đức", 6), ("Công", 5), ("Quang", 4), ("Ngọc", 3)),
    "2": (("Thị", 90), ("Ngọc", 3), ("Thu", 3), ("Thanh", 2), ("Xuân", 2)),
}
MIDDLE_YOUNG = {
    "1": (
        ("Văn", 20),
        ("Đức", 12),
        ("Minh", 12),
        ("Quang", 8),
        ("Hữu", 6),
        ("Anh", 6),
        ("Gia", 6),
        ("Bảo", 6),
        ("Đình", 5),
        ("Trọng", 5),
        ("Xuân", 4),
        ("Tiến", 4),
        ("Công", 4),
        ("Thành", 4),
    ),
    "2": (
        ("Thị", 35),
        ("Ngọc", 10),
        ("Thu", 8),
        ("Thanh", 7),
        ("Minh", 6),
        ("Hoài", 5),
        ("Khánh", 5),
        ("Phương", 5),
        ("Bảo", 5),
        ("Mai", 4),
        ("Hồng", 4),
        ("Diệu", 3),
        ("Thùy", 4),
    ),
}
GIVEN = {
    "1": (
        "Hùng",
        "Dũng",
        "Tuấn",
        "Nam",
        "Hải",
        "Long",
        "Sơn",
        "Thắng",
        "Cường",
        "Hoàng",
        "Huy",
        "Đức",
        "Quân",
        "Phúc",
        "Khang",
        "Bảo",
        "Minh",
        "An",
        "Tâm",
        "Trung",
        "Hiếu",
        "Nghĩa",
        "Thành",
        "Tiến",
        "Vinh",
        "Lâm",
        "Đạt",
        "Tùng",
        "Kiên",
        "Lộc",
        "Tài",
        "Thịnh",
        "Hưng",
        "Toàn",
        "Phong",
        "Việt",
        "Hà",
        "Quý",
        "Lợi",
        "Châu",
        "Đông",
        "Hòa",
        "Bình",
        "Tú",
        "Khánh",
        "Duy",
        "Nhật",
        "Khôi",
        "Đăng",
        "Thái",
        "Cảnh",
        "Chiến",
    ),
    "2": (
        "Lan",
        "Hương",
        "Hường",
        "Hoa",
        "Mai",
        "Thảo",
        "Trang",
        "Linh",
        "Ngọc",
        "Huyền",
        "Hằng",
        "Nga",
        "Loan",
        "Dung",
        "Thủy",
        "Yến",
        "Nhung",
        "Hà",
        "Vân",
        "Anh",
        "Hạnh",
        "Oanh",
        "Hiền",
        "Thư",
        "Vy",
        "Ngân",
        "Châu",
        "Quỳnh",
        "Tâm",
        "Lê",
        "Phương",
        "Thu",
        "Liên",
        "Tuyết",
        "Xuân",
        "Hồng",
        "Lý",
        "Sen",
        "Đào",
        "Cúc",
        "Nhi",
        "My",
        "Diệp",
        "Giang",
        "Trâm",
        "Uyên",
        "Thanh",
        "Bích",
        "Hảo",
        "Tình",
    ),
}
# Given names mostly seen among people born before about 1965.
GIVEN_OLD = {
    "1": ("Tý", "Sửu", "Thìn", "Khoa", "Bính", "Cầu", "Đắc", "Nhượng", "Thuận", "Lục", "Quế", "Hợi"),
    "2": ("Tẹo", "Sáu", "Lài", "Lựu", "Nhàn", "Thơm", "Thoa", "Hợi", "Mận", "Gái", "Cháu", "Đượm"),
}

# Village names are illustrative: the province keeps the real lists (domain.md §2.2), not the
# national code list, so these only have to read like Hà Tĩnh thôn.
VILLAGE_NAMES: tuple[str, ...] = (
    "Đông Hà",
    "Trung Sơn",
    "Tân Hòa",
    "Phú Lợi",
    "Yên Thành",
    "Bắc Sơn",
    "Nam Phong",
    "Thanh Long",
    "Hòa Bình",
    "Xuân Thịnh",
    "Minh Khai",
    "Đông Văn",
    "Tây Sơn",
    "Quyết Tiến",
    "Thắng Lợi",
    "Hưng Mỹ",
    "Phúc Đồng",
    "Trung Hòa",
    "Vĩnh Ninh",
    "Tiến Thành",
    "Hồng Lạc",
    "Đồng Tâm",
    "Liên Hương",
    "Hà Trung",
    "Cẩm Thịnh",
    "Nhân Hòa",
    "Hợp Tiến",
    "Sơn Bằng",
    "Kim Sơn",
    "Phương Trạch",
    "Mỹ Lộc",
    "Thượng Phú",
    "Hạ Phú",
    "An Lạc",
    "Đại Đồng",
    "Bình Minh",
    "Tân Phú",
    "Thạch Bàn",
    "Hòa Lạc",
    "Quang Trung",
    "Long Vân",
    "Đồng Môn",
    "Văn Phong",
    "Lộc Yên",
    "Yên Lạc",
    "Tam Đồng",
    "Phú Hòa",
    "Tân Thành",
    "Trường Xuân",
    "Song Long",
)
STREETS: tuple[str, ...] = ("Hà Huy Tập", "Trần Phú", "Nguyễn Du", "Phan Đình Phùng", "Lê Lợi", "Hàm Nghi")

DEATH_CAUSES: tuple[tuple[str, int], ...] = (
    ("Tuổi cao, bệnh già", 45),
    ("Bệnh tim mạch", 14),
    ("Đột quỵ", 12),
    ("Ung thư", 12),
    ("Bệnh phổi", 6),
    ("", 11),
)
POLICY_NOTES: tuple[str, ...] = (
    "Thân nhân liệt sĩ",
    "Thương binh",
    "Bệnh binh",
    "Người hoạt động kháng chiến bị nhiễm chất độc hóa học",
    "Người có công giúp đỡ cách mạng",
)
HARDSHIP_NOTES: tuple[str, ...] = (
    "Chủ hộ ốm đau dài ngày",
    "Nhà bị hư hỏng sau bão",
    "Không có việc làm ổn định",
    "Nuôi con nhỏ một mình",
    "",
)
DISABILITY_NOTES: tuple[str, ...] = ("Khuyết tật vận động", "Khuyết tật nghe, nói", "Khuyết tật trí tuệ", "")

# Short notes a collaborator writes after a visit, by topic.
VISIT_NOTES: dict[str, tuple[str, ...]] = {
    "family_planning": (
        "Tư vấn biện pháp tránh thai phù hợp cho cặp vợ chồng.",
        "Hướng dẫn chị khám phụ khoa định kỳ tại trạm y tế.",
    ),
    "prenatal_newborn_screening": (
        "Nhắc sàng lọc sơ sinh cho cháu.",
        "Tư vấn sàng lọc trước sinh ở tuần thai 12.",
    ),
    "sex_ratio_at_birth": ("Tuyên truyền không lựa chọn giới tính thai nhi.",),
    "elderly_care": (
        "Cụ sức khỏe yếu, nhắc con cháu đưa đi khám định kỳ.",
        "Hướng dẫn người cao tuổi tập thể dục nhẹ, ăn uống hợp lý.",
    ),
    "dv_prevention": ("Tuyên truyền Luật Phòng, chống bạo lực gia đình.",),
    "child_protection": ("Nhắc gia đình quản lý trẻ khi đi bơi, phòng đuối nước.",),
    "happy_family": ("Gia đình hòa thuận, không có vấn đề phát sinh.",),
    "hygiene_epidemic": ("Hướng dẫn diệt bọ gậy, phòng sốt xuất huyết.",),
    "immunization": ("Nhắc lịch tiêm chủng mở rộng cho cháu.",),
    "child_nutrition": ("Cân đo cho cháu, tư vấn chế độ ăn bổ sung.",),
    "maternal_care": ("Nhắc chị khám thai đủ 4 lần, uống viên sắt.",),
    "other": ("Hỗ trợ gia đình làm thủ tục bảo hiểm y tế.",),
}


def weighted(rng: random.Random, pairs: Sequence[tuple[T, float]]) -> T:
    """One value drawn by weight; the cumulative table is cached, as this runs ~10 times a person."""
    values, cumulative = _cumulative(tuple(pairs))
    return values[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


@functools.lru_cache(maxsize=4096)
def _cumulative(pairs: tuple[tuple[T, float], ...]) -> tuple[tuple[T, ...], tuple[float, ...]]:
    return tuple(p[0] for p in pairs), tuple(itertools.accumulate(p[1] for p in pairs))


def surname(rng: random.Random) -> str:
    return weighted(rng, SURNAMES)


def full_name(rng: random.Random, family_name: str, sex: str, birth_year: int) -> str:
    """Family name + middle name + given name, shaped by the generation the person belongs to."""
    old = birth_year < 1970
    middle = weighted(rng, (MIDDLE_OLD if old else MIDDLE_YOUNG)[sex])
    if birth_year < 1965 and rng.random() < 0.15:
        given = rng.choice(GIVEN_OLD[sex])
    else:
        given = rng.choice(GIVEN[sex])
    if middle == given:
        middle = "Văn" if sex == "1" else "Thị"
    # Some younger people carry two middle names ("Nguyễn Thị Thu Hà"); Văn / Thị only ever come first.
    if not old and rng.random() < 0.12:
        extra = weighted(rng, MIDDLE_YOUNG[sex])
        if extra not in (middle, given, "Văn", "Thị"):
            return f"{family_name} {middle} {extra} {given}"
    return f"{family_name} {middle} {given}"


def village_names(count: int) -> list[str]:
    """Thôn first; when a large demo needs more, residential groups are numbered like real ones."""
    names = [f"Thôn {n}" for n in VILLAGE_NAMES[:count]]
    names += [f"Tổ dân phố {i}" for i in range(1, count - len(names) + 1)]
    return names
