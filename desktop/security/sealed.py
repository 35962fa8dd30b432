"""Sealed files: named members in one file, listed in a manifest and sealed by a checksum and an HMAC.

The layout (integers big-endian):

    magic (8 bytes) | version (2 bytes) | manifest length (4 bytes) | manifest (UTF-8 JSON)
    | the members, one after another, in the manifest's order
    | SHA-256 of every byte before it (32 bytes)
    | HMAC-SHA256 of every byte before it, that SHA-256 included (32 bytes)

The manifest is a JSON object: ``"format"`` names the kind of file, then whatever its writer says about
the contents, then ``"members"``, each with its name, size and SHA-256. A `SealedFormat` fixes the
magic, that name, the version, the names a member may have and what keys the HMAC.

The plain SHA-256 lets anyone find accidental damage without a key. The HMAC, keyed through HKDF by
the writer's secret, proves that every byte is what a holder of that secret wrote. Reading trusts no
size the file gives: the manifest is capped, and the members with the trailer must end the file
exactly. Members are streamed in both directions, so a file may be larger than memory.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import struct
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.fileio import atomic_stream

HEADER = struct.Struct(">8sHI")  # magic, format version, manifest length
DIGEST_BYTES = 32
MANIFEST_MAX = 1 << 20  # a forged length must not make a reader load a whole file into memory
CHUNK = 1 << 20

Source = Path | bytes  # a member's bytes, or the file that holds them when they are too big to keep in memory


class UnreadableError(Exception):
    """Not a file of this format, or damaged where it says what it holds."""


class NewerFormatError(Exception):
    """A file written in a version of its format newer than this reader knows."""


@dataclass(frozen=True, slots=True)
class SealedFormat:
    """One kind of sealed file: how it starts, what its manifest calls it, what it may hold."""

    magic: bytes  # exactly 8 bytes
    name: str  # the manifest's "format"
    version: int
    mac_info: bytes  # HKDF info: the MAC key can never be confused with anything else the secret protects
    members: tuple[str, ...]  # the only names a member may have: a reader must never write where a file says
    required: tuple[str, ...]  # the members every file of this kind holds

    def mac_key(self, secret: bytes) -> bytes:
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=self.mac_info).derive(secret)


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    offset: int
    size: int
    sha256: str


# --- writing --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contents:
    """A sealed file ready to be written: its manifest, which lists every member's size and SHA-256."""

    format: SealedFormat
    manifest: bytes
    sources: tuple[tuple[str, Source], ...]


def contents(fmt: SealedFormat, facts: Mapping[str, object], sources: Sequence[tuple[str, Source]]) -> Contents:
    """Read every member once for its size and digest; `facts` go in the manifest in their order."""
    names = [name for name, _source in sources]
    if set(names) - set(fmt.members) or len(set(names)) != len(names) or set(fmt.required) - set(names):
        raise ValueError(f"members {names!r} do not fit {fmt.name}")
    if {"format", "members"} & set(facts):
        raise ValueError("the manifest's own keys cannot be facts")
    listed = [{"name": name, "size": size, "sha256": digest} for name, (size, digest) in _listed(sources)]
    doc = {"format": fmt.name, **facts, "members": listed}
    manifest = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    return Contents(fmt, manifest, tuple(sources))


def write_sealed(out: BinaryIO, sealed: Contents, secret: bytes) -> None:
    """Write the file to `out`, sealed with an HMAC keyed by `secret`."""
    digest, mac = hashlib.sha256(), hmac.new(sealed.format.mac_key(secret), digestmod=hashlib.sha256)

    def put(data: bytes) -> None:
        out.write(data)
        digest.update(data)
        mac.update(data)

    put(HEADER.pack(sealed.format.magic, sealed.format.version, len(sealed.manifest)))
    put(sealed.manifest)
    for _name, source in sealed.sources:
        if isinstance(source, bytes):
            put(source)
            continue
        with source.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                put(chunk)
    checksum = digest.digest()
    out.write(checksum)
    mac.update(checksum)
    out.write(mac.digest())


def _listed(sources: Sequence[tuple[str, Source]]) -> Iterator[tuple[str, tuple[int, str]]]:
    for name, source in sources:
        if isinstance(source, bytes):
            yield name, (len(source), hashlib.sha256(source).hexdigest())
            continue
        digest = hashlib.sha256()
        _hash_range(source, source.stat().st_size, digest)
        yield name, (source.stat().st_size, digest.hexdigest())


# --- reading --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SealedFile:
    """A sealed file whose header and manifest read. Nothing else is checked until asked."""

    path: Path
    format: SealedFormat
    manifest: Mapping[str, Any]  # the whole manifest as written, "format" and "members" included
    members: tuple[Member, ...]
    body_end: int  # where the SHA-256 starts; the HMAC follows it and ends the file

    def member(self, name: str) -> Member:
        return next(m for m in self.members if m.name == name)

    def checksum_ok(self) -> bool:
        """Whether the plain SHA-256 holds (reads every byte): accidental damage, found without a key."""
        digest = hashlib.sha256()
        _hash_range(self.path, self.body_end, digest)
        return hmac.compare_digest(digest.digest(), self._trailer()[0])

    def authentic(self, secret: bytes) -> bool:
        """Whether the HMAC holds: every byte is what a holder of `secret` wrote."""
        mac = hmac.new(self.format.mac_key(secret), digestmod=hashlib.sha256)
        _hash_range(self.path, self.body_end + DIGEST_BYTES, mac)
        return hmac.compare_digest(mac.digest(), self._trailer()[1])

    def seal_holds(self, secret: bytes | None) -> tuple[bool, bool | None]:
        """The checksum and, when `secret` is given, the HMAC, in one pass over the file.

        (checksum holds, HMAC holds or None when no secret was given). Listing a folder of backups reads
        each once instead of twice."""
        digest = hashlib.sha256()
        if secret is None:
            _hash_range(self.path, self.body_end, digest)
            return hmac.compare_digest(digest.digest(), self._trailer()[0]), None
        mac = hmac.new(self.format.mac_key(secret), digestmod=hashlib.sha256)
        _hash_range(self.path, self.body_end, digest, mac)
        checksum, tag = self._trailer()
        mac.update(checksum)
        return hmac.compare_digest(digest.digest(), checksum), hmac.compare_digest(mac.digest(), tag)

    def read_member(self, name: str) -> bytes:
        """A small member's bytes, refused (`UnreadableError`) when they do not match its SHA-256."""
        member = self.member(name)
        with self.path.open("rb") as stream:
            stream.seek(member.offset)
            raw = stream.read(member.size)
        if hashlib.sha256(raw).hexdigest() != member.sha256:
            raise UnreadableError(f"member {name!r}")
        return raw

    def extract(self, name: str, target: Path) -> None:
        """Write a member to a new file, synced; `UnreadableError` when it does not match its SHA-256.

        The SHA-256 is in the manifest the HMAC covers: this catches a file changed since it was checked.
        """
        member = self.member(name)
        digest = hashlib.sha256()
        if target.exists():
            raise FileExistsError(target)
        # Owner-only from the first byte; the file appears only once all of it matched its digest.
        with self.path.open("rb") as stream, atomic_stream(target, private=True) as out:
            stream.seek(member.offset)
            for chunk in _chunks(stream, member.size):
                digest.update(chunk)
                out.write(chunk)
            if digest.hexdigest() != member.sha256:
                raise UnreadableError(f"member {name!r}")

    def _trailer(self) -> tuple[bytes, bytes]:
        with self.path.open("rb") as stream:
            stream.seek(self.body_end)
            tail = stream.read(2 * DIGEST_BYTES)
        return tail[:DIGEST_BYTES], tail[DIGEST_BYTES:]


def open_sealed(path: Path, fmt: SealedFormat) -> SealedFile:
    """Read the header and the manifest. `UnreadableError`, `NewerFormatError`, or `OSError` as files raise."""
    size = path.stat().st_size
    with path.open("rb") as stream:
        manifest, offset = _read_manifest(stream, fmt)
    try:
        members = _parse_members(manifest, fmt, offset)
    except (ValueError, TypeError, KeyError) as exc:
        raise UnreadableError(f"manifest: {exc}") from None
    body_end = offset + sum(m.size for m in members)
    if body_end + 2 * DIGEST_BYTES != size:
        raise UnreadableError("size")
    return SealedFile(path, fmt, manifest, members, body_end)


def _read_manifest(stream: IO[bytes], fmt: SealedFormat) -> tuple[dict[str, Any], int]:
    head = stream.read(HEADER.size)
    if len(head) != HEADER.size:
        raise UnreadableError("too short")
    magic, version, length = HEADER.unpack(head)
    if magic != fmt.magic:
        raise UnreadableError(f"not a {fmt.name} file")
    if version > fmt.version:
        raise NewerFormatError(version)
    if version != fmt.version or length > MANIFEST_MAX:
        raise UnreadableError("header")
    raw = stream.read(length)
    if len(raw) != length:
        raise UnreadableError("too short")
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UnreadableError(f"manifest: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != fmt.name:
        raise UnreadableError("manifest: format")
    return doc, HEADER.size + length


def _parse_members(doc: Mapping[str, Any], fmt: SealedFormat, offset: int) -> tuple[Member, ...]:
    members: list[Member] = []
    for item in doc["members"]:
        name, size, digest = item["name"], item["size"], item["sha256"]
        if name not in fmt.members or any(m.name == name for m in members):
            raise ValueError(f"member {name!r}")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise ValueError("size")
        if not isinstance(digest, str) or len(digest) != 64 or digest.strip("0123456789abcdef"):
            raise ValueError("sha256")
        members.append(Member(name, offset, size, digest))
        offset += size
    if set(fmt.required) - {m.name for m in members}:
        raise ValueError("members")
    return tuple(members)


def _hash_range(path: Path, end: int, *hashers: Any) -> None:
    """Feed bytes [0, end) of the file to every hasher, a chunk at a time."""
    with path.open("rb") as stream:
        for chunk in _chunks(stream, end):
            for hasher in hashers:
                hasher.update(chunk)


def _chunks(stream: IO[bytes], size: int) -> Iterator[bytes]:
    left = size
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            raise UnreadableError("too short")
        left -= len(chunk)
        yield chunk
