"""The Chinese translation is complete, in step with the sources, and well formed.

``tools/translations.py update`` (``make translations``) collects the marked
strings; these tests fail when a string is marked but not translated, when a
string in the UI is not marked at all, when a translation drops a placeholder,
and when the built ``.qm`` is older than the ``.ts``.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from pathlib import Path

import pytest

from planner.i18n import QT_TRANSLATE_NOOP, Text, catalog, localize, read_ts, say

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translations  # noqa: E402

TS = translations.TS
QM = translations.QM
messages = translations.messages
FIX = "run `make translations` (tools/translations.py update, translate, release)"


@pytest.fixture(scope="module")
def fresh_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts brought up to date with the sources, in a scratch copy."""
    copy = tmp_path_factory.mktemp("ts") / TS.name
    shutil.copy(TS, copy)
    translations.lupdate(copy)
    return copy


def test_the_catalogue_holds_every_marked_string_and_no_stale_one(fresh_ts: Path) -> None:
    committed = {(c, s) for c, s, _ in messages(TS)}
    current = {(c, s) for c, s, _ in messages(fresh_ts)}
    assert not sorted(current - committed)[:20], f"strings not in the catalogue; {FIX}"
    assert not sorted(committed - current)[:20], f"strings no longer in the code; {FIX}"


def test_every_string_is_translated(fresh_ts: Path) -> None:
    left = [(c, s) for c, s, t in messages(fresh_ts) if not t]
    assert not left[:30], f"{len(left)} strings without a Chinese translation; {FIX}"


def test_contexts_are_class_or_module_names() -> None:
    """A tr() called on another object is filed under its variable's name, and the
    app never finds it (``window.tr`` → "window"): such strings show in English."""
    bad = sorted({c for c, _, _ in messages(TS) if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", c)})
    assert not bad, f"contexts that are not class names: {bad}"


PLACEHOLDER = re.compile(r"%\d+|%n|\{[a-z_0-9]*\}")


def test_translations_keep_every_placeholder() -> None:
    wrong = []
    for context, source, text in messages(TS):
        if text and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((context, source, text))
    assert not wrong[:20]


def test_translations_keep_the_keyboard_accelerator() -> None:
    """ "&File" is "文件(&F)": the same letter, so the muscle memory carries over."""
    accelerator = re.compile(r"&([A-Za-z0-9])")
    wrong = []
    for context, source, text in messages(TS):
        found = accelerator.search(source.replace("&&", ""))
        if text and found and f"&{found.group(1)}".lower() not in text.lower():
            wrong.append((context, source, text))
    assert not wrong[:20]


def test_chinese_text_uses_chinese_punctuation() -> None:
    """A Chinese sentence ends in "。", not "."; and says "：" not ": "."""
    han = re.compile(r"[\u4e00-\u9fff]")
    wrong = [
        (c, t)
        for c, _, t in messages(TS)
        if t and han.search(t) and (re.search(r"[\u4e00-\u9fff][.,:;?!]( |$)", t))
    ]
    assert not wrong[:20]


def test_the_built_qm_matches_the_ts(tmp_path: Path) -> None:
    rebuilt = tmp_path / QM.name
    translations.lrelease(TS, rebuilt)
    assert QM.read_bytes() == rebuilt.read_bytes(), f"planner_zh_CN.qm is stale; {FIX}"


# -- strings that never reached the catalogue -----------------------------------

# Qt calls whose string arguments a person reads.
TEXT_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setTitle", "setSubTitle", "setAccessibleName",
    "setAccessibleDescription", "setHeaderLabels", "setHorizontalHeaderLabels",
    "setTabText", "addTab", "insertTab", "addAction", "addMenu", "addItem", "addItems",
    "insertItem", "addRow", "showMessage", "setSpecialValueText", "setSuffix", "setPrefix",
    "setButtonText", "setLabelText", "setInformativeText", "setDetailedText",
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox",
    "QAction", "QMenu", "QCommandLinkButton", "information", "warning", "critical",
    "question", "getOpenFileName", "getSaveFileName", "getExistingDirectory",
    "show_error", "ask_yes_no", "setEmptyText", "set_empty_text",
}  # fmt: skip

# Languages are named in themselves, so anyone can find their own.
OWN_NAMES = {"English", "中文", "简体中文"}
# HTML tags and key names ("Ctrl+1") are no words to translate.
TAG = re.compile(r"<[^>]*>|\b(Ctrl|Shift|Alt|Meta|Esc|Tab)\b")

# Calls whose later string arguments are data, not text.
DATA_AFTER_TEXT = {"addItem", "insertItem", "addAction", "QAction"}

# A literal with a word of two letters or more is text; "…", "·", "%1" and
# formats like "yyyy-MM-dd" are not.
WORD = re.compile(r"[A-Za-z]{2,}")
NOT_TEXT = re.compile(r"^[\s\W\d%]*$|^(yyyy|HH|dd|MM|ddd)[-:\sMdyHm]*$")


def _literal_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    return None


def unmarked_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in TEXT_CALLS:
            continue
        if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in ("log", "logging"):
            continue  # log.warning(...): for the log file, in English
        args = node.args
        if name in DATA_AFTER_TEXT and len(args) >= 2:  # addItem(text, "zh"): data, not text
            args = args[:-1]
        texts = [t for t in map(_literal_text, args) if t is not None]
        texts += [t for k in node.keywords if (t := _literal_text(k.value)) is not None]
        for text in texts:
            words = TAG.sub("", text)
            if WORD.search(words) and not NOT_TEXT.match(words) and words not in OWN_NAMES:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    return found


def test_no_literal_text_in_the_ui_goes_untranslated() -> None:
    found = [
        line
        for path in sorted((ROOT / "planner" / "ui").glob("*.py"))
        for line in unmarked_strings(path)
    ]
    assert not found[:30], f"{len(found)} UI strings not marked for translation"


# -- the core's messages ----------------------------------------------------------


def test_a_core_message_is_english_until_shown_in_chinese() -> None:
    message = QT_TRANSLATE_NOOP("WeeklyPlan", "Week {week}, {year}").format(week=48, year=2026)
    assert isinstance(message, Text) and message == "Week 48, 2026"
    assert say(message, "zh") == "2026年第48周"
    assert say(message, "en") == "Week 48, 2026"


def test_a_message_inside_a_message_is_translated_too() -> None:
    inner = QT_TRANSLATE_NOOP("Stage", "Operate")
    outer = QT_TRANSLATE_NOOP("WeeklyPlan", "Workspace: {name}").format(name=inner)
    assert outer == "Workspace: Operate"
    assert say(outer, "zh") == "工作区：做运营"


def test_a_translation_that_lost_its_placeholder_falls_back_to_english() -> None:
    message = QT_TRANSLATE_NOOP("Test", "{n} members").format(n=3)
    assert localize(message, lambda c, s: "成员") == "成员"  # no placeholder: nothing to fill
    assert localize(message, lambda c, s: "{count} 位成员") == "3 members"


def test_the_core_reads_the_same_catalogue_as_the_app() -> None:
    table = read_ts(TS)
    lookup = catalog("zh")
    assert table and all(lookup(c, s) == t for (c, s), t in list(table.items())[:200])
