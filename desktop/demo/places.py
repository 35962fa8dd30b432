"""Places the demo's people move to and come from, named as they were on the day of the move."""

from __future__ import annotations

import random
from datetime import date

from desktop.demo.names import weighted

# Where people move to or come from; Hà Tĩnh sends many workers to the south and abroad. Each place as it
# was written before the reform of 01/7/2025 and after it (domain.md §2): Bình Dương became part of Thành
# phố Hồ Chí Minh and Quảng Bình of Quảng Trị; districts were abolished, and the communes around were merged
# (Phường Nam Hà is now Phường Thành Sen, Thị trấn Thiên Cầm is Xã Thiên Cầm).
REFORM_DAY = date(2025, 7, 1)
MOVE_OUT_PLACES: tuple[tuple[str, str, int], ...] = (
    ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", 22),
    ("Tỉnh Bình Dương", "Thành phố Hồ Chí Minh", 14),
    ("Thành phố Hà Nội", "Thành phố Hà Nội", 14),
    ("Phường Nam Hà, thành phố Hà Tĩnh", "Phường Thành Sen, Hà Tĩnh", 10),
    ("Tỉnh Đồng Nai", "Tỉnh Đồng Nai", 6),
    ("Tỉnh Nghệ An", "Tỉnh Nghệ An", 6),
    ("Hàn Quốc (lao động)", "Hàn Quốc (lao động)", 8),
    ("Nhật Bản (lao động)", "Nhật Bản (lao động)", 8),
    ("Đài Loan (Trung Quốc) (lao động)", "Đài Loan (Trung Quốc) (lao động)", 7),
    ("Xã Cẩm Bình, thành phố Hà Tĩnh", "Xã Cẩm Bình, Hà Tĩnh", 5),
)
MOVE_IN_PLACES: tuple[tuple[str, str, int], ...] = (
    ("Xã Cẩm Bình, thành phố Hà Tĩnh", "Xã Cẩm Bình, Hà Tĩnh", 14),
    ("Thị trấn Thiên Cầm, huyện Cẩm Xuyên", "Xã Thiên Cầm, Hà Tĩnh", 12),
    ("Xã Cẩm Duệ, huyện Cẩm Xuyên", "Xã Cẩm Duệ, Hà Tĩnh", 10),
    ("Phường Nam Hà, thành phố Hà Tĩnh", "Phường Thành Sen, Hà Tĩnh", 10),
    ("Thị trấn Thạch Hà, huyện Thạch Hà", "Xã Thạch Hà, Hà Tĩnh", 8),
    ("Tỉnh Nghệ An", "Tỉnh Nghệ An", 8),
    ("Tỉnh Quảng Bình", "Tỉnh Quảng Trị", 6),
    ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh", 6),
)
# The 29 provinces merged into others on 01/7/2025 (Nghị quyết 202/2025/QH15; domain.md §2): no address
# written after that day names them.
FORMER_PROVINCES: tuple[str, ...] = (
    "Hà Giang",
    "Yên Bái",
    "Bắc Kạn",
    "Vĩnh Phúc",
    "Hòa Bình",
    "Bắc Giang",
    "Thái Bình",
    "Hải Dương",
    "Hà Nam",
    "Nam Định",
    "Quảng Bình",
    "Quảng Nam",
    "Kon Tum",
    "Bình Định",
    "Ninh Thuận",
    "Đắk Nông",
    "Bình Thuận",
    "Phú Yên",
    "Bình Dương",
    "Bà Rịa",
    "Bình Phước",
    "Long An",
    "Sóc Trăng",
    "Hậu Giang",
    "Bến Tre",
    "Trà Vinh",
    "Tiền Giang",
    "Bạc Liêu",
    "Kiên Giang",
)


def place_on(rng: random.Random, places: tuple[tuple[str, str, int], ...], day: date) -> str:
    """A place drawn by weight, named as it was on `day`."""
    before, after, _weight = places[weighted(rng, tuple((i, w) for i, (_b, _a, w) in enumerate(places)))]
    return after if day >= REFORM_DAY else before
