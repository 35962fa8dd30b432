"""The printable recovery-code sheet: one A4 page in the layout of the app's reports, written as a PDF.

Unlike the reports, which are official documents in Vietnamese, the sheet is for the collaborator and is
written in the language the app shows (desktop.i18n, which the UI points at its catalogue). It is
written only to the file the user chose, readable by its owner only.
"""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path

from desktop import APP_NAME, i18n
from desktop.fileio import write_atomically
from desktop.reports.content import with_digest
from desktop.reports.model import Header, ReportDocument, Section
from desktop.reports.pdf import render_pdf
from desktop.services.documents.parts import place_name

CTX = "RecoverySheet"


def _tr(text: str) -> str:
    return i18n.tr(CTX, text)


def sheet_document(*, commune: str, user: str, code: str, made_on: date) -> ReportDocument:
    """The sheet in the layout of the app's other documents, in the language the app shows."""
    steps = (
        _tr("Open Sổ tay CTV. In the login window, choose your name and click “Forgot your passphrase?”."),
        _tr("Type the code exactly as printed above. Capital or small letters and the dashes do not matter."),
        _tr("Choose a new passphrase. From then on you log in with the new passphrase; the old one stops working."),
    )
    what = _tr(
        "This code opens the notebook when the passphrase is forgotten. It is the only way back in: "
        "nobody can recover the data without the passphrase or this code."
    )
    keep = _tr("Keep this sheet locked away, apart from the computer.")
    why = _tr(
        "Anyone who has both this code and the computer can open the notebook. "
        "Do not photograph it or send it by message."
    )
    facts = (f"{_tr('Commune / ward')}: {commune}", f"{_tr('User')}: {user}", f"{_tr('Date')}: {made_on:%d/%m/%Y}")
    doc = ReportDocument(
        document_id=f"KP-{made_on:%Y%m%d}-{secrets.token_hex(5).upper()}",
        kind="recovery",
        header=Header(f"UBND {commune.upper()}", APP_NAME.upper(), "", place_name(commune), made_on),
        title=_tr("Recovery code").upper(),
        sections=(
            Section("", facts, emphasis=code.replace("-", " - ")),
            Section("", (what,)),
            Section(_tr("How to use it"), tuple(f"{n}. {step}" for n, step in enumerate(steps, 1))),
            Section("", (f"{keep} {why}",)),
        ),
    )
    return with_digest(doc)


def write_recovery_sheet(path: Path, *, commune: str, user: str, code: str, made_on: date) -> Path:
    """The sheet as an A4 PDF with its fonts embedded: the commune, the user, the date, the code and how to use it."""
    rendered = render_pdf(sheet_document(commune=commune, user=user, code=code, made_on=made_on))
    write_atomically(path, rendered.data, private=True)
    return path
