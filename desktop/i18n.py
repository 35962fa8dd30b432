"""Translation markers for code that must not import Qt.

`pyside6-lupdate` extracts QT_TRANSLATE_NOOP("Context", "text") from these modules; the UI installs
the real lookup with `set_translator`, and the command line uses the Vietnamese catalogue read from
the .ts file through the same hook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

Translator = Callable[[str, str], str]

_translate: Translator = lambda _context, text: text  # noqa: E731


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate looks for this name
    return text


def set_translator(translator: Translator) -> None:
    global _translate
    _translate = translator


def tr(context: str, text: str, params: Mapping[str, object] | None = None) -> str:
    """Translate, then fill named placeholders so translators can reorder them."""
    return fill(_translate(context, text), text, params)


def fill(translated: str, source: str, params: Mapping[str, object] | None = None) -> str:
    """The translation with its named placeholders filled; the source text's when the translation's are broken."""
    if not params:
        return translated
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return source.format(**params)  # a broken translation must not hide the facts


def load_ts_catalogue(path: str) -> dict[tuple[str, str], str]:
    """Read a Qt Linguist .ts file into {(context, source): translation}.

    The command line has no Qt; it reads the same catalogue the UI compiles to .qm.
    """
    import xml.etree.ElementTree as ET

    catalogue: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if not source or translation is None or translation.get("type") in {"unfinished", "obsolete"}:
                continue
            if translation.text:
                catalogue[(name, source)] = translation.text
    return catalogue


def use_catalogue(catalogue: Mapping[tuple[str, str], str]) -> None:
    set_translator(lambda context, text: catalogue.get((context, text), text))
