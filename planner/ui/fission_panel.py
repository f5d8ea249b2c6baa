"""The Fission tab of a community: a calculator, and the plans saved from it.

The inputs (:class:`~planner.ui.fission_form.FissionForm`) give, as they are
typed, the fission coefficient K = X × Y and what it means (self-sustaining
above 1, topping out below it), the members each wave brings (a chart and a
table), the total cost and the cost per acquired member against another
channel. A bad input is named on its field and no result is shown for it.

The numbers can be kept as plans on the community: Save as… (Alt+S; a
name), Update (Alt+U; the selected plan takes the inputs), Rename (F2 on the
list, or Alt+N), Delete (the Delete key on the list; asks first), each one
undoable edit through the session; selecting a plan loads it into the
inputs, and an undo or redo of its inputs shows there too. (Ctrl+S stays the
community page's Save.) A plan can be linked to the activity it plans on the
community's calendar and opened there. In a read-only workspace the
calculator works and nothing is saved.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.errors import PlannerError, ValidationError
from planner.fission import Projection, Scenario, project
from planner.fission_scenarios import (
    SavedScenario,
    delete_scenario,
    save_scenario,
    update_scenario,
)
from planner.history import Change
from planner.ui.checklist_panel import Confirm
from planner.ui.dialogs import ask_yes_no
from planner.ui.fission_form import DEFAULT, FissionForm, NameDialog
from planner.ui.fission_link import ActivityLink
from planner.ui.fission_model import SavedScenariosModel, ScenarioDelegate, ScenarioRole
from planner.ui.fission_results import FissionResults
from planner.ui.session import Session
from planner.ui.theme import MARGIN, SPACING, icon


def same_inputs(a: Scenario, b: Scenario) -> bool:
    """The same inputs, allowing for what showing a rate as a percentage rounds."""
    for name, x in a.values().items():
        y = getattr(b, name)
        if isinstance(x, float | int) and isinstance(y, float | int):
            if not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12):
                return False
        elif x != y:
            return False
    return True


class FissionPanel(QWidget):
    """The fission calculator of one community and the plans saved on it.

    Attributes:
        form: the inputs.
        chart: members per wave of the projection shown.
        waves_model: the projection wave by wave (the table's model).
        scenarios: the community's saved plans (the list's model).

    Signals:
        error(str): an edit was refused (one line).
        message(str): what an edit did, for the status bar.
        open_activity_requested(str): show this calendar item (a plan's activity).
    """

    error = Signal(str)
    message = Signal(str)
    open_activity_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, confirm: Confirm = ask_yes_no) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._community = ""
        self._confirm = confirm
        self._projection: Projection | None = None
        # Across a reload of the list: the plan selected, what it held, and
        # whether the form showed just that.
        self._keep: tuple[str, Scenario, bool] | None = None
        self._selecting = False

        self.form = FissionForm()
        self.form.edited.connect(self._recompute)
        self.results = FissionResults()
        self.chart = self.results.chart
        self.waves_model = self.results.waves_model
        self._build_saved()

        inputs = QWidget()
        left = QVBoxLayout(inputs)
        left.setContentsMargins(0, 0, SPACING, 0)
        left.setSpacing(SPACING)
        left.addWidget(self.form)
        left.addSpacing(SPACING)
        left.addWidget(self.saved_box, 1)
        scroll = QScrollArea()
        scroll.setWidget(inputs)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(380)
        self.inputs_area = scroll

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(MARGIN)
        layout.addWidget(scroll)
        layout.addWidget(self.results, 1)

        self.form.load(DEFAULT)
        self._recompute()
        self._update_actions()

    # -- construction ------------------------------------------------------------------

    def _build_saved(self) -> None:
        heading = QLabel(self.tr("Saved plans"))
        font = QFont(heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)

        self.scenarios = SavedScenariosModel(self)
        self.scenarios.failed.connect(self.error)
        self.scenarios.modelAboutToBeReset.connect(self._remember_selection)
        self.scenarios.reloaded.connect(self._restore_selection)
        self.scenario_list = QListView()
        self.scenario_list.setModel(self.scenarios)
        self.scenario_list.setItemDelegate(ScenarioDelegate(self.scenario_list))
        self.scenario_list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.scenario_list.setMinimumHeight(90)
        self.scenario_list.setMaximumHeight(240)
        self.scenario_list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.empty = QLabel(
            self.tr("No saved plans yet. Try the numbers above, then Save as… to keep a plan.")
        )
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(SPACING)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.scenario_list)
        self.list_stack.addWidget(self.empty)
        self.list_stack.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.save_as_button = QPushButton(icon("device-floppy"), self.tr("&Save as…"))
        self.save_as_button.setToolTip(self.tr("Keep these numbers as a plan of this community"))
        self.save_as_button.clicked.connect(lambda: self.save_as())
        self.update_button = QPushButton(self.tr("&Update"))
        self.update_button.setToolTip(self.tr("Give the selected plan the numbers above"))
        self.update_button.clicked.connect(self.update_current)
        self.rename_button = QPushButton(self.tr("Re&name"))
        self.rename_button.setToolTip(self.tr("Rename the selected plan (F2)"))
        self.rename_button.clicked.connect(self.rename_current)
        self.delete_button = QPushButton(icon("trash"), self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete the selected plan (Delete)"))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_action = QAction(self.tr("Delete…"), self)
        self.delete_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(lambda _checked=False: self.delete_current())
        self.scenario_list.addAction(self.delete_action)
        buttons = QGridLayout()
        buttons.setSpacing(SPACING // 2)
        buttons.addWidget(self.save_as_button, 0, 0)
        buttons.addWidget(self.update_button, 0, 1)
        buttons.addWidget(self.rename_button, 1, 0)
        buttons.addWidget(self.delete_button, 1, 1)
        self.changed_hint = QLabel()
        self.changed_hint.setProperty("role", "hint")
        self.changed_hint.setWordWrap(True)
        self.read_only_hint = QLabel(
            self.tr("This workspace is read-only: the calculator works, plans cannot be saved.")
        )
        self.read_only_hint.setProperty("role", "hint")
        self.read_only_hint.setWordWrap(True)

        self.link = ActivityLink()
        self.link.error.connect(self.error)
        self.link.message.connect(self.message)
        self.link.open_activity_requested.connect(self.open_activity_requested)

        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACING)
        column.addWidget(heading)
        column.addWidget(self.list_stack)
        column.addWidget(self.changed_hint)
        column.addLayout(buttons)
        column.addWidget(self.read_only_hint)
        column.addWidget(self.link)
        column.addStretch(1)
        self.saved_box = box

    # -- data ---------------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
        self._session = session
        self._community = ""
        self.scenarios.set_session(session)
        self.link.set_session(session)
        if session is not None:
            session.changed.connect(self._on_changed)
        self._update_actions()

    @property
    def community_id(self) -> str:
        return self._community

    @property
    def editable(self) -> bool:
        return self._session is not None and not self._session.read_only

    @property
    def projection(self) -> Projection | None:
        """The projection shown; None while an input is not valid."""
        return self._projection

    def show_community(self, community_id: str) -> None:
        """Show a community's plans; its first plan is loaded, else the example numbers."""
        if community_id == self._community:
            return
        self._community = community_id
        self.scenarios.set_community(community_id)
        self.link.show_community(community_id)
        if self.scenarios.rowCount():
            self.select_scenario(self.scenarios.saved(0).id)
        else:
            self.form.load(DEFAULT)
            self._recompute()
        self._update_actions()

    def current_scenario(self) -> SavedScenario | None:
        index = self.scenario_list.currentIndex()
        if not index.isValid() or not self.scenario_list.selectionModel().isSelected(index):
            return None
        saved: SavedScenario = index.data(ScenarioRole.SAVED)
        return saved

    def select_scenario(self, scenario_id: str) -> bool:
        """Select a saved plan and load it into the form."""
        index = self.scenarios.index_of(scenario_id)
        if not index.isValid():
            return False
        self.scenario_list.setCurrentIndex(index)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        saved = self.scenarios.saved(current.row()) if current.isValid() else None
        if saved is not None:
            self.form.load(saved.scenario)
            self._recompute()
        self.link.show_scenario(saved)
        self._update_actions()

    def _remember_selection(self) -> None:
        saved = self.current_scenario()
        if saved is None:
            self._keep = None
            return
        shown = same_inputs(self.form.scenario(), saved.scenario)
        self._keep = (saved.id, saved.scenario, shown)

    def _restore_selection(self) -> None:
        keep, self._keep = self._keep, None
        self._selecting = True
        try:
            index = self.scenarios.index_of(keep[0]) if keep else QModelIndex()
            self.scenario_list.setCurrentIndex(index)
        finally:
            self._selecting = False
        saved = self.current_scenario()
        # An undo or redo of this plan's inputs shows in the form, unless the
        # operator had typed other numbers since.
        if keep is not None and saved is not None and keep[2]:
            if not same_inputs(saved.scenario, keep[1]):
                self.form.load(saved.scenario)
                self._recompute()
        self.link.show_scenario(saved)
        self.list_stack.setCurrentWidget(
            self.scenario_list if self.scenarios.rowCount() else self.empty
        )
        self._update_actions()

    def _on_changed(self, change: Change) -> None:
        if "calendar_items" in change.tables:
            self.link.show_scenario(self.current_scenario())

    # -- results ------------------------------------------------------------------------

    def _recompute(self) -> None:
        problems = self.form.problems()
        self._projection = None if problems else project(self.form.scenario())
        self.results.show_projection(self._projection, len(problems))
        self._update_actions()

    # -- saving -------------------------------------------------------------------------

    def _dirty(self) -> bool:
        saved = self.current_scenario()
        return saved is not None and not same_inputs(self.form.scenario(), saved.scenario)

    def _update_actions(self) -> None:
        editable = self.editable and bool(self._community)
        valid = self._projection is not None
        saved = self.current_scenario()
        dirty = valid and self._dirty()
        self.save_as_button.setEnabled(editable and valid)
        self.update_button.setEnabled(editable and dirty)
        self.rename_button.setEnabled(editable and saved is not None)
        self.delete_button.setEnabled(editable and saved is not None)
        self.delete_action.setEnabled(editable and saved is not None)
        self.read_only_hint.setVisible(self._session is not None and not self.editable)
        if saved is not None and self._dirty():
            self.changed_hint.setText(
                self.tr("Changed since “%1” was saved: Update keeps these numbers.").replace(
                    "%1", saved.name
                )
            )
        self.changed_hint.setVisible(saved is not None and self._dirty())
        self.list_stack.setCurrentWidget(
            self.scenario_list if self.scenarios.rowCount() else self.empty
        )

    def field_error(self, key: str) -> str:
        """The message shown under an input now ("" if none)."""
        return self.form.field_error(key)

    def _next_name(self) -> str:
        taken = {self.scenarios.saved(n).name for n in range(self.scenarios.rowCount())}
        n = 1
        while (name := self.tr("Fission plan %1").replace("%1", str(n))) in taken:
            n += 1
        return name

    def save_as(self) -> NameDialog | None:
        """Ask for a name and save the inputs as a new plan (window-modal; returns the dialog)."""
        if not self.editable or not self._community or self._projection is None:
            return None
        dialog = NameDialog(
            self.tr("Save fission plan"),
            self.tr("Name of the plan:"),
            self._next_name(),
            self._save_named,
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _save_named(self, name: str) -> str | None:
        """Save the inputs as ``name``; the reason it was refused, or None."""
        if self._session is None or not self._community:
            return self.tr("No community is shown.")
        try:
            scenario_id, _ = self._session.run(
                save_scenario, self._community, self.form.scenario(), name
            )
        except ValidationError as exc:
            return exc.fields.get("name") or str(exc)
        except PlannerError as exc:
            return str(exc)
        self.select_scenario(scenario_id)
        saved = self.current_scenario()
        self.message.emit(
            self.tr("Saved the fission plan “%1”.").replace("%1", saved.name if saved else name)
        )
        return None

    def update_current(self) -> bool:
        """Give the selected plan the inputs (one undoable edit)."""
        saved = self.current_scenario()
        if saved is None or self._session is None or not self.editable:
            return False
        if self._projection is None:
            return False
        try:
            self._session.run(update_scenario, saved.id, self.form.scenario())
        except PlannerError as exc:
            self.error.emit(str(exc))
            return False
        self.message.emit(self.tr("Updated the fission plan “%1”.").replace("%1", saved.name))
        return True

    def rename_current(self) -> None:
        """Start typing the selected plan's new name in the list (F2)."""
        index = self.scenario_list.currentIndex()
        if index.isValid() and self.editable:
            self.scenario_list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scenario_list.edit(index)

    def delete_current(self) -> bool:
        """Delete the selected plan after asking (one undoable edit)."""
        saved = self.current_scenario()
        if saved is None or self._session is None or not self.editable:
            return False
        question = self.tr("Delete the fission plan “%1”? Edit ▸ Undo brings it back.").replace(
            "%1", saved.name
        )
        if not self._confirm(self, self.tr("Delete fission plan"), question, self.tr("Delete")):
            return False
        try:
            self._session.run(delete_scenario, saved.id)
        except PlannerError as exc:
            self.error.emit(str(exc))
            return False
        self.message.emit(self.tr("Deleted the fission plan “%1”.").replace("%1", saved.name))
        return True
