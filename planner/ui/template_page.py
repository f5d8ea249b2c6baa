"""The template page: the template library, a poster editor with a live preview,
and welcome sequences rendered for a community, ready to paste.

Built-in templates are read-only; "Duplicate to edit" makes a workspace copy.
Edits stay on screen until saved (Save or Ctrl+S; choosing another template
saves them, as leaving a community page does); each save is one undoable
change. The preview renders again a moment after typing stops, so rendering
never gets in the way of typing; a template error is shown under the source
with its line marked, and the last good preview stays.
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from time import monotonic
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.calendar import CalendarFilter, Occurrence, find_occurrence, occurrences_between
from planner.communities import Community, list_communities
from planner.devices import made_by_others
from planner.errors import NotFound, PlannerError, ValidationError
from planner.export.poster import poster_image, render_pdf, render_png, write_svg
from planner.history import Change
from planner.i18n import Text
from planner.settings import Settings
from planner.template_library import (
    MAX_OFFSET_MINUTES,
    builtin_templates,
    delete_template,
    duplicate_template,
    list_templates,
    update_template,
)
from planner.templating import (
    CONTEXT_DOCS,
    TIME_LIMIT_SECONDS,
    RenderContext,
    Template,
    TemplateError,
    TemplateKind,
    WelcomeMessage,
    context_for,
    format_offset,
    render_message_source,
    render_poster_source,
    sample_context,
)
from planner.ui.field_errors import FieldErrors
from planner.ui.locale_text import day_month, ui_text
from planner.ui.poster_preview import PosterPreview, _ClickableLabel
from planner.ui.session import Session
from planner.ui.template_highlighter import SourceEdit
from planner.ui.template_list import (
    TemplateDelegate,
    TemplateFilterModel,
    TemplateListModel,
    TemplateRole,
    language_name,
)
from planner.ui.theme import SPACING, icon, swatch_icon
from planner.ui.welcome_card import MessageCard

Confirm = Callable[[QWidget, str, str, str], bool]
ItemKey = tuple[str, str]

# Rendering waits this long after the last keystroke.
PREVIEW_DELAY_MS = 300
# The preview is rendered this wide and scaled down to fit.
PREVIEW_WIDTH = 720
PNG_WIDTHS = (1080, 2160)
LANGUAGES = ("zh", "en")
# Calendar items offered for a poster's context: this far around today.
ITEMS_BEFORE = timedelta(days=30)
ITEMS_AFTER = timedelta(days=120)
# Which built-in poster suits an item, by its type (matched in the template id).
POSTER_FOR_TYPE = {"sharing": "fission", "paid": "paid"}
DEFAULT_POSTER = "guest"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_VARIABLE = re.compile(r"^[A-Za-z_][\w.]*$")
_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|]+')


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


# -- the page -----------------------------------------------------------------------


class TemplatePage(QWidget):
    """The template library with an editor and a live preview for the chosen template.

    Attributes:
        session: the open workspace, or None (then the built-ins show, read-only).
        template: the template shown, as stored (edits not saved are in the editor).
        community_id, item_key: what the preview is rendered for.

    Signals:
        error(str): something to show the user in an error box.
        message(str): a short note for the status bar.
        dirty_changed(bool): whether the editor has changes not saved yet.
        preview_rendered(): the preview was rendered again (or the attempt failed).
    """

    error = Signal(str)
    message = Signal(str)
    dirty_changed = Signal(bool)
    preview_rendered = Signal()

    def __init__(
        self, settings: Settings, *, confirm: Confirm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.confirm = confirm
        self.session: Session | None = None
        self.template: Template | None = None
        self.community_id = ""
        self.item_key: ItemKey | None = None
        self.svg = ""  # the last poster rendered without error
        self.cards: list[MessageCard] = []
        self._item_keys: list[ItemKey | None] = [None]
        self._dirty = False
        self._loading = False
        self._in_selection = False
        self._last_row = 0
        self._stale = False  # changes arrived while the page was hidden
        self._preview_pending = False  # a template was loaded while hidden
        self._items_pending = False  # the calendar items are read when shown
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.render_preview)
        self._build()
        self.refresh()
        self._select_row(0)

    # -- construction ------------------------------------------------------------

    def _build(self) -> None:
        self.splitter = QSplitter()
        self.splitter.addWidget(self._build_library())
        self.splitter.addWidget(self._build_editor())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 900])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        layout.addWidget(self.splitter)

        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self._save_key)

    def _build_library(self) -> QWidget:
        self.kind_buttons = QButtonGroup(self)
        self.poster_kind_button = QPushButton(self.tr("Posters"))
        self.welcome_kind_button = QPushButton(self.tr("Welcome"))
        self.welcome_kind_button.setToolTip(self.tr("Welcome sequences for newcomers"))
        kinds = QHBoxLayout()
        kinds.setSpacing(0)
        for button, kind in (
            (self.poster_kind_button, TemplateKind.POSTER),
            (self.welcome_kind_button, TemplateKind.WELCOME),
        ):
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, k=kind: self.set_kind(k))
            self.kind_buttons.addButton(button)
            kinds.addWidget(button, 1)
        self.poster_kind_button.setChecked(True)
        self.language_filter = QComboBox()
        self.language_filter.addItem(self.tr("All languages"), "")
        for code in LANGUAGES:
            self.language_filter.addItem(language_name(code), code)
        self.language_filter.setToolTip(self.tr("Show templates in one language"))
        self.language_filter.currentIndexChanged.connect(self._on_language_filter)

        self.model = TemplateListModel(self)
        self.proxy = TemplateFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setObjectName("templateList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(TemplateDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self._on_current_changed)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete)
        self.list_empty = QLabel(
            self.tr("No templates in this language. Choose All languages above.")
        )
        self.list_empty.setProperty("role", "hint")
        self.list_empty.setWordWrap(True)
        self.list_empty.hide()

        self.duplicate_button = QPushButton(icon("file-plus"), self.tr("Duplicate"))
        self.duplicate_button.setToolTip(self.tr("Make a copy of this template that you can edit"))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.delete_button = QPushButton(icon("trash"), self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete this template (Delete)"))
        self.delete_button.clicked.connect(self.delete)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        buttons.addWidget(self.duplicate_button, 1)
        buttons.addWidget(self.delete_button)

        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, SPACING // 2, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(kinds)
        layout.addWidget(self.language_filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.list_empty)
        layout.addLayout(buttons)
        panel.setMinimumWidth(180)
        return panel

    def _build_editor(self) -> QWidget:
        self.fields = FieldErrors()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Template name"))
        self.name.setAccessibleName(self.tr("Name"))
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        self.name.setFont(font)
        self.language = QComboBox()
        self.language.setToolTip(self.tr("The language of the template's text"))
        for code in LANGUAGES:
            self.language.addItem(language_name(code), code)
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("What this template is for"))
        self.description.setAccessibleName(self.tr("Description"))
        self.revert_button = QPushButton(icon("restore"), self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Throw away the changes not saved yet"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(icon("device-floppy", "#ffffff"), self.tr("Save"))
        self.save_button.setProperty("primary", True)
        self.save_button.setToolTip(self.tr("Save the template (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)

        height = self.save_button.sizeHint().height()
        for widget in (self.name, self.language, self.revert_button):
            widget.setMinimumHeight(height)
        title_row = QHBoxLayout()
        title_row.setSpacing(SPACING)
        title_row.addWidget(self.fields.wrap("name", self.name), 1)
        title_row.addWidget(self.language, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.revert_button, 0, Qt.AlignmentFlag.AlignTop)
        title_row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        lock = QLabel()
        lock.setPixmap(icon("lock", "#5c4400").pixmap(16, 16))
        self.banner_text = QLabel(
            self.tr(
                "A built-in template: read-only. Duplicate it to make your own copy, "
                "then edit the copy."
            )
        )
        self.banner_text.setWordWrap(True)
        # The banner is light yellow in both schemes; its text must stay dark on it.
        self.banner_text.setStyleSheet("color: #5c4400;")
        self.banner_duplicate = QPushButton(self.tr("Duplicate to edit"))
        self.banner_duplicate.setProperty("primary", True)
        self.banner_duplicate.clicked.connect(self.duplicate)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(SPACING * 2, SPACING, SPACING, SPACING)
        banner_layout.setSpacing(SPACING)
        banner_layout.addWidget(lock)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.banner_duplicate)

        self.community = QComboBox()
        self.community.setToolTip(self.tr("The community the preview is filled in for"))
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community.currentIndexChanged.connect(self._on_community_chosen)
        self.item = QComboBox()
        self.item.setToolTip(
            self.tr("A calendar item whose title, time and speaker fill the poster")
        )
        self.item.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.item.setMinimumContentsLength(18)
        self.item.currentIndexChanged.connect(self._on_item_chosen)
        self.context_hint = QLabel()
        self.context_hint.setProperty("role", "hint")
        context_row = QHBoxLayout()
        context_row.setSpacing(SPACING)
        self.context_label = QLabel(self.tr("Preview for"))
        context_row.addWidget(self.context_label)
        context_row.addWidget(self.community)
        context_row.addWidget(self.item)
        context_row.addWidget(self.context_hint, 1)

        self.kind_stack = QStackedWidget()
        self.kind_stack.addWidget(self._build_poster_editor())
        self.kind_stack.addWidget(self._build_welcome_editor())

        self.editor = QWidget()
        layout = QVBoxLayout(self.editor)
        layout.setContentsMargins(SPACING, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(title_row)
        layout.addWidget(self.fields.wrap("description", self.description))
        layout.addWidget(self.banner)
        layout.addLayout(context_row)
        layout.addWidget(self.kind_stack, 1)

        self.empty = QLabel(
            self.tr(
                "Choose a template on the left to see it here.\n\nBuilt-in templates are "
                "read-only: Duplicate to edit makes your own copy, saved in this workspace."
            )
        )
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(self.editor)

        self.name.textEdited.connect(lambda _t: self._on_edited(preview=False))
        self.description.textEdited.connect(lambda _t: self._on_edited(preview=False))
        self.language.currentIndexChanged.connect(lambda _i: self._on_edited(preview=True))
        return self.right

    def _build_poster_editor(self) -> QWidget:
        self.source = SourceEdit(markup=True)
        self.source.setAccessibleName(self.tr("SVG template source"))
        self.source.textChanged.connect(lambda: self._on_edited(preview=True))
        self.source_error = _ClickableLabel()
        self.source_error.setProperty("role", "error")
        self.source_error.setWordWrap(True)
        self.source_error.setTextFormat(Qt.TextFormat.PlainText)
        self.source_error.setCursor(Qt.CursorShape.PointingHandCursor)
        self.source_error.setToolTip(self.tr("Click to go to the line"))
        self.source_error.clicked.connect(self._go_to_error)
        self.source_error.hide()
        source_box = QWidget()
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.setSpacing(4)
        source_layout.addWidget(self.source, 1)
        source_layout.addWidget(self.source_error)

        self.docs = QTextBrowser()
        self.docs.setOpenLinks(False)
        self.docs.setAccessibleName(self.tr("Variables and helpers"))
        self.docs.anchorClicked.connect(self._on_doc_clicked)
        self._fill_docs()
        docs_title = QLabel(self.tr("Variables and helpers (click one to insert it)"))
        docs_title.setProperty("role", "hint")
        docs_box = QWidget()
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.setContentsMargins(0, SPACING // 2, 0, 0)
        docs_layout.setSpacing(4)
        docs_layout.addWidget(docs_title)
        docs_layout.addWidget(self.docs, 1)

        self.source_splitter = QSplitter(Qt.Orientation.Vertical)
        self.source_splitter.addWidget(source_box)
        self.source_splitter.addWidget(docs_box)
        self.source_splitter.setStretchFactor(0, 3)
        self.source_splitter.setStretchFactor(1, 1)
        self.source_splitter.setSizes([420, 160])
        self.source_splitter.setChildrenCollapsible(False)

        self.preview = PosterPreview()
        self.preview.placeholder = self.tr("The preview appears here.")
        self.png_button = self._export_button(
            self.tr("PNG…"), self.tr("Export a picture to post (PNG)"), ".png"
        )
        self.png_width = QComboBox()
        self.png_width.setToolTip(self.tr("Width of the PNG picture"))
        for width in PNG_WIDTHS:
            self.png_width.addItem(self.tr("%1 px").replace("%1", str(width)), width)
        self.pdf_button = self._export_button(
            self.tr("PDF…"), self.tr("Export for print (PDF, text stays selectable)"), ".pdf"
        )
        self.svg_button = self._export_button(
            self.tr("SVG…"), self.tr("Export the SVG, for a designer or the web"), ".svg"
        )
        export_row = QHBoxLayout()
        export_row.setSpacing(SPACING // 2)
        export_label = QLabel(self.tr("Export"))
        export_label.setProperty("role", "hint")
        export_row.addWidget(export_label)
        export_row.addStretch(1)
        export_row.addWidget(self.png_button)
        export_row.addWidget(self.png_width)
        export_row.addSpacing(SPACING)
        export_row.addWidget(self.pdf_button)
        export_row.addWidget(self.svg_button)
        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.setSpacing(SPACING)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addLayout(export_row)

        self.poster_splitter = QSplitter()
        self.poster_splitter.addWidget(self.source_splitter)
        self.poster_splitter.addWidget(preview_box)
        # A portrait poster is as wide as the height allows; more width is for the source.
        self.poster_splitter.setStretchFactor(0, 1)
        self.poster_splitter.setStretchFactor(1, 0)
        self.poster_splitter.setSizes([560, 320])
        self.poster_splitter.setChildrenCollapsible(False)
        return self.poster_splitter

    def _export_button(self, text: str, tip: str, suffix: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(lambda _c=False: self.choose_export(suffix))
        return button

    def _build_welcome_editor(self) -> QWidget:
        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, SPACING, 0)
        self.cards_layout.setSpacing(SPACING + 4)
        self.no_messages = QLabel(
            self.tr(
                "This sequence has no messages yet. Add message adds the first one, sent "
                "when someone joins (T+0)."
            )
        )
        self.no_messages.setProperty("role", "hint")
        self.no_messages.setWordWrap(True)
        self.add_message_button = QPushButton(icon("plus"), self.tr("Add message"))
        self.add_message_button.setToolTip(self.tr("Add a message after the last one"))
        self.add_message_button.clicked.connect(self.add_message)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_message_button)
        add_row.addStretch(1)
        self.welcome_hint = QLabel(
            self.tr(
                "Operators paste these by hand: Copy puts a message, filled in for the "
                "community, on the clipboard."
            )
        )
        self.welcome_hint.setProperty("role", "hint")
        self.welcome_hint.setWordWrap(True)
        self.cards_layout.addWidget(self.welcome_hint)
        self.cards_layout.addWidget(self.no_messages)
        self.cards_layout.addLayout(add_row)
        self.cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.cards_box)
        self.welcome_scroll = scroll
        return scroll

    # -- session -------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        """Show the templates of ``session`` (None: only the built-ins, read-only)."""
        if self.session is not None:
            self.leave()
            self.session.changed.disconnect(self._on_changed)
        self.session = session
        self.template = None
        self._stale = False
        self.community_id = ""
        self.item_key = None
        if session is not None:
            session.changed.connect(self._on_changed)
        self.list.setCurrentIndex(QModelIndex())
        self.refresh()
        if self.template is None:
            self._select_row(0)

    def _on_changed(self, change: Change) -> None:
        tables = change.tables
        if not tables & {"templates", "communities", "calendar_items"}:
            return
        if not self.isVisible():
            # Hidden behind another page: catch up when shown, not on every calendar edit.
            self._stale = True
        elif "templates" in tables:
            self.refresh()
        else:
            self._fill_communities()
            self.render_preview()

    def showEvent(self, event: QShowEvent) -> None:
        """Override QWidget::showEvent: catch up with changes made while hidden."""
        super().showEvent(event)
        self._catch_up()

    def _catch_up(self) -> None:
        if self._items_pending and not self._stale:
            self._fill_items()
        if self._stale:
            self._stale = False
            self.refresh()
            self.render_preview()
        elif self._preview_pending:
            self.render_preview()

    def refresh(self) -> None:
        """Reload the library and the preview choices; keep what is on screen."""
        session = self.session
        templates = list_templates(session.workspace) if session else builtin_templates()
        origins = made_by_others(session.workspace, "templates") if session else {}
        self.model.set_templates(templates, origins)
        self._fill_communities()
        current = self.template
        fresh = self.model.find(current.id) if current is not None else None
        if current is not None and fresh is None:
            # Deleted (or its creation undone): show the template that took its place.
            self.template = None
            self._set_dirty(False)
            self._select_row(self._last_row)
        elif fresh is not None:
            self.template = fresh
            if not self._in_selection:
                self._sync_list()
            if self._dirty:
                self._set_dirty(bool(self.changes()))
            elif self._editor_values() != self._template_values(fresh):
                self._load(fresh)  # an undo or redo changed what is shown
        self.list_empty.setVisible(self.proxy.rowCount() == 0)
        self._update_actions()

    def _sync_list(self) -> None:
        """Make the list's current row the template shown."""
        if self.template is None or self.list.currentIndex().data(TemplateRole.ID) == (
            self.template.id
        ):
            return
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(self.template.id)))
        if index.isValid():
            self._in_selection = True
            try:
                self.list.setCurrentIndex(index)
            finally:
                self._in_selection = False

    # -- choosing a template -----------------------------------------------------

    def set_kind(self, kind: TemplateKind) -> None:
        """Show posters or welcome sequences in the list (and the first of them)."""
        if self.proxy.kind == kind:
            self._check_kind_button()
            return
        if not self.leave():
            self._check_kind_button()
            return
        self.list.setCurrentIndex(QModelIndex())
        self.proxy.set_filter(kind, self.proxy.language)
        self._check_kind_button()
        self._select_row(0)

    def _check_kind_button(self) -> None:
        button = (
            self.poster_kind_button
            if self.proxy.kind == TemplateKind.POSTER
            else self.welcome_kind_button
        )
        button.setChecked(True)

    def set_language_filter(self, language: str) -> None:
        """Show templates in ``language`` ("zh", "en") or all ("")."""
        index = self.language_filter.findData(language)
        if index >= 0:
            self.language_filter.setCurrentIndex(index)

    def _on_language_filter(self, _index: int) -> None:
        language = str(self.language_filter.currentData() or "")
        shown = self.template
        if shown is not None and language and shown.language != language and not self.leave():
            self.language_filter.blockSignals(True)
            self.language_filter.setCurrentIndex(self.language_filter.findData(self.proxy.language))
            self.language_filter.blockSignals(False)
            return
        self.proxy.set_filter(self.proxy.kind, language)
        self.list_empty.setVisible(self.proxy.rowCount() == 0)
        if self.template is None or (language and self.template.language != language):
            self._select_row(0)
        else:
            self._sync_list()

    def _select_row(self, row: int) -> None:
        count = self.proxy.rowCount()
        if count == 0:
            self.list.setCurrentIndex(QModelIndex())
            self._show(None)
            return
        self.list.setCurrentIndex(self.proxy.index(min(max(row, 0), count - 1), 0))

    def select(self, template_id: str) -> bool:
        """Show the template ``template_id`` (switching the list's filters if needed)."""
        row = self.model.row_of(template_id)
        if row < 0:
            return False
        template = self.model.template(row)
        if self.proxy.kind != template.kind or (
            self.proxy.language and self.proxy.language != template.language
        ):
            if self.template is not None and self.template.id != template_id and not self.leave():
                return False
            self.language_filter.blockSignals(True)
            if self.proxy.language and self.proxy.language != template.language:
                self.language_filter.setCurrentIndex(0)
            self.language_filter.blockSignals(False)
            self.proxy.set_filter(template.kind, str(self.language_filter.currentData() or ""))
            self._check_kind_button()
        index = self.proxy.mapFromSource(self.model.index(row))
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return self.template is not None and self.template.id == template_id

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._in_selection:
            return
        new_id = str(current.data(TemplateRole.ID)) if current.isValid() else ""
        shown = self.template.id if self.template is not None else ""
        if new_id == shown:
            return
        if self._dirty:
            self._in_selection = True
            try:
                saved = self.save()
            finally:
                self._in_selection = False
            if not saved:
                # The edits cannot be saved: stay on them, with the reason shown.
                QTimer.singleShot(0, self._sync_list)
                return
        if current.isValid():
            self._last_row = current.row()
        self._show(self.model.find(new_id) if new_id else None)

    def _show(self, template: Template | None) -> None:
        self.template = template
        self.svg = ""
        self.preview.set_image(None)
        if template is None:
            self.right.setCurrentWidget(self.empty)
            self._set_dirty(False)
        else:
            self._load(template)
            self.right.setCurrentWidget(self.editor)
        self._update_actions()

    def _load(self, template: Template) -> None:
        """Put ``template`` into the editor and render it."""
        self._loading = True
        try:
            self.fields.show({})
            self.name.setText(template.name)
            self.name.setCursorPosition(0)
            self.description.setText(template.description)
            self.description.setCursorPosition(0)
            self.language.setCurrentIndex(max(self.language.findData(template.language), 0))
            editable = self._editable(template)
            if template.kind == TemplateKind.POSTER:
                self.source.setPlainText(template.body)
                self.source.setReadOnly(not editable)
                self.kind_stack.setCurrentIndex(0)
            else:
                self._build_cards(template.messages, editable=editable)
                self.kind_stack.setCurrentIndex(1)
        finally:
            self._loading = False
        self._set_dirty(False)
        self._update_actions()
        if self.isVisible():
            self.render_preview()
        else:
            # Hidden (as at start-up, behind the calendar): render when shown.
            self._preview_pending = True

    # -- editing -------------------------------------------------------------------

    def _editable(self, template: Template | None = None) -> bool:
        template = template if template is not None else self.template
        return (
            template is not None
            and not template.builtin
            and self.session is not None
            and not self.session.read_only
        )

    @property
    def dirty(self) -> bool:
        """True while the editor holds changes not saved yet."""
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.save_button.setEnabled(dirty and self._editable())
        self.revert_button.setEnabled(dirty)

    def _on_edited(self, *, preview: bool) -> None:
        if self._loading or self.template is None:
            return
        self._set_dirty(bool(self.changes()))
        if preview:
            self.preview_timer.start()

    def _template_values(self, template: Template) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": template.name,
            "description": template.description,
            "language": template.language,
        }
        if template.kind == TemplateKind.POSTER:
            values["body"] = template.body
        else:
            values["messages"] = tuple(template.messages)
        return values

    def _editor_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": self.name.text(),
            "description": self.description.text(),
            "language": str(self.language.currentData()),
        }
        if self.template is not None and self.template.kind == TemplateKind.POSTER:
            values["body"] = self.source.toPlainText()
        else:
            values["messages"] = tuple(card.message() for card in self.cards)
        return values

    def changes(self) -> dict[str, Any]:
        """What the editor has changed in the template, as ``update_template`` takes it."""
        if self.template is None:
            return {}
        before = self._template_values(self.template)
        return {k: v for k, v in self._editor_values().items() if before.get(k) != v}

    def _save_key(self) -> None:
        if self.template is not None and self.template.builtin:
            self.message.emit(
                self.tr("Built-in templates are read-only: choose Duplicate to edit.")
            )
            return
        self.save()

    def save(self) -> bool:
        """Save the editor's changes as one undoable step; True when saved (or none)."""
        template = self.template
        if template is None or self.session is None:
            return False
        values = self.changes()
        if not values:
            return True
        if not self._editable():
            return False
        name = values.get("name", template.name)
        try:
            self.session.run(update_template, template.id, values)
        except ValidationError as exc:
            known = {k: ui_text(v) for k, v in exc.fields.items() if k in self.fields.labels}
            self.fields.show(known)
            other = [v for k, v in exc.fields.items() if k not in known]
            if other:
                self.error.emit(ui_text(other[0]))
            return False
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return False
        self.fields.show({})
        self._adopt_saved()
        self.message.emit(self.tr("Saved “%1”.").replace("%1", name))
        return True

    def _adopt_saved(self) -> None:
        """Show what was stored where the core tidied it (spaces, message order).

        Only the fields that differ are set again, so the source keeps its
        cursor and its typing history.
        """
        template = self.template
        if template is None:
            return
        differ = self.changes()
        if differ:
            self._loading = True
            try:
                if "name" in differ:
                    self.name.setText(template.name)
                if "description" in differ:
                    self.description.setText(template.description)
                if "language" in differ:
                    self.language.setCurrentIndex(self.language.findData(template.language))
                if "body" in differ:
                    self.source.setPlainText(template.body)
                if "messages" in differ:
                    self._build_cards(template.messages, editable=self._editable())
            finally:
                self._loading = False
            self.render_preview()
        self._set_dirty(bool(self.changes()))

    def revert(self) -> None:
        """Throw away the changes not saved yet."""
        if self.template is not None:
            self._load(self.template)

    def leave(self) -> bool:
        """Save changes before the template is left; False when they cannot be saved."""
        return not self._dirty or self.save()

    def duplicate(self) -> str | None:
        """Make a workspace copy of the template shown and show it; its id, or None."""
        template = self.template
        session = self.session
        if template is None or session is None or session.read_only or not self.leave():
            return None
        try:
            new_id, _change = session.run(duplicate_template, template.id)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return None
        self.select(new_id)
        self.message.emit(
            self.tr("Made a copy of “%1” that you can edit.").replace("%1", template.name)
        )
        self.name.setFocus()
        self.name.selectAll()
        return str(new_id)

    def delete(self) -> bool:
        """Delete the workspace template shown, after asking; True when deleted."""
        template = self.template
        session = self.session
        if template is None or session is None or not self._editable():
            return False
        if not self.confirm(
            self,
            self.tr("Delete template"),
            self.tr("Delete the template “%1”? You can undo this with Ctrl+Z.").replace(
                "%1", template.name
            ),
            self.tr("Delete"),
        ):
            return False
        self._set_dirty(False)
        try:
            session.run(delete_template, template.id)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return False
        self.message.emit(self.tr("Deleted the template “%1”.").replace("%1", template.name))
        return True

    def _fill_docs(self) -> None:
        """CONTEXT_DOCS as a list: each expression a link that inserts it, its meaning below."""
        text = self.palette().color(QPalette.ColorRole.Text)
        base = self.palette().color(QPalette.ColorRole.Base)
        dim = QColor.fromRgbF(
            text.redF() * 0.65 + base.redF() * 0.35,
            text.greenF() * 0.65 + base.greenF() * 0.35,
            text.blueF() * 0.65 + base.blueF() * 0.35,
        ).name()
        family = html.escape(self.source.font().family(), quote=True)
        rows = []
        for n, (expression, meaning) in enumerate(CONTEXT_DOCS):
            # The core marks these in the "TemplateDocs" context (a Text once it does).
            words = (
                ui_text(meaning)
                if isinstance(meaning, Text)
                else QCoreApplication.translate("TemplateDocs", meaning)
            )
            rows.append(
                f'<p style="margin: 0 0 6px 0"><a href="doc:{n}" style="text-decoration: none">'
                f"<span style=\"font-family: '{family}'\">{html.escape(expression)}</span></a>"
                f'<br><span style="color: {dim}">'
                f"{html.escape(words)}</span></p>"
            )
        self.docs.setHtml("".join(rows))

    def _on_doc_clicked(self, url: QUrl) -> None:
        if url.scheme() == "doc" and url.path().isdigit():
            n = int(url.path())
            if 0 <= n < len(CONTEXT_DOCS):
                self.insert_expression(CONTEXT_DOCS[n][0])

    def changeEvent(self, event: QEvent) -> None:
        """Override QWidget::changeEvent: the docs follow a light/dark switch."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "docs"):
            self._fill_docs()

    def insert_expression(self, expression: str) -> None:
        """Insert ``expression`` at the source's cursor (workspace templates only).

        A variable goes in as ``{{ community.name }}``; a helper such as
        ``wrap(text, width)`` goes in as written, for its arguments to be filled in.
        """
        if self.source.isReadOnly():
            return
        if _VARIABLE.match(expression):
            expression = f"{{{{ {expression} }}}}"
        self.source.insertPlainText(expression)
        self.source.setFocus()

    # -- welcome messages ------------------------------------------------------------

    def _build_cards(self, messages: Sequence[WelcomeMessage], *, editable: bool) -> None:
        for card in self.cards:
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        self.cards = []
        for n, message in enumerate(messages):
            card = MessageCard(message, editable=editable)
            card.set_position(n + 1, len(messages))
            card.edited.connect(lambda: self._on_edited(preview=True))
            card.move_requested.connect(lambda delta, c=card: self.move_message(c, delta))
            card.remove_requested.connect(lambda c=card: self.remove_message(c))
            card.copy_requested.connect(lambda c=card: self.copy_message(self.cards.index(c)))
            self.cards_layout.insertWidget(1 + n, card)
            self.cards.append(card)
        self.no_messages.setVisible(not self.cards)
        self.add_message_button.setVisible(editable)

    def _rebuild(self, messages: list[WelcomeMessage], focus: int | None = None) -> None:
        self._loading = True
        try:
            self._build_cards(messages, editable=self._editable())
        finally:
            self._loading = False
        self._on_edited(preview=False)
        self.render_preview()
        if focus is not None and 0 <= focus < len(self.cards):
            self.cards[focus].body.setFocus()
            self.welcome_scroll.ensureWidgetVisible(self.cards[focus])

    def add_message(self) -> None:
        """Add a message a day after the last one."""
        if not self._editable():
            return
        messages = [card.message() for card in self.cards]
        offset = min(messages[-1].offset_minutes + 1440, MAX_OFFSET_MINUTES) if messages else 0
        messages.append(WelcomeMessage(offset, ""))
        self._rebuild(messages, focus=len(messages) - 1)

    def remove_message(self, card: MessageCard) -> None:
        if not self._editable() or card not in self.cards:
            return
        n = self.cards.index(card)
        messages = [c.message() for c in self.cards]
        del messages[n]
        self._rebuild(messages)

    def move_message(self, card: MessageCard, delta: int) -> None:
        if not self._editable() or card not in self.cards:
            return
        n = self.cards.index(card)
        target = n + delta
        if not 0 <= target < len(self.cards):
            return
        # Messages are sent in the order of their times, so the texts trade
        # places and each send time stays where it was.
        messages = [c.message() for c in self.cards]
        here, there = messages[n], messages[target]
        messages[n] = WelcomeMessage(here.offset_minutes, there.body)
        messages[target] = WelcomeMessage(there.offset_minutes, here.body)
        self._rebuild(messages, focus=target)

    def copy_message(self, n: int) -> str:
        """Put message ``n`` (from 0), as rendered, on the clipboard; returns the text."""
        if self.preview_timer.isActive():
            self.render_preview()  # typing not rendered yet: copy what is typed
        if not 0 <= n < len(self.cards) or self.cards[n].rendered is None:
            return ""
        card = self.cards[n]
        text = card.rendered or ""
        QGuiApplication.clipboard().setText(text)
        card.copy_button.setText(self.tr("Copied"))
        self.message.emit(
            self.tr("Copied message %1 (%2): paste it into the group.")
            .replace("%1", str(n + 1))
            .replace("%2", format_offset(card.offset_minutes()))
        )
        return text

    # -- the preview context --------------------------------------------------------

    def _fill_communities(self) -> None:
        communities: list[Community] = (
            list_communities(self.session.workspace) if self.session is not None else []
        )
        self.community.blockSignals(True)
        self.community.clear()
        for c in communities:
            self.community.addItem(swatch_icon(c.color), c.name, c.id)
        if not communities:
            self.community.addItem(self.tr("Sample community"), "")
        index = self.community.findData(self.community_id)
        if index < 0:
            index = 0
            self.item_key = None
        self.community.setCurrentIndex(index)
        self.community.setEnabled(bool(communities))
        self.community.blockSignals(False)
        self.community_id = str(self.community.currentData() or "")
        self.context_hint.setText(
            "" if communities else self.tr("No communities yet: the preview uses sample values.")
        )
        self._fill_items()

    def _occurrences(self) -> list[Occurrence]:
        if self.session is None or not self.community_id:
            return []
        today = datetime.combine(date.today(), time())
        return occurrences_between(
            self.session.workspace,
            today - ITEMS_BEFORE,
            today + ITEMS_AFTER,
            CalendarFilter(community_ids=frozenset({self.community_id})),
        )

    def _fill_items(self) -> None:
        self.item.blockSignals(True)
        self.item.clear()
        self.item.addItem(self.tr("No calendar item"))
        if not self.isVisible():
            # Hidden (behind the calendar when a workspace opens): the community's
            # coming items are read when the page is shown; the item chosen stays.
            self._items_pending = True
            self._item_keys = [None]
            self.item.setEnabled(False)
            self.item.blockSignals(False)
            return
        self._items_pending = False
        occurrences = self._occurrences()
        keys = {occ.key for occ in occurrences}
        if self.item_key is not None and self.item_key not in keys and self.session is not None:
            try:
                occurrences.append(find_occurrence(self.session.workspace, self.item_key))
            except PlannerError:
                self.item_key = None
        # Keys stay on the Python side: QVariant cannot compare tuples for findData.
        self._item_keys = [None]
        for occ in occurrences:
            when = day_month(occ.start.date())
            if not occ.item.all_day:
                when = f"{when} {occ.start.hour:02d}:{occ.start.minute:02d}"
            self.item.addItem(f"{when}  {occ.item.title}")
            self._item_keys.append(occ.key)
        self.item.setCurrentIndex(self._item_keys.index(self.item_key))
        self.item.setEnabled(bool(occurrences))
        self.item.blockSignals(False)

    def _on_community_chosen(self, _index: int) -> None:
        self.community_id = str(self.community.currentData() or "")
        self.item_key = None
        self._fill_items()
        self.render_preview()

    def _on_item_chosen(self, _index: int) -> None:
        index = self.item.currentIndex()
        self.item_key = self._item_keys[index] if 0 <= index < len(self._item_keys) else None
        self.render_preview()

    def set_context(self, community_id: str, item_key: ItemKey | None = None) -> None:
        """Render the preview for ``community_id`` and, for posters, a calendar item."""
        self.community_id = community_id
        self.item_key = item_key
        self._fill_communities()
        self.render_preview()

    def current_context(self) -> RenderContext:
        """What the template is rendered with: the chosen community and item, or samples."""
        language = str(self.language.currentData() or "zh")
        if self.session is not None and self.community_id:
            item_key = self.item_key if self._kind() == TemplateKind.POSTER else None
            try:
                return context_for(
                    self.session.workspace, self.community_id, item_key=item_key, language=language
                )
            except NotFound:
                self.item_key = None
                self._fill_communities()
            except PlannerError as exc:
                self.error.emit(ui_text(str(exc)))
        return sample_context(language)

    def _kind(self) -> TemplateKind | None:
        return self.template.kind if self.template is not None else None

    def make_poster_for(self, item_key: ItemKey, community_id: str) -> bool:
        """Show a poster for a calendar item: the one that suits its type, in its language.

        The guest-share poster unless the item is a sharing (fission) or paid
        activity; Chinese when the item's title is. True when a poster is shown.
        """
        self._catch_up()
        if self.session is None or not self.leave():
            return False
        try:
            occ = find_occurrence(self.session.workspace, item_key)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return False
        language = "zh" if _CJK.search(occ.item.title) else "en"
        wanted = POSTER_FOR_TYPE.get(occ.item.item_type, DEFAULT_POSTER)
        posters = [t for t in self.model.templates() if t.kind == TemplateKind.POSTER]
        builtin = [t for t in posters if t.builtin]

        def score(t: Template) -> tuple[bool, bool, bool]:
            return (wanted in t.id, t.language == language, DEFAULT_POSTER in t.id)

        candidates = builtin or posters
        if not candidates:
            return False
        chosen = max(candidates, key=score)
        self.community_id = community_id
        self.item_key = item_key
        self._fill_communities()
        if self.template is not None and self.template.id == chosen.id:
            self.render_preview()
            return True
        return self.select(chosen.id)

    # -- rendering ----------------------------------------------------------------------

    def render_preview(self) -> None:
        """Render the source in the editor now (the timer calls this after typing)."""
        self.preview_timer.stop()
        self._preview_pending = False
        template = self.template
        if template is None:
            return
        context = self.current_context()
        name = self.name.text() or template.name
        if template.kind == TemplateKind.POSTER:
            try:
                svg = render_poster_source(self.source.toPlainText(), context, name=name)
                image = poster_image(svg, PREVIEW_WIDTH)
            except PlannerError as exc:
                self._show_source_error(exc)
            else:
                self.svg = svg
                self.preview.set_image(image)
                self._show_source_error(None)
        else:
            # One time limit for the whole sequence, not one per message.
            deadline = monotonic() + TIME_LIMIT_SECONDS
            for card in self.cards:
                try:
                    card.set_rendered(
                        render_message_source(
                            card.body.toPlainText(), context, name=name, deadline=deadline
                        )
                    )
                except PlannerError as exc:
                    card.set_error(exc)
        self.preview_rendered.emit()

    def _show_source_error(self, error: PlannerError | None) -> None:
        if error is None:
            self.source_error.hide()
            self.source_error.clear()
            self.source.set_error_line(None)
            self.preview.set_stale(False)
            return
        self.source_error.setText(ui_text(str(error)))
        self.source_error.show()
        self.source.set_error_line(error.line if isinstance(error, TemplateError) else None)
        self.preview.set_stale(self.preview.image is not None)

    def _go_to_error(self) -> None:
        if self.source.error_line is not None:
            self.source.go_to_line(self.source.error_line)

    # -- export -----------------------------------------------------------------------

    def export_to(self, path: Path, *, width_px: int | None = None) -> bool:
        """Export the poster as on screen (edits included) to ``path``: .png, .pdf or .svg."""
        template = self.template
        if template is None or template.kind != TemplateKind.POSTER:
            return False
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in (".png", ".pdf", ".svg"):
            self.error.emit(self.tr("Choose a file name ending in .png, .pdf or .svg."))
            return False
        width = width_px or int(self.png_width.currentData())
        try:
            with _busy():
                svg = render_poster_source(
                    self.source.toPlainText(),
                    self.current_context(),
                    name=self.name.text() or template.name,
                )
                if suffix == ".png":
                    render_png(svg, path, width_px=width)
                elif suffix == ".pdf":
                    render_pdf(svg, path)
                else:
                    write_svg(svg, path)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return False
        except OSError as exc:
            self.error.emit(
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return False
        self.message.emit(self.tr("Exported the poster to %1.").replace("%1", path.name))
        return True

    def default_export_name(self, suffix: str) -> str:
        """“Guest share poster · 深夜读书会.png”, without characters files cannot have."""
        parts = [self.name.text() or (self.template.name if self.template else "poster")]
        community = self.community.currentText() if self.community_id else ""
        if community:
            parts.append(community)
        return _UNSAFE_FILE_CHARS.sub("-", " · ".join(parts)).strip() + suffix

    def choose_export(self, suffix: str) -> None:
        """Ask where to export the poster (a file dialog), then export it."""
        filters = {
            ".png": self.tr("PNG picture (*.png)"),
            ".pdf": self.tr("PDF document (*.pdf)"),
            ".svg": self.tr("SVG drawing (*.svg)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export poster"),
            str(Path.home() / self.default_export_name(suffix)),
            filters[suffix],
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != suffix:
                path = path.with_name(path.name + suffix)
            self.export_to(path)

    # -- state ---------------------------------------------------------------------------

    def _update_actions(self) -> None:
        template = self.template
        session = self.session
        writable = session is not None and not session.read_only
        editable = self._editable()
        self.duplicate_button.setEnabled(writable and template is not None)
        self.duplicate_button.setText(
            self.tr("Duplicate to edit")
            if template is not None and template.builtin
            else self.tr("Duplicate")
        )
        self.delete_button.setEnabled(editable)
        self.banner.setVisible(template is not None and template.builtin)
        self.banner_duplicate.setEnabled(writable)
        self.name.setReadOnly(not editable)
        self.description.setReadOnly(not editable)
        self.language.setEnabled(editable)
        self.source.setReadOnly(not editable)
        self.save_button.setEnabled(editable and self._dirty)
        self.revert_button.setEnabled(self._dirty)
        self.save_button.setVisible(template is None or not template.builtin)
        self.revert_button.setVisible(template is None or not template.builtin)
        is_poster = template is not None and template.kind == TemplateKind.POSTER
        self.item.setVisible(is_poster)
        for widget in (self.png_button, self.png_width, self.pdf_button, self.svg_button):
            widget.setEnabled(is_poster)
        self.add_message_button.setVisible(editable)
        self.right.setCurrentWidget(self.editor if template is not None else self.empty)
