"""What the window shows when there is nothing to show yet: say what to do."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from planner.ui.theme import SPACING, app_icon, icon


class StartScreen(QWidget):
    """The empty state, in two flavours: an empty workspace, or no workspace.

    Signals:
        create_requested(): "Create your first community".
        sample_requested(): "Open the sample workspace".
        new_workspace_requested(): "New workspace…".
        open_requested(): "Open workspace…".
    """

    create_requested = Signal()
    sample_requested = Signal()
    new_workspace_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(96, 96)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.message.setFont(font)
        self.message.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.MinimumExpanding)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFixedWidth(520)

        self.create_button = QPushButton(
            icon("plus", "#ffffff"), self.tr("Create your first community")
        )
        self.create_button.setProperty("primary", True)
        self.create_button.clicked.connect(self.create_requested)
        self.sample_button = QPushButton(icon("sparkles"), self.tr("Open the sample workspace"))
        self.sample_button.clicked.connect(self.sample_requested)
        self.new_button = QPushButton(icon("file-plus"), self.tr("New workspace…"))
        self.new_button.clicked.connect(self.new_workspace_requested)
        self.open_button = QPushButton(icon("folder-open"), self.tr("Open workspace…"))
        self.open_button.clicked.connect(self.open_requested)
        for button in (self.create_button, self.sample_button, self.new_button, self.open_button):
            button.setMinimumWidth(280)
            button.setMinimumHeight(36)

        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 2)
        layout.addStretch(2)
        layout.addWidget(logo)
        layout.addWidget(self.title)
        layout.addWidget(self.message, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(SPACING)
        for button in (self.create_button, self.new_button, self.open_button, self.sample_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.show_empty_workspace(read_only=False)

    def _set_message(self, text: str) -> None:
        # A wrapped label with an alignment gets no height-for-width from the
        # layout, so give it the height its text needs.
        self.message.setText(text)
        self.message.setMinimumHeight(self.message.heightForWidth(self.message.width()))

    def show_empty_workspace(self, *, read_only: bool) -> None:
        """The workspace is open but has no community yet."""
        self.title.setText(self.tr("Welcome to Community Planner"))
        if read_only:
            self._set_message(
                self.tr("This workspace has no communities, and it is open read-only.")
            )
        else:
            self._set_message(
                self.tr(
                    "Start with one group you run: write down who it is for, what value it "
                    "brings and where it stands on the path build → structure → output → "
                    "operate → replicate. Or look around the sample workspace first."
                )
            )
        self.create_button.setVisible(not read_only)
        self.new_button.hide()
        self.open_button.hide()

    def show_no_workspace(self) -> None:
        """No workspace is open (for example the one asked for could not be opened)."""
        self.title.setText(self.tr("No workspace is open"))
        self._set_message(
            self.tr(
                "A workspace is one file that holds your communities and their plans. "
                "Create one, open one a teammate sent you, or open the sample workspace."
            )
        )
        self.create_button.hide()
        self.new_button.show()
        self.open_button.show()
