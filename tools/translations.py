"""Keep the Chinese translation in step with the sources.

    python tools/translations.py update        collect the strings into planner_zh_CN.ts
    python tools/translations.py release       build planner_zh_CN.qm from it
    python tools/translations.py status        count what is left to translate
    python tools/translations.py fill A.json   write translations into the .ts

``update`` runs ``pyside6-lupdate`` over ``planner/`` (UI strings marked with
``tr()``/``translate()``, core messages marked with ``QT_TRANSLATE_NOOP``) and
drops strings no longer in the code. ``fill`` takes JSON lists of
``{"context": ..., "source": ..., "translation": ...}``. ``make translations``
runs update, then release; the tests check both were run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "planner"
TS = PACKAGE / "assets" / "translations" / "planner_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the project with `make` first")
    return found


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(ts: Path, *extra: str) -> str:
    """Run lupdate over the package into ``ts``; its report."""
    args = [_tool("pyside6-lupdate"), *extra, "-no-obsolete", "-locations", "none"]
    args += [str(p.relative_to(ROOT)) for p in sources()]
    args += ["-target-language", "zh_CN", "-ts", str(ts)]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout + done.stderr


def lrelease(ts: Path, qm: Path) -> None:
    args = [_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)]
    subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=True)


def messages(ts: Path) -> Iterator[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) of every message."""
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text: str | None = None
            if translation is not None and translation.get("type") != "unfinished":
                forms = translation.findall("numerusform")
                text = forms[0].text if forms else translation.text
            yield name, message.findtext("source") or "", text or None


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    return [(context, source) for context, source, text in messages(ts) if not text]


def fill(ts: Path, files: list[Path]) -> int:
    """Write the translations of ``files`` into ``ts``; how many it set."""
    wanted: dict[tuple[str, str], str] = {}
    for path in files:
        for entry in json.loads(path.read_text(encoding="utf-8")):
            wanted[(entry["context"], entry["source"])] = entry["translation"]
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            if key not in wanted or not wanted[key]:
                continue
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            translation.attrib.pop("type", None)
            forms = translation.findall("numerusform")
            if message.get("numerus") == "yes":
                for form in forms:
                    translation.remove(form)
                translation.text = None
                ET.SubElement(translation, "numerusform").text = wanted[key]
            else:
                translation.text = wanted[key]
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "status"
    if command == "update":
        print(lupdate(TS).strip())
    elif command == "release":
        lrelease(TS, QM)
        print(f"wrote {QM.relative_to(ROOT)}")
    elif command == "fill":
        print(f"set {fill(TS, [Path(a) for a in argv[1:]])} translations")
        print(lupdate(TS).strip())
    elif command == "status":
        left = unfinished(TS)
        for context, source in left:
            print(f"{context}\t{source}")
        print(f"{len(left)} left to translate", file=sys.stderr)
        return 1 if left else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
