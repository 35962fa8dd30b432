"""Install the UI language: our catalogue for Qt, for our widgets and for the pure-code messages.

The Vietnamese catalogue is read straight from `resources/i18n/sotay_vi.ts`, so no compiled `.qm` is
needed at run time. PySide6 ships no `qtbase_vi.qm`, so Qt's own strings (standard buttons, context
menus) are translated from the same catalogue (see `qt_strings.py`).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

from desktop import i18n
from desktop.errors import FieldProblem, SotayError
from desktop.paths import resource

log = logging.getLogger(__name__)
LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
CATALOGUE_NAME = "sotay_{language}.ts"


def catalogue_path(language: str = DEFAULT_LANGUAGE) -> Path:
    return resource("i18n", CATALOGUE_NAME.format(language=language))


class CatalogueTranslator(QTranslator):
    """Answers every `tr()`/`translate()` lookup from an in-memory {(context, source): text} map."""

    def __init__(self, catalogue: Mapping[tuple[str, str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalogue = dict(catalogue)

    def translate(  # type: ignore[override]
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        # Unknown texts answer with the English source. Returning None ("not here") would be the Qt
        # idiom, but PySide6 under Python 3.11 drops a reference to None on every such call until
        # the interpreter aborts ("deallocating None"); we are the only translator, so it is the same.
        return self._catalogue.get((context, source_text), source_text)

    def isEmpty(self) -> bool:
        return not self._catalogue


class _State:
    language = "en"
    translator: CatalogueTranslator | None = None
    # Problems and errors carry only their source text, not the context they were marked in.
    by_source: dict[str, str] = {}


def install(language: str) -> str:
    """Make `language` current for Qt and for desktop.i18n; returns the language actually used."""
    app = QCoreApplication.instance()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if _State.translator is not None and app is not None:
        app.removeTranslator(_State.translator)
        _State.translator = None
    if language == "en":
        i18n.set_translator(lambda _context, text: text)
        _State.by_source = {}
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        try:
            catalogue = i18n.load_ts_catalogue(str(catalogue_path(language)))
        except (OSError, ET.ParseError):
            # A broken install must still start; English is better than no window at all.
            log.exception("Cannot read the %s catalogue; using English", language)
            return install("en")
        if app is not None:
            _State.translator = CatalogueTranslator(catalogue, app)
            app.installTranslator(_State.translator)
        i18n.use_catalogue(catalogue)
        by_source: dict[str, str] = {}
        for (_context, source), text in catalogue.items():
            by_source.setdefault(source, text)
        _State.by_source = by_source
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    _State.language = language
    return language


def current_language() -> str:
    return _State.language


def message_text(message: str, params: Mapping[str, object] | None = None) -> str:
    """Translate a marked source text from the services, then fill its named placeholders."""
    return i18n.fill(_State.by_source.get(message, message), message, params)


def problem_text(problem: FieldProblem) -> str:
    return message_text(problem.message, problem.params)


def error_text(error: BaseException) -> str:
    if isinstance(error, SotayError):
        return message_text(error.message, error.params)
    return str(error)
