"""Small dialogs: a new community, the trash, error messages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.communities import NAME_MAX, Platform, Stage, validate
from planner.errors import ValidationError
from planner.ui.community_model import CommunityListModel, Role
from planner.ui.labels import platform_label, stage_hint, stage_label
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.sidebar import CommunityDelegate
from planner.ui.theme import SPACING, icon


class NewCommunityDialog(QDialog):
    """Asks for the few things a new community needs; the rest is on its page."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("New community"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(NAME_MAX)
        self.name.setPlaceholderText(self.tr("e.g. Notion Users Group"))
        self.name.setMinimumWidth(320)
        self.platform = QComboBox()
        for platform in Platform:
            self.platform.addItem(platform_label(platform), platform.value)
        self.stage = QComboBox()
        for stage in Stage:
            self.stage.addItem(f"{stage.number}. {stage_label(stage)}", stage.value)
        self.stage_hint = QLabel(stage_hint(Stage.BUILD))
        self.stage_hint.setProperty("role", "hint")
        self.stage.currentIndexChanged.connect(
            lambda _i: self.stage_hint.setText(stage_hint(Stage(self.stage.currentData())))
        )
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textEdited.connect(lambda _t: self.error.hide())

        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.error)
        form.addRow(self.tr("&Platform"), self.platform)
        form.addRow(self.tr("S&tage"), self.stage)
        form.addRow("", self.stage_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def values(self) -> dict[str, str]:
        return {
            "name": self.name.text(),
            "platform": self.platform.currentData(),
            "stage": self.stage.currentData(),
        }

    def accept(self) -> None:
        """Override QDialog::accept: refuse, with the reason, until the values are valid."""
        try:
            validate(self.session.workspace, self.values())
        except ValidationError as exc:
            self.error.setText(ui_text(next(iter(exc.fields.values()))))
            self.error.show()
            self.name.setFocus()
            return
        super().accept()


class TrashDialog(QDialog):
    """Communities in the trash, each restorable."""

    def __init__(
        self,
        session: Session,
        restore: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self.resize(420, 360)
        self._restore = restore
        self.model = CommunityListModel(session, trash=True)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(CommunityDelegate(self.list))
        self.empty = QLabel(
            self.tr("The trash is empty. Communities you delete wait here until you restore them.")
        )
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.info = QLabel()
        self.info.setProperty("role", "hint")
        self.restore_button = QPushButton(icon("restore"), self.tr("Restore"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._on_restore)
        self.list.doubleClicked.connect(lambda _i: self._on_restore())
        self.list.selectionModel().currentChanged.connect(self._on_current)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.info)
        layout.addWidget(close)
        self._read_only = session.read_only
        self.model.modelReset.connect(self._update)
        self._update()

    def _update(self) -> None:
        has_items = self.model.rowCount() > 0
        self.list.setVisible(has_items)
        self.empty.setVisible(not has_items)
        self.restore_button.setEnabled(not self._read_only and self.list.currentIndex().isValid())

    def _on_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            c = index.data(Role.COMMUNITY)
            when = QDateTime.fromMSecsSinceEpoch(c.updated_at).toString("yyyy-MM-dd HH:mm")
            self.info.setText(self.tr("Deleted %1").replace("%1", when))
        self._update()

    def _on_restore(self) -> None:
        index = self.list.currentIndex()
        if index.isValid() and not self._read_only:
            self._restore(str(index.data(Role.ID)))


def show_error(parent: QWidget, message: object, title: str = "") -> QMessageBox:
    """Show ``message`` in a window-modal box without blocking; returns the box.

    ``message`` may be a core message (:class:`planner.i18n.Text`), or an
    exception whose message is one: it is shown in the UI's language.
    """
    if isinstance(message, BaseException):
        message = str(message)  # a PlannerError's str() is its Text
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Dialogs", "Community Planner"))
    box.setText(ui_text(message))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def ask_yes_no(parent: QWidget, title: str, question: str, yes_text: str) -> bool:
    """A blocking confirmation; the default answer is No."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes
