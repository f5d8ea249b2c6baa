"""The app in Chinese: every screen, menu and dialog, no English left, nothing clipped.

The window is built after the Chinese translation is installed, as at start
on a zh_CN system. Each screen's visible texts are gathered (labels, buttons,
tabs, combo items, placeholders, headers, menus, tooltips) and checked for
English words; words from the workspace's own data (a community called
"Growth Hackers") and product names are allowed. Labels and buttons narrower
than their text are reported as clipped.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from planner.communities import list_communities
from planner.paths import AppPaths
from planner.settings import Settings
from planner.template_library import builtin_templates
from planner.ui.calendar_page import CalendarMode
from planner.ui.main_window import MainWindow
from planner.ui.translations import install_language
from tests.ui.conftest import Confirm

DEVICE = "dev-i18n"
SHOTS = Path(__file__).resolve().parent.parent.parent / "build" / "i18n-shots"

# Names that stay as they are in Chinese software.
PRODUCT_WORDS = {
    "CSV", "PDF", "PNG", "SVG", "ICS", "QQ", "Telegram", "Discord", "WhatsApp", "Slack",
    "Notion", "Jinja", "iCalendar", "Ctrl", "Shift", "Alt", "Del", "Delete", "Backspace",
    "Space", "Home", "End", "Esc", "Tab", "Enter", "Return", "PgUp", "PgDown",
    "UTF", "BOM", "GBK", "URL", "QR", "ID", "Excel", "WPS", "Lark", "WeCom", "English",
    "Community", "Planner", "cplan", "KOL", "Letter", "ISO", "AM", "PM", "GMT", "UTC", "KB", "MB",
}  # fmt: skip
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
IDENTIFIER = re.compile(r"^[a-z0-9_:.\-]*$|^[\[{]")
# Markup, links, file paths and template code are not words to translate.
TAG = re.compile(
    r"<[^>]*>|&[a-z]+;|https?://\S+|(?<![A-Za-z0-9])~?/[^\s<]+|\b[A-Z][a-z]+/[A-Za-z_]+|\*\.\w+|\{\{[^}]*\}\}|\{%[^%]*%\}"
)


@pytest.fixture
def chinese() -> Iterator[None]:
    before = QLocale()
    install_language("zh", QLocale("zh_CN"))
    yield
    install_language("en", QLocale("en_US"))
    QLocale.setDefault(before)


def data_texts(path: Path) -> set[str]:
    """Every text people wrote in the workspace (names, titles, notes), which the
    UI shows as it is, in whatever language it was written."""
    found: set[str] = set()
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    # Text people wrote, not ids, enum values or JSON.
                    if isinstance(value, str) and not IDENTIFIER.match(value):
                        found.update(line.strip() for line in value.splitlines() if line.strip())
    return found


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything readable in ``widget`` and its visible children."""
    todo = [widget, *widget.findChildren(QWidget)]
    for w in todo:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        where = f"{type(w).__name__}({w.objectName()})"
        if w.toolTip():
            yield where + ".toolTip", w.toolTip()
        if isinstance(w, QLabel):
            yield where, w.text()
        elif isinstance(w, QAbstractButton):
            yield where, w.text()
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield where, w.tabText(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where, w.itemText(i)
        elif isinstance(w, QLineEdit):
            yield where + ".placeholder", w.placeholderText()
        elif isinstance(w, QTextEdit | QPlainTextEdit):
            yield where + ".placeholder", w.placeholderText()
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            # A list model's columnCount is private: it has one column.
            columns = (
                1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
            )
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield where + ".header", header
            for row in range(min(model.rowCount(QModelIndex()), 40)):
                for column in range(columns):
                    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                        value = model.index(row, column).data(role)
                        if isinstance(value, str):
                            yield where + ".cell", value
        if isinstance(w, QDialog | MainWindow):
            yield where + ".title", w.windowTitle()


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        yield from action_texts(action, where)


def action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield where, action.text()
    if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
        yield where + ".toolTip", action.toolTip()
    if action.menu() is not None:
        yield from menu_texts(action.menu(), where + "/" + action.text())


def english_left(
    texts: Iterator[tuple[str, str]],
    data: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[str]:
    """The texts with English words left, once data and product names are taken out."""
    longest_first = sorted((d for d in data if ENGLISH_WORD.search(d)), key=len, reverse=True)
    found = []
    for where, text in texts:
        plain = TAG.sub(" ", text)
        if ENGLISH_WORD.search(plain):
            for value in longest_first:
                plain = plain.replace(value, " ")
        words = [w for w in ENGLISH_WORD.findall(plain) if w not in PRODUCT_WORDS]
        if words:
            found.append(f"{where}: {text!r}")
    return sorted(set(found))


def clipped(widget: QWidget) -> list[str]:
    """Labels and buttons on screen narrower than their text needs."""
    found = []
    for w in widget.findChildren(QWidget):
        if not w.isVisible() or not isinstance(w, QLabel | QAbstractButton):
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or not w.text() or w.pixmap() is not None):
            continue
        if isinstance(w, QAbstractButton) and not w.text():
            continue
        text = w.text().replace("&", "")
        if "<" in text:  # rich text sizes itself
            continue
        need = w.fontMetrics().horizontalAdvance(text)
        if w.contentsRect().width() + 2 < min(need, w.minimumSizeHint().width()):
            found.append(f"{type(w).__name__} {text!r}: {w.width()} px for {need}")
    return found


@pytest.fixture
def window(qtbot, paths: AppPaths, tmp_path: Path, chinese: None) -> MainWindow:
    w = MainWindow(paths, Settings(paths.settings_file), DEVICE, confirm=Confirm(answer=True))
    qtbot.addWidget(w)
    w.resize(1280, 860)
    w.show()
    qtbot.waitExposed(w)
    # The sample as File ▸ Open the sample workspace writes it: in Chinese, named so.
    assert w.open_sample()
    sample = paths.sample_workspace_in("zh")
    assert sample.name == "示例工作区.cplan" and w.windowTitle().startswith("示例工作区")
    # English templates are content written in English, listed beside the Chinese ones.
    english_templates = {
        text for t in builtin_templates() if t.language == "en" for text in (t.name, t.description)
    }
    # Qt's file dialog lists the home folder by its name.
    w.sample_texts = data_texts(sample) | english_templates | {Path.home().name}  # type: ignore[attr-defined]
    return w


def grab(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def test_the_menus_are_in_chinese(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "文件(&F)"
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in titles), titles
    found = english_left(t for a in window.menuBar().actions() for t in action_texts(a, a.text()))
    assert not found


SCREENS = [
    "calendar-month",
    "calendar-week",
    "calendar-agenda",
    "communities",
    "templates",
    "overview",
]


@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_is_in_chinese_and_nothing_is_clipped(
    window: MainWindow, qtbot, screen: str
) -> None:
    view, _, mode = screen.partition("-")
    if view == "calendar":
        window.show_calendar(CalendarMode(mode))
    else:
        getattr(window, f"show_{view}")()
    qtbot.wait(50)
    grab(window, f"zh-{screen}")
    assert not english_left(texts_of(window), window.sample_texts)  # type: ignore[attr-defined]
    assert not clipped(window)


@pytest.mark.parametrize("tab", range(6))
def test_every_community_tab_is_in_chinese(window: MainWindow, qtbot, tab: int) -> None:
    """Profile, checklist, templates, figures, charts and fission, on the declining
    community (whose health cards and charts have the most to say)."""
    window.show_communities()
    assert window.session is not None
    notion = next(c for c in list_communities(window.session.workspace) if "Notion" in c.name)
    window.sidebar.select(notion.id)
    window.page.tabs.setCurrentIndex(tab)
    qtbot.wait(100)
    grab(window, f"zh-community-tab{tab}")
    assert not english_left(texts_of(window), window.sample_texts)  # type: ignore[attr-defined]
    assert not clipped(window)


DIALOG_ACTIONS = [
    "new_community_action",
    "new_item_action",
    "export_week_action",
    "import_figures_action",
    "export_figures_action",
    "library_action",
    "trash_action",
    "replicate_action",
    "preferences_action",
    "about_action",
]


@pytest.mark.parametrize("name", DIALOG_ACTIONS)
def test_every_dialog_is_in_chinese(window: MainWindow, qtbot, name: str) -> None:
    """Each dialog the menus open, looked at while it is open, then closed."""
    window.show_communities()
    seen: list[QWidget] = []
    problems: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget() or next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()),
            None,
        )
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        seen.append(dialog)
        qtbot.wait(50)
        grab(dialog, f"zh-dialog-{name}")
        problems.extend(english_left(texts_of(dialog), window.sample_texts))  # type: ignore[attr-defined]
        problems.extend(clipped(dialog))
        dialog.close()
        if isinstance(dialog, QDialog):
            dialog.reject()

    QTimer.singleShot(100, look)
    getattr(window, name).trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert not problems


def test_undo_names_a_built_in_checklist_item_in_chinese(window: MainWindow, qtbot) -> None:
    """Ticking a built-in item: Edit ▸ Undo names it as the checklist shows it."""
    from planner.checklists import checklist, set_done

    assert window.session is not None
    ws = window.session.workspace
    notion = next(c for c in list_communities(ws) if "Notion" in c.name)
    item = next(i for i in checklist(ws, notion.id, "zh") if not i.done and not i.custom_text)
    window.session.run(set_done, item.id, True)
    qtbot.waitUntil(lambda: item.title in window.undo_action.text())
    assert window.undo_action.text().startswith("撤销")
    assert not english_left(iter([("undo", window.undo_action.text())]))
