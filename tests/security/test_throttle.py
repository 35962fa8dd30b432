from __future__ import annotations

import json
import logging

import pytest

from desktop.security.throttle import FILENAME, FREE_ATTEMPTS, MAX_DELAY, RECOVERY, Throttle, delay_after

T0 = 1_800_000_000.0
USER = "Nguyễn Thị Lan"


@pytest.fixture
def throttle(tmp_path):
    return Throttle(tmp_path)


def fail(throttle, times, start=T0, user=USER):
    for i in range(times):
        throttle.record_failure(user, start + i)
    return start + times - 1


def test_delays_grow_after_five_failures_and_are_capped():
    assert [delay_after(n) for n in range(7)] == [0, 0, 0, 0, 0, 1, 2]
    assert delay_after(13) == 256 and delay_after(14) == MAX_DELAY == 300 and delay_after(1000) == MAX_DELAY


def test_first_five_failures_are_free(throttle):
    last = fail(throttle, FREE_ATTEMPTS - 1)
    assert throttle.check(USER, last) == 0.0


def test_wait_after_threshold(throttle):
    last = fail(throttle, 7)  # 2^(7-5) = 4 s after the last failure
    assert throttle.check(USER, last) == 4.0
    assert throttle.check(USER, last + 3) == 1.0
    assert throttle.check(USER, last + 4) == 0.0
    assert throttle.record_failure(USER, last + 4) == 8.0
    assert throttle.check(USER, last + 4) == 8.0


def test_state_survives_a_restart(tmp_path):
    last = fail(Throttle(tmp_path), 6)
    assert Throttle(tmp_path).check(USER, last) == 2.0
    assert Throttle(tmp_path).failures(USER) == 6


def test_success_clears_only_that_user(throttle):
    fail(throttle, 6)
    last = fail(throttle, 6, user="Trần Văn Minh")
    throttle.record_success("  nguyễn thị lan ")  # same folding as keyslots
    assert throttle.check(USER, last) == 0.0 and throttle.failures(USER) == 0
    assert throttle.check("Trần Văn Minh", last) == 2.0


def test_recovery_attempts_are_throttled_separately(throttle):
    last = fail(throttle, 6, user=RECOVERY)
    assert throttle.check(RECOVERY, last) == 2.0
    assert throttle.check(USER, last) == 0.0


def test_a_clock_set_backwards_never_waits_longer_than_the_delay(throttle):
    last = fail(throttle, 6)
    assert throttle.check(USER, last - 86_400 * 365) == 2.0


def test_no_file_until_a_failure_and_no_temp_files(throttle, tmp_path):
    throttle.record_success(USER)
    assert list(tmp_path.iterdir()) == []
    fail(throttle, 1)
    assert [p.name for p in tmp_path.iterdir()] == [FILENAME]


@pytest.mark.parametrize(
    "content", [b"\xff\x00garbage", b"{}", b'{"format_version": 1, "users": {"x": {"failures": -1}}}']
)
def test_corrupt_state_neither_locks_out_nor_resets_silently(tmp_path, caplog, content):
    (tmp_path / FILENAME).write_bytes(content)
    throttle = Throttle(tmp_path)
    with caplog.at_level(logging.WARNING, logger="desktop.security.throttle"):
        assert throttle.check(USER, T0) == 0.0  # nobody is locked out
    assert "corrupt" in caplog.text
    # ...but there are no free guesses either: the next failure already waits.
    assert throttle.record_failure(USER, T0) == 2.0
    assert throttle.check(USER, T0) == 2.0
    assert json.loads((tmp_path / FILENAME).read_text(encoding="utf-8"))["format_version"] == 1


def test_success_after_corruption_writes_a_clean_file(tmp_path):
    (tmp_path / FILENAME).write_text("not json", encoding="utf-8")
    Throttle(tmp_path).record_success(USER)
    assert json.loads((tmp_path / FILENAME).read_text(encoding="utf-8")) == {"format_version": 1, "users": {}}
