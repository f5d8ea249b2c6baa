"""The fission calculator's inputs: seeds, X, Y (or what makes it), waves, costs.

Plain text fields, not spin boxes, so that whatever is typed is kept and a
bad value is named on its field (the core's :meth:`Scenario.problems`, in
the words the form shows) instead of being silently clamped. Rates are typed
as percentages ("35" or "35%"), money without its sign ("¥" is shown beside).

Y, the new members one share brings, is asked for one of two ways: as the
people a share reaches and the share of them who join, or, ticking "I know
Y", directly. The core has one model for both: a Y known directly is stored
as the invites per share with a conversion rate of 100%, so a saved scenario
whose conversion rate is 100% opens with "I know Y" ticked.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.fission import NAME_MAX, WAVES_MAX, Scenario
from planner.ui.field_errors import FieldErrors
from planner.ui.fission_model import CURRENCY, number, percent
from planner.ui.locale_text import ui_text
from planner.ui.theme import SPACING

# The example of the core's docstring: K = 0.8, ¥3.27 a member against ¥6.
DEFAULT = Scenario(200, 0.4, 20, 0.1, 3, fixed_cost=300, bait_cost=2.5, channel_cost=6)
TEXT_FIELDS = (
    "seed_members",
    "share_rate",
    "invites_per_share",
    "conversion_rate",
    "per_share",
    "fixed_cost",
    "bait_cost",
    "channel_cost",
)


def _shown(value: Any, fmt: Any) -> str:
    """``value`` as the form shows it; a stored value that is not a number as it is."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return str(fmt(value))
    return "" if value is None else str(value)


def _money_text(text: str) -> str:
    """What was typed in a money field, without a currency sign (kept for the core)."""
    return text.strip().lstrip("¥￥").removesuffix("元").strip()


def _percent_text(text: str) -> str:
    """A percentage typed without its sign gets one, so the core reads 35 as 35%."""
    text = text.strip()
    return text if text.endswith(("%", "％")) else text + "%"


class FissionForm(QWidget):
    """The inputs of a fission scenario, each with its error shown under it.

    Signals:
        edited(): an input changed (typing, the toggle; not :meth:`load`).
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self._loading = False
        # Each input's row (the field, its signs and its error), by field name.
        self._rows: dict[str, QWidget] = {}

        def edit(placeholder: str = "", tip: str = "") -> QLineEdit:
            field = QLineEdit()
            field.setPlaceholderText(placeholder)
            field.setToolTip(tip)
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.textChanged.connect(self._on_edited)
            return field

        self.seed_members = edit(
            "200", self.tr("Members who get the poster or the link first (wave 0)")
        )
        self.share_rate = edit(
            "40", self.tr("X: of each wave's members, the share who pass the poster on")
        )
        self.direct_y = QCheckBox(self.tr("I &know Y directly"))
        self.direct_y.setToolTip(
            self.tr(
                "Give Y, the new members one share brings (from a past campaign, say), "
                "instead of the invites per share and the conversion rate"
            )
        )
        self.invites_per_share = edit("20", self.tr("People one share reaches"))
        self.conversion_rate = edit("10", self.tr("Of the people reached, the share who join"))
        self.per_share = edit("2", self.tr("Y: new members one share brings"))
        self.waves = QSpinBox()
        self.waves.setRange(1, WAVES_MAX)
        self.waves.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.waves.setToolTip(self.tr("Waves of sharing: the seeds share, then who they bring, …"))
        self.waves.valueChanged.connect(self._on_edited)
        self.fixed_cost = edit(
            "0", self.tr("What the campaign costs however it goes: poster design, the bait")
        )
        self.bait_cost = edit("0", self.tr("The bait paid for each new member"))
        self.channel_cost = edit(
            self.tr("optional"),
            self.tr("What a member costs through another channel (ads, a KOL post), to compare"),
        )
        self.direct_y.toggled.connect(self._on_direct_toggled)

        # One form for both sections, so that their fields line up.
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._heading(self.tr("Campaign")))
        form.addRow(self.tr("Seed &members"), self._row("seed_members", self.seed_members))
        form.addRow(
            self.tr("Sha&re rate (X)"), self._row("share_rate", self.share_rate, suffix="%")
        )
        form.addRow("", self.direct_y)
        form.addRow(
            self.tr("&Invites per share"), self._row("invites_per_share", self.invites_per_share)
        )
        form.addRow(
            self.tr("Conversion ra&te"),
            self._row("conversion_rate", self.conversion_rate, suffix="%"),
        )
        form.addRow(self.tr("New members per share (&Y)"), self._row("per_share", self.per_share))
        form.addRow(self.tr("&Waves"), self._row("waves", self.waves))
        form.addRow(self._heading(self.tr("Costs")))
        form.addRow(
            self.tr("Fi&xed cost"), self._row("fixed_cost", self.fixed_cost, prefix=CURRENCY)
        )
        form.addRow(
            self.tr("&Bait per new member"),
            self._row("bait_cost", self.bait_cost, prefix=CURRENCY),
        )
        form.addRow(
            self.tr("Channe&l cost per member"),
            self._row("channel_cost", self.channel_cost, prefix=CURRENCY),
        )
        self._campaign = form
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self._show_direct(False)

    # -- construction ------------------------------------------------------------------

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setContentsMargins(0, SPACING // 2, 0, 0)
        font = QFont(label.font())
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
        return label

    def _row(self, key: str, field: QWidget, *, prefix: str = "", suffix: str = "") -> QWidget:
        """``field`` between its unit signs, with its error message under it."""
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.setSpacing(4)
        # Every row keeps room for a sign on both sides, so the fields line up.
        for text, before in ((prefix, True), (suffix, False)):
            sign = QLabel(text)
            sign.setFixedWidth(sign.fontMetrics().horizontalAdvance("¥%") + 2)
            sign.setAlignment(
                (Qt.AlignmentFlag.AlignRight if before else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
            if before:
                line.addWidget(sign)
                line.addWidget(field, 1)
            else:
                line.addWidget(sign)
        column.addLayout(line)
        column.addWidget(self.errors.register(key, field))
        self._rows[key] = holder
        return holder

    # -- values -------------------------------------------------------------------------

    @property
    def direct(self) -> bool:
        """Y is given directly (invites per share = Y, conversion 100%)."""
        return self.direct_y.isChecked()

    def labels(self) -> dict[str, str]:
        """The fields' names as the form shows them, for the core's messages."""
        return {
            "seed_members": self.tr("Seed members"),
            "share_rate": self.tr("Share rate"),
            "invites_per_share": (
                self.tr("New members per share") if self.direct else self.tr("Invites per share")
            ),
            "conversion_rate": self.tr("Conversion rate"),
            "waves": self.tr("Waves"),
            "fixed_cost": self.tr("Fixed cost"),
            "bait_cost": self.tr("Bait per new member"),
            "channel_cost": self.tr("Channel cost per member"),
        }

    def values(self) -> dict[str, Any]:
        """The inputs as typed, for :meth:`Scenario.from_values`."""
        fixed = _money_text(self.fixed_cost.text())
        bait = _money_text(self.bait_cost.text())
        if self.direct:
            invites: Any = self.per_share.text()
            conversion: Any = 1.0
        else:
            invites = self.invites_per_share.text()
            conversion = _percent_text(self.conversion_rate.text())
        return {
            "seed_members": self.seed_members.text(),
            "share_rate": _percent_text(self.share_rate.text()),
            "invites_per_share": invites,
            "conversion_rate": conversion,
            "waves": self.waves.value(),
            # Left empty, a cost is none at all.
            "fixed_cost": fixed or 0.0,
            "bait_cost": bait or 0.0,
            "channel_cost": _money_text(self.channel_cost.text()),
        }

    def scenario(self) -> Scenario:
        """The inputs as a scenario (perhaps unsound: see :meth:`Scenario.problems`)."""
        return Scenario.from_values(self.values())

    def problems(self) -> dict[str, str]:
        """What is wrong with the inputs, by form field, and shown under the fields."""
        found = {
            key: ui_text(message)
            for key, message in self.scenario().problems(self.labels()).items()
        }
        if self.direct and "invites_per_share" in found:
            found["per_share"] = found.pop("invites_per_share")
        self.errors.show(found)
        return found

    def field_error(self, key: str) -> str:
        """The message shown under a field now ("" if none)."""
        return self.errors.message(key)

    def load(self, scenario: Scenario) -> None:
        """Show ``scenario``'s inputs (a Y known directly when its conversion is 100%)."""
        self._loading = True
        try:
            direct = scenario.conversion_rate == 1
            self.direct_y.setChecked(direct)
            self._show_direct(direct)
            self.seed_members.setText(_shown(scenario.seed_members, str))
            self.share_rate.setText(_shown(scenario.share_rate, percent))
            self.invites_per_share.setText(_shown(scenario.invites_per_share, number))
            self.conversion_rate.setText(_shown(scenario.conversion_rate, percent))
            self.per_share.setText(
                _shown(scenario.invites_per_share, number)
                if direct
                else _shown(scenario.per_share if not scenario.problems() else None, number)
            )
            waves = scenario.waves
            if isinstance(waves, int) and not isinstance(waves, bool):
                self.waves.setValue(waves)
            self.fixed_cost.setText(_shown(scenario.fixed_cost, number))
            self.bait_cost.setText(_shown(scenario.bait_cost, number))
            self.channel_cost.setText(_shown(scenario.channel_cost, number))
        finally:
            self._loading = False

    # -- editing ------------------------------------------------------------------------

    def _on_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _on_direct_toggled(self, direct: bool) -> None:
        if self._loading:
            return
        self._loading = True
        try:
            if direct:
                # Y as the two fields make it, when they are numbers.
                parts = Scenario.from_values(
                    self.values()
                    | {
                        "invites_per_share": self.invites_per_share.text(),
                        "conversion_rate": _percent_text(self.conversion_rate.text()),
                    }
                )
                if not {"invites_per_share", "conversion_rate"} & set(parts.problems()):
                    self.per_share.setText(number(parts.per_share))
            else:
                # The same Y, as that many invites of which all join.
                self.invites_per_share.setText(self.per_share.text())
                self.conversion_rate.setText("100")
        finally:
            self._loading = False
        self._show_direct(direct)
        self.edited.emit()

    def _show_direct(self, direct: bool) -> None:
        self._campaign.setRowVisible(self._rows["invites_per_share"], not direct)
        self._campaign.setRowVisible(self._rows["conversion_rate"], not direct)
        self._campaign.setRowVisible(self._rows["per_share"], direct)


class NameDialog(QDialog):
    """Asks for a plan's name and hands it to ``save``, which returns why it was
    refused (shown under the name; the dialog stays open) or None (saved)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        name: str,
        save: Callable[[str], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setMaxLength(NAME_MAX + 20)  # a name too long is refused with its reason
        self.name.setMinimumWidth(420)
        self.name.selectAll()
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.name.textEdited.connect(lambda _text: self.error.hide())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING)
        layout.addWidget(self.prompt)
        layout.addWidget(self.name)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Override QDialog::accept: close only once the plan is saved."""
        refused = self._save(self.name.text())
        if refused:
            self.error.setText(refused)
            self.error.show()
            self.name.setFocus()
            return
        super().accept()
