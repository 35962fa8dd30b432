"""The sealed file container on its own: a round trip, and refusing a changed byte, a cut file, a wrong key,
a foreign magic, a newer version and a manifest that names what it may not hold."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import struct
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.security.sealed import (
    CHUNK,
    MANIFEST_MAX,
    NewerFormatError,
    SealedFormat,
    UnreadableError,
    contents,
    open_sealed,
    write_sealed,
)

FORMAT = SealedFormat(
    magic=b"TESTSEAL",
    name="test-seal",
    version=1,
    mac_info=b"test seal hmac v1",
    members=("notes.txt", "big.bin", "extra.json"),
    required=("notes.txt",),
)
KEY = bytes(range(32))
FACTS = {"kind": "probe", "made_by": "Nguyễn Thị Lan", "count": 3, "nothing": None}
NOTES = "Ghi chú của cộng tác viên".encode()


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "big-source.bin"
    path.write_bytes(os.urandom(CHUNK + 12345))  # more than one chunk, streamed from its file
    return path


@pytest.fixture
def sealed(tmp_path: Path, big: Path) -> Path:
    return seal(tmp_path / "file.seal", [("notes.txt", NOTES), ("big.bin", big)])


def seal(path: Path, sources: list, key: bytes = KEY, facts: dict | None = None) -> Path:
    with path.open("wb") as out:
        write_sealed(out, contents(FORMAT, FACTS if facts is None else facts, sources), key)
    return path


def changed(path: Path, position: int, target: Path) -> Path:
    raw = bytearray(path.read_bytes())
    raw[position] ^= 0x01
    target.write_bytes(bytes(raw))
    return target


def by_hand(manifest: dict, members: list[bytes], *, magic: bytes = b"TESTSEAL", version: int = 1) -> bytes:
    """A file laid out the way the module docstring says, without the module's writer."""
    text = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    body = struct.pack(">8sHI", magic, version, len(text)) + text + b"".join(members)
    checksum = hashlib.sha256(body).digest()
    mac_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"test seal hmac v1").derive(KEY)
    return body + checksum + hmac.new(mac_key, body + checksum, hashlib.sha256).digest()


def manifest_of(members: dict[str, bytes]) -> dict:
    listed = [{"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()} for n, b in members.items()]
    return {"format": "test-seal", **FACTS, "members": listed}


# Round trip #################################################################################


def test_a_sealed_file_reads_back_member_by_member(sealed, big, tmp_path):
    opened = open_sealed(sealed, FORMAT)
    assert {key: opened.manifest[key] for key in FACTS} == FACTS
    assert opened.manifest["format"] == "test-seal"
    assert [(m.name, m.size) for m in opened.members] == [("notes.txt", len(NOTES)), ("big.bin", big.stat().st_size)]
    assert opened.checksum_ok() and opened.authentic(KEY)
    assert opened.read_member("notes.txt") == NOTES
    opened.extract("big.bin", tmp_path / "big.out")
    assert (tmp_path / "big.out").read_bytes() == big.read_bytes()
    assert (tmp_path / "big.out").stat().st_mode & 0o777 == 0o600
    with pytest.raises(FileExistsError):  # never over a file that is already there
        opened.extract("big.bin", tmp_path / "big.out")


def test_the_writer_lays_the_file_out_byte_for_byte_as_documented(tmp_path):
    members = {"notes.txt": NOTES, "extra.json": b'{"a": 1}'}
    written = seal(tmp_path / "file.seal", list(members.items()))
    assert written.read_bytes() == by_hand(manifest_of(members), list(members.values()))


def test_a_file_written_by_hand_in_the_documented_layout_reads(tmp_path):
    members = {"notes.txt": NOTES, "extra.json": b"{}"}
    path = tmp_path / "by-hand.seal"
    path.write_bytes(by_hand(manifest_of(members), list(members.values())))
    opened = open_sealed(path, FORMAT)
    assert opened.checksum_ok() and opened.authentic(KEY)
    assert opened.read_member("extra.json") == b"{}"


def test_the_writer_refuses_members_the_format_does_not_allow(tmp_path):
    with pytest.raises(ValueError):
        contents(FORMAT, FACTS, [("notes.txt", b"x"), ("../../evil", b"x")])
    with pytest.raises(ValueError):
        contents(FORMAT, FACTS, [("extra.json", b"x")])  # the required member is missing
    with pytest.raises(ValueError):
        contents(FORMAT, FACTS, [("notes.txt", b"x"), ("notes.txt", b"y")])
    with pytest.raises(ValueError):
        contents(FORMAT, {"members": []}, [("notes.txt", b"x")])


# Refusals ###################################################################################


def test_a_changed_byte_anywhere_is_found(sealed, tmp_path):
    """In the header or manifest the file does not open; elsewhere the checksum fails, and the HMAC always."""
    size = sealed.stat().st_size
    for position in (0, 9, 13, 20, 60, size // 2, size - 40, size - 1):
        copy = changed(sealed, position, tmp_path / f"changed-{position}.seal")
        try:
            opened = open_sealed(copy, FORMAT)
        except UnreadableError:
            continue
        assert not opened.authentic(KEY), position
        assert position >= size - 32 or not opened.checksum_ok(), position


def test_a_changed_member_with_a_recomputed_checksum_fails_only_the_hmac(tmp_path):
    members = {"notes.txt": NOTES}
    raw = bytearray(seal(tmp_path / "file.seal", list(members.items())).read_bytes())
    forged = {"notes.txt": NOTES.replace(b"G", b"g")}
    body = by_hand(manifest_of(forged), list(forged.values()))[:-64]
    assert len(body) == len(raw) - 64
    path = tmp_path / "forged.seal"
    path.write_bytes(body + hashlib.sha256(body).digest() + bytes(raw[-32:]))
    opened = open_sealed(path, FORMAT)
    assert opened.checksum_ok() and not opened.authentic(KEY)


def test_a_member_changed_after_the_manifest_is_not_extracted(sealed, tmp_path):
    opened = open_sealed(sealed, FORMAT)
    member = opened.member("big.bin")
    with sealed.open("r+b") as stream:  # changed after it was opened and checked
        stream.seek(member.offset + 100)
        byte = stream.read(1)
        stream.seek(member.offset + 100)
        stream.write(bytes([byte[0] ^ 0xFF]))
    with pytest.raises(UnreadableError):
        opened.extract("big.bin", tmp_path / "out.bin")
    notes = opened.member("notes.txt")
    with sealed.open("r+b") as stream:
        stream.seek(notes.offset)
        stream.write(b"X")
    with pytest.raises(UnreadableError):
        opened.read_member("notes.txt")


@pytest.mark.parametrize("keep", [0, 5, 14, 40, -64, -1])
def test_a_cut_file_is_unreadable(sealed, tmp_path, keep):
    raw = sealed.read_bytes()
    cut = tmp_path / "cut.seal"
    cut.write_bytes(raw[:keep])
    with pytest.raises(UnreadableError):
        open_sealed(cut, FORMAT)


def test_bytes_added_at_the_end_make_it_unreadable(sealed, tmp_path):
    longer = tmp_path / "longer.seal"
    longer.write_bytes(sealed.read_bytes() + b"\0")
    with pytest.raises(UnreadableError):
        open_sealed(longer, FORMAT)


def test_a_wrong_key_does_not_authenticate(sealed, tmp_path):
    opened = open_sealed(sealed, FORMAT)
    assert opened.checksum_ok()  # accidental damage is checked without a key...
    assert not opened.authentic(bytes(32))  # ...but only the writer's key proves who wrote it
    other = seal(tmp_path / "other.seal", [("notes.txt", NOTES)], key=bytes(32))
    assert not open_sealed(other, FORMAT).authentic(KEY)


def test_another_magic_or_format_name_is_unreadable(tmp_path):
    members = {"notes.txt": NOTES}
    path = tmp_path / "foreign.seal"
    path.write_bytes(by_hand(manifest_of(members), list(members.values()), magic=b"SOTAYBAK"))
    with pytest.raises(UnreadableError):
        open_sealed(path, FORMAT)
    path.write_bytes(by_hand({**manifest_of(members), "format": "other"}, list(members.values())))
    with pytest.raises(UnreadableError):
        open_sealed(path, FORMAT)
    path.write_bytes(b"just some notes" * 10)
    with pytest.raises(UnreadableError):
        open_sealed(path, FORMAT)


def test_a_newer_version_is_told_apart_and_an_older_one_is_unreadable(tmp_path):
    members = {"notes.txt": NOTES}
    path = tmp_path / "version.seal"
    path.write_bytes(by_hand(manifest_of(members), list(members.values()), version=2))
    with pytest.raises(NewerFormatError):
        open_sealed(path, FORMAT)
    path.write_bytes(by_hand(manifest_of(members), list(members.values()), version=0))
    with pytest.raises(UnreadableError):
        open_sealed(path, FORMAT)


@pytest.mark.parametrize(
    "listed",
    [
        [{"name": "../../profile.db", "size": 1, "sha256": "0" * 64}],  # a name the format does not allow
        [{"name": "notes.txt", "size": 1, "sha256": "0" * 64}, {"name": "notes.txt", "size": 1, "sha256": "0" * 64}],
        [{"name": "extra.json", "size": 1, "sha256": "0" * 64}],  # the required member is missing
        [{"name": "notes.txt", "size": -1, "sha256": "0" * 64}],
        [{"name": "notes.txt", "size": True, "sha256": "0" * 64}],
        [{"name": "notes.txt", "size": 1, "sha256": "XYZ"}],
        [{"name": "notes.txt", "size": 1}],
        "notes.txt",
    ],
)
def test_a_manifest_that_lists_members_wrongly_is_unreadable(tmp_path, listed):
    path = tmp_path / "listed.seal"
    path.write_bytes(by_hand({"format": "test-seal", "members": listed}, [b"x"]))
    with pytest.raises(UnreadableError):
        open_sealed(path, FORMAT)


def test_a_forged_manifest_length_is_refused_before_reading_it(tmp_path):
    path = tmp_path / "huge.seal"
    path.write_bytes(struct.pack(">8sHI", b"TESTSEAL", 1, MANIFEST_MAX + 1) + b"{}" * 10)
    with pytest.raises(UnreadableError):
        open_sealed(path, FORMAT)


def test_it_writes_through_any_stream():
    out = io.BytesIO()
    write_sealed(out, contents(FORMAT, FACTS, [("notes.txt", NOTES)]), KEY)
    members = {"notes.txt": NOTES}
    assert out.getvalue() == by_hand(manifest_of(members), list(members.values()))
