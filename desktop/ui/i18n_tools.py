"""Keep `resources/i18n/sotay_vi.ts` in step with the code.

    python -m desktop.ui.i18n_tools update   # extract new strings, keep existing translations
    python -m desktop.ui.i18n_tools check    # list untranslated strings and placeholder mismatches

`pyside6-lupdate` does the extraction. It only understands a *literal* context, so the services'
`QT_TRANSLATE_NOOP(CTX, "...")` (with `CTX = "Validation"` at module level) would be missed, and so
would a module's `_tr("...")` helper (which translates in the module's `CTX`). A small AST pass finds
both and adds them to the catalogue too, restoring their translations when lupdate has just marked
them as vanished.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import PySide6

from desktop.fileio import write_atomically
from desktop.paths import RESOURCES

REPO = RESOURCES.parent
DEFAULT_ROOTS = (REPO / "desktop",)
DEFAULT_TS = RESOURCES / "i18n" / "sotay_vi.ts"
MARKERS = {"QT_TRANSLATE_NOOP", "translate"}
HELPER = "_tr"  # module-level helper: _tr(text) == QCoreApplication.translate(CTX, text)
HELPER_CONTEXT = "CTX"
_PLACEHOLDER = re.compile(r"\{(\w*)\}")
_OBSOLETE = {"vanished", "obsolete"}


@dataclass(frozen=True, slots=True)
class Marked:
    context: str
    source: str
    path: Path
    line: int


def lupdate_executable() -> Path:
    name = "lupdate.exe" if sys.platform == "win32" else "lupdate"
    return Path(PySide6.__file__).resolve().parent / name


def run_lupdate(ts_path: Path, roots: Sequence[Path]) -> None:
    cmd = [
        str(lupdate_executable()),
        "-extensions",
        "py",
        "-locations",
        "relative",
        "-source-language",
        "en",
        "-target-language",
        "vi",
        *[str(r) for r in roots],
        "-ts",
        str(ts_path),
    ]
    subprocess.run(cmd, check=True, capture_output=True, text=True)


def _module_constants(tree: ast.Module) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def _call_name(node: ast.Call) -> str:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return ""


def marked_with_constant_context(roots: Sequence[Path]) -> Iterator[Marked]:
    """Markers whose context is a module-level name; lupdate cannot resolve those itself."""
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
            constants = _module_constants(tree)
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    found = _marked(node, constants)
                    if found is not None:
                        yield Marked(found[0], found[1], path, node.lineno)


def _marked(node: ast.Call, constants: dict[str, str]) -> tuple[str, str] | None:
    name, args = _call_name(node), node.args
    if name == HELPER and len(args) == 1 and HELPER_CONTEXT in constants:
        context: ast.expr = ast.Name(id=HELPER_CONTEXT)
        source = args[0]
    elif name in MARKERS and len(args) >= 2:
        context, source = args[0], args[1]
    else:
        return None
    if not (isinstance(context, ast.Name) and context.id in constants):
        return None
    if not (isinstance(source, ast.Constant) and isinstance(source.value, str)):
        return None
    return constants[context.id], source.value


def _context_element(root: ET.Element, name: str) -> ET.Element:
    for context in root.iter("context"):
        if context.findtext("name") == name:
            return context
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = name
    return context


def _merge_marked(root: ET.Element, marked: Sequence[Marked], ts_dir: Path) -> None:
    for item in marked:
        context = _context_element(root, item.context)
        message = next((m for m in context.iter("message") if m.findtext("source") == item.source), None)
        if message is None:
            message = ET.SubElement(context, "message")
            location = ET.SubElement(message, "location")
            location.set("filename", Path(_relative(item.path, ts_dir)).as_posix())
            location.set("line", str(item.line))
            ET.SubElement(message, "source").text = item.source
            ET.SubElement(message, "translation").set("type", "unfinished")
            continue
        translation = message.find("translation")
        if translation is None:
            ET.SubElement(message, "translation").set("type", "unfinished")
        elif translation.get("type") in _OBSOLETE:
            # Still in the code: lupdate just could not see it. Keep the translator's work.
            if translation.text:
                del translation.attrib["type"]
            else:
                translation.set("type", "unfinished")


def _relative(path: Path, start: Path) -> str:
    return os.path.relpath(path.resolve(), start.resolve())


def _prune_obsolete(root: ET.Element) -> None:
    for context in list(root.iter("context")):
        for message in list(context.iter("message")):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in _OBSOLETE:
                context.remove(message)
        if context.find("message") is None:
            root.remove(context)


def _write(tree: ET.ElementTree, ts_path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    write_atomically(ts_path, f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n'.encode())


def update(ts_path: Path = DEFAULT_TS, roots: Sequence[Path] = DEFAULT_ROOTS) -> None:
    """Extract every marked string under `roots` into `ts_path`, keeping finished translations."""
    if not ts_path.exists():
        ts_path.parent.mkdir(parents=True, exist_ok=True)
        empty = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="vi"/>\n'
        write_atomically(ts_path, empty.encode())
    run_lupdate(ts_path, roots)
    tree = ET.parse(ts_path)
    tree.getroot().set("sourcelanguage", "en")  # Linguist shows the English source as such
    _merge_marked(tree.getroot(), list(marked_with_constant_context(roots)), ts_path.parent)
    _prune_obsolete(tree.getroot())
    _write(tree, ts_path)


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def problems(ts_path: Path = DEFAULT_TS) -> list[str]:
    """Every message without a usable Vietnamese translation, described for a human."""
    found: list[str] = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "missing"
            text = (translation.text or "") if translation is not None else ""
            if kind in _OBSOLETE:
                continue
            if kind == "unfinished" or kind == "missing" or not text.strip():
                found.append(f"{name}: untranslated: {source!r}")
            elif placeholders(source) != placeholders(text):
                found.append(f"{name}: placeholders differ: {source!r} -> {text!r}")
            elif ("%n" in source) != ("%n" in text):
                found.append(f"{name}: %n differs: {source!r} -> {text!r}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.i18n_tools", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "check"))
    parser.add_argument("--ts", type=Path, default=DEFAULT_TS)
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.ts)
    issues = problems(args.ts)
    for line in issues:
        print(line)
    print(f"{args.ts}: {len(issues)} message(s) need a translator")
    return 1 if issues and args.command == "check" else 0


if __name__ == "__main__":
    raise SystemExit(main())
