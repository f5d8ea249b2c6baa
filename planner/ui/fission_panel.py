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

An undo or redo keeps the panel consistent: a plan an undo takes away (its
Save as undone) hands the selection back to the plan selected before it, and
a plan that comes back (the Save as redone, a delete undone) is selected
again, showing its numbers unless the inputs hold numbers typed since.

The tab lives under the community's header and health cards, so it may get
little height: the inputs and the plans scroll as one pane, the results as
another, each keeping a readable size (see :meth:`FissionPanel.resizeEvent`).
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent
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
    QStyle,
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
from planner.ui.locale_text import ui_text
from planner.ui.session import Session
from planner.ui.theme import MARGIN, SPACING, icon

# The inputs pane's width where there is room; narrower windows give it less,
# down to what its form needs, so that the results keep RESULTS_WIDTH.
INPUTS_WIDTH = 380
RESULTS_WIDTH = 440
# The saved plans' list shows this many rows at least, and grows to this many.
LIST_ROWS_MIN = 2
LIST_ROWS_MAX = 5
# How many plans that went (an undone Save as, a delete) are remembered to be
# selected again should they come back.
VANISHED_MAX = 50


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
        # Set while the list is read for another session or community: what was
        # selected there means nothing here.
        self._switching = False
        # Set while a delete runs: the plan goes for good, not back to the one
        # it was saved from.
        self._deleting = False
        # The inputs were typed since they were last loaded or saved: numbers
        # no undo or redo can bring back, which a plan coming back must not replace.
        self._typed = False
        # Plans that were selected when they went, the latest last: the one that
        # comes back (a redo of its Save as, an undo of its delete) is selected.
        self._vanished: list[str] = []
        # A plan saved by Save as -> the plan selected then, to select again
        # when that Save as is undone.
        self._saved_from: dict[str, str] = {}

        self.form = FissionForm()
        self.form.edited.connect(self._on_typed)
        self.results = FissionResults()
        self.chart = self.results.chart
        self.chart.message.connect(self.message)
        self.chart.error.connect(self.error)
        self.waves_model = self.results.waves_model
        self._build_saved()

        # The inputs and the plans scroll as one pane: under a community's
        # health cards the tab may be a couple of hundred pixels tall, and every
        # button must still be reachable.
        inputs = QWidget()
        left = QVBoxLayout(inputs)
        left.setContentsMargins(0, 0, SPACING, 0)
        left.setSpacing(SPACING)
        left.addWidget(self.form)
        left.addSpacing(SPACING)
        left.addWidget(self.saved_box, 1)
        self._inputs = inputs
        self.inputs_area = self._scroll(inputs)
        # The results scroll on their own, so that the chart and the table keep
        # a readable height instead of being squeezed under each other.
        self.results_area = self._scroll(self.results)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, SPACING, 0, 0)
        layout.setSpacing(MARGIN)
        layout.addWidget(self.inputs_area)
        layout.addWidget(self.results_area, 1)

        self._load(DEFAULT)
        self._fit_list()
        self._update_actions()

    # -- construction ------------------------------------------------------------------

    @staticmethod
    def _scroll(content: QWidget) -> QScrollArea:
        """``content`` in a pane that scrolls vertically; a scroll area sizes its
        content by its height for width, so wrapped labels are never cut."""
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return scroll

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override QWidget::resizeEvent: share the width between the two panes."""
        super().resizeEvent(event)
        self._fit_panes(event.size().width())

    def _fit_panes(self, width: int) -> None:
        """The inputs get INPUTS_WIDTH while the results keep RESULTS_WIDTH,
        else less, down to what the form needs (it never scrolls sideways)."""
        content = self._inputs
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        least = content.minimumSizeHint().width() + bar
        self.inputs_area.setFixedWidth(
            max(least, min(INPUTS_WIDTH, width - MARGIN - RESULTS_WIDTH))
        )

    def _fit_list(self) -> None:
        """The list is as tall as its plans, from LIST_ROWS_MIN to LIST_ROWS_MAX rows."""
        view = self.scenario_list
        row = view.sizeHintForRow(0) if self.scenarios.rowCount() else -1
        if row <= 0:
            row = view.fontMetrics().height() * 2 + 2 * ScenarioDelegate.PADDING + 2
        rows = min(max(self.scenarios.rowCount(), LIST_ROWS_MIN), LIST_ROWS_MAX)
        frame = 2 * view.frameWidth()
        view.setMinimumHeight(row * LIST_ROWS_MIN + frame)
        view.setMaximumHeight(row * rows + frame)
        # The stack would ask for a list view's default height, and leave a gap
        # under the list where the buttons should be.
        self.list_stack.setMaximumHeight(max(view.maximumHeight(), self.empty.sizeHint().height()))

    def _build_saved(self) -> None:
        heading = QLabel(self.tr("Saved plans"))
        font = QFont(heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)

        self.scenarios = SavedScenariosModel(self)
        self.scenarios.failed.connect(self.error)
        self.scenarios.renamed.connect(self._on_renamed)
        self.scenarios.modelAboutToBeReset.connect(self._remember_selection)
        self.scenarios.reloaded.connect(self._restore_selection)
        self.scenario_list = QListView()
        self.scenario_list.setModel(self.scenarios)
        self.scenario_list.setItemDelegate(ScenarioDelegate(self.scenario_list))
        self.scenario_list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
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
        self._switching = True
        try:
            self.scenarios.set_session(session)
        finally:
            self._switching = False
        self._forget()
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
        self._switching = True
        try:
            self.scenarios.set_community(community_id)
        finally:
            self._switching = False
        self._forget()
        self.link.show_community(community_id)
        if self.scenarios.rowCount():
            self.select_scenario(self.scenarios.saved(0).id)
        else:
            self._load(DEFAULT)
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
            self._load(saved.scenario)
        self.link.show_scenario(saved)
        self._update_actions()

    def _forget(self) -> None:
        """Drop what was remembered of another community's plans."""
        self._keep = None
        self._vanished.clear()
        self._saved_from.clear()

    def _remember_selection(self) -> None:
        saved = None if self._switching else self.current_scenario()
        if saved is None:
            self._keep = None
            return
        shown = same_inputs(self.form.scenario(), saved.scenario)
        self._keep = (saved.id, saved.scenario, shown)

    def _exists(self, scenario_id: str) -> bool:
        return self.scenarios.row_of(scenario_id) >= 0

    def _restore_selection(self) -> None:
        """Select again, after the list was read, the plan the panel should show.

        Whether the inputs take that plan's numbers depends on what they held:
        numbers as saved (a plan's, or ones an undo took away, which a redo
        brings back) give way to the plan now selected; numbers typed since the
        inputs were last loaded or saved, which nothing could bring back, are
        kept, and the changed hint offers Update.
        """
        keep, self._keep = self._keep, None
        if self._switching:
            self._fit_list()
            return
        target: str | None = None
        load = False
        returned = [i for i in reversed(self._vanished) if self._exists(i)]
        if returned:
            # A plan came back (its Save as redone, its delete undone): show it.
            target = returned[0]
            self._vanished = [i for i in self._vanished if i not in returned]
            load = not self._typed
        elif keep is not None and self._exists(keep[0]):
            target = keep[0]
            # An undo or redo of this plan's inputs shows in the form, unless the
            # operator had typed other numbers since.
            load = keep[2]
        elif keep is not None:
            # The plan selected went: remember it should it come back, and
            # when its Save as was undone, go back to the plan selected then.
            self._vanished = [*self._vanished, keep[0]][-VANISHED_MAX:]
            before = None if self._deleting else self._saved_from.get(keep[0])
            if before is not None and self._exists(before):
                target = before
        self._selecting = True
        try:
            index = self.scenarios.index_of(target) if target else QModelIndex()
            self.scenario_list.setCurrentIndex(index)
        finally:
            self._selecting = False
        saved = self.current_scenario()
        if load and saved is not None and not same_inputs(self.form.scenario(), saved.scenario):
            self._load(saved.scenario)
        self.link.show_scenario(saved)
        self._fit_list()
        self._update_actions()

    def _on_changed(self, change: Change) -> None:
        if "calendar_items" in change.tables:
            self.link.show_scenario(self.current_scenario())

    # -- results ------------------------------------------------------------------------

    def _load(self, scenario: Scenario) -> None:
        """Show ``scenario`` in the inputs: numbers saved, or the example."""
        self.form.load(scenario)
        self._typed = False
        self._recompute()

    def _on_typed(self) -> None:
        self._typed = True
        self._recompute()

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
        # The hint offers Update: only where Update can be done (an invalid input
        # or a read-only workspace disables it).
        updatable = saved is not None and self.update_button.isEnabled()
        if saved is not None and updatable:
            self.changed_hint.setText(
                self.tr("Changed since “%1” was saved: Update keeps these numbers.").replace(
                    "%1", saved.name
                )
            )
        self.changed_hint.setVisible(updatable)
        self.list_stack.setCurrentWidget(
            self.scenario_list if self.scenarios.rowCount() else self.empty
        )

    def field_error(self, key: str) -> str:
        """The message shown under an input now ("" if none)."""
        return self.form.field_error(key)

    def focus_first_input(self) -> None:
        """Put the keyboard focus on Seed members, its text selected to type over.

        For the window's Community ▸ Fission calculator (Ctrl+Shift+K), once it
        has shown this tab: the inputs pane scrolls back to its top, where the
        first input is, however far down the plans it had been scrolled.
        """
        self.inputs_area.verticalScrollBar().setValue(0)
        field = self.form.seed_members
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

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
        before = self.current_scenario()
        try:
            scenario_id, _ = self._session.run(
                save_scenario, self._community, self.form.scenario(), name
            )
        except ValidationError as exc:
            return ui_text(exc.fields.get("name") or str(exc))
        except PlannerError as exc:
            return ui_text(str(exc))
        self._typed = False
        if before is not None:
            self._saved_from[scenario_id] = before.id
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
            self.error.emit(ui_text(str(exc)))
            return False
        self._typed = False
        self.message.emit(self.tr("Updated the fission plan “%1”.").replace("%1", saved.name))
        return True

    def rename_current(self) -> None:
        """Start typing the selected plan's new name in the list (F2)."""
        index = self.scenario_list.currentIndex()
        if index.isValid() and self.editable:
            # Alt+N works from the inputs: the list may be scrolled out of sight.
            self.inputs_area.ensureWidgetVisible(self.scenario_list)
            self.scenario_list.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scenario_list.edit(index)

    def _on_renamed(self, old: str, new: str) -> None:
        names = {"%1": old, "%2": new}
        words = self.tr("Renamed the fission plan “%1” to “%2”.")
        # In one pass, so that a name holding "%2" is not filled in itself.
        self.message.emit(re.sub("%[12]", lambda m: names[m.group()], words))

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
        self._deleting = True
        try:
            self._session.run(delete_scenario, saved.id)
        except PlannerError as exc:
            self.error.emit(ui_text(str(exc)))
            return False
        finally:
            self._deleting = False
        self.message.emit(self.tr("Deleted the fission plan “%1”.").replace("%1", saved.name))
        return True
