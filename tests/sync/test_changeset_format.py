"""Reading a changeset's JSON Lines: what is not one, or not whole, is refused before anything is applied."""

from __future__ import annotations

import hashlib
import json

import pytest

from desktop.sync.changeset import FORMAT, VERSION, Changeset, ChangesetError, RowChange, from_jsonl


def _changeset(rows: int = 2) -> Changeset:
    clock = "001796688000000-00000-1c3a4f2e-0000-4000-8000-000000000001"
    made = tuple(
        RowChange(
            table="villages",
            id=f"00000000-0000-4000-8000-00000000000{n}",
            values={"name": f"Thôn {n}"},
            hlc=clock,
            field_clocks={"": [clock, ""]},
            changed_fields={"name": clock},
            usn=-1,
            origin="1c3a4f2e-0000-4000-8000-000000000001",
            created_at="2026-12-07T09:30:00.000000Z",
            updated_at="2026-12-07T09:30:00.000000Z",
        )
        for n in range(rows)
    )
    return Changeset(id="c1", sender="d1", made_at=clock, schema="0019", rows=made)


def test_a_changeset_reads_back_as_written_and_names_the_digest_of_what_arrived():
    sent = _changeset()
    data = sent.to_jsonl()
    header = json.loads(data.split(b"\n")[0])
    assert (header["format"], header["version"], header["rows"]) == (FORMAT, VERSION, 2)
    got = from_jsonl(data)
    assert got.rows == sent.rows and got.id == sent.id
    assert got.sha256() == sent.sha256() == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[: data.rindex(b"\n", 0, len(data) - 1) + 1],  # the last row lost
        lambda data: data + data.split(b"\n")[1] + b"\n",  # a row more than the header says
        lambda data: data.replace(b'"version":1', b'"version":2'),
        lambda data: data.replace(b'"format":"sotay-changeset"', b'"format":"other"'),
        lambda data: data.replace(b'"usn":-1', b'"usn":"-1"', 1),
        lambda data: data.replace(b'"field_clocks":{"":[', b'"field_clocks":{"":["x",', 1),
        lambda data: data[:-10] + b"\xff\xfe\n",
        lambda data: data.split(b"\n")[0] + b"\n\n" + b"\n".join(data.split(b"\n")[1:]),  # an empty line
    ],
)
def test_a_damaged_or_cut_changeset_is_refused(damage):
    with pytest.raises(ChangesetError):
        from_jsonl(damage(_changeset().to_jsonl()))
