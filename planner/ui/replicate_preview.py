"""The replicate wizard's preview: what a plan will write, and what it leaves out.

A tree with one section per part of the new community (its fields, its
content series with their new first dates, its templates, its checklist by
stage) and, last, what stays with the source community.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from planner.calendar import CalendarItem
from planner.communities import BuiltAround, Platform, SegmentBasis, Stage
from planner.replicate import ReplicationPlan
from planner.replicate_series import SeriesSkip
from planner.ui.labels import built_around_label, platform_label, segment_basis_label, stage_label
from planner.ui.locale_text import iso_day, ui_text
from planner.ui.theme import swatch_icon


def rule_text(item: CalendarItem, start: datetime | None = None) -> str:
    """A series' pattern and time: “Every week on Wednesday · 20:00–21:30”."""
    rule = item.recurrence
    words = ui_text(rule.describe()) if rule is not None else ""
    if item.all_day:
        return words
    begin = start or item.start
    end = begin + item.duration
    return f"{words} · {_clock(begin)}–{_clock(end)}"


def _clock(moment: datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _day(day: date) -> str:
    return iso_day(day)


def _one_line(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class PreviewTree(QTreeWidget):
    """What a plan will write (by section) and, last, what it leaves out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(True)
        self.setColumnWidth(0, 240)

    def _section(self, title: str, expanded: bool = True) -> QTreeWidgetItem:
        section = QTreeWidgetItem(self, [title])
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setFirstColumnSpanned(True)
        section.setExpanded(expanded)
        return section

    @staticmethod
    def _row(parent: QTreeWidgetItem, what: str, detail: str = "") -> QTreeWidgetItem:
        row = QTreeWidgetItem(parent, [what, detail])
        row.setToolTip(0, what)
        row.setToolTip(1, detail)
        return row

    def show_plan(self, plan: ReplicationPlan) -> None:
        self.clear()
        self._community(plan)
        self._series(plan)
        self._templates(plan)
        self._checklist(plan)
        self._left_out(plan)

    def _community(self, plan: ReplicationPlan) -> None:
        values = plan.community
        section = self._section(self.tr("Community “%1”").replace("%1", plan.name))
        self._row(section, self.tr("Stage"), stage_label(plan.stage))
        self._row(section, self.tr("Starts on"), _day(plan.start))
        self._row(section, self.tr("Members"), self.tr("0 (a new group)"))
        colour = self._row(section, self.tr("Colour"), values["color"])
        colour.setIcon(1, swatch_icon(values["color"]))
        fields = (
            (self.tr("Platform"), platform_label(Platform(values["platform"]))),
            (self.tr("Owner"), values["owner"]),
            (self.tr("Common interest"), values["common_interest"]),
            (self.tr("Value to members"), values["value_to_members"]),
            (self.tr("Differentiation"), values["differentiation"]),
            (self.tr("Built around"), built_around_label(BuiltAround(values["built_around"]))),
            (self.tr("Divided by"), segment_basis_label(SegmentBasis(values["segment_basis"]))),
            (self.tr("Segment"), values["segment"]),
            (self.tr("Joining principles"), values["joining_principles"]),
            (self.tr("Management norms"), values["management_norms"]),
        )
        for label, value in fields:
            self._row(section, label, _one_line(str(value)) or "—")

    def _series(self, plan: ReplicationPlan) -> None:
        section = self._section(self.tr("Content series (%1)").replace("%1", str(len(plan.series))))
        if not plan.series:
            self._row(section, self.tr("None"))
        for copy in plan.series:
            if copy.last_start is None:
                detail = self.tr("from %1 · %2")
            else:
                detail = self.tr("from %1 · %2 · last on %3").replace(
                    "%3", _day(copy.last_start.date())
                )
            detail = detail.replace("%1", _day(copy.start.date())).replace(
                "%2", rule_text(copy.source, copy.start)
            )
            row = self._row(section, copy.source.title, detail)
            row.setToolTip(
                1,
                self.tr("In “%1” it began on %2.")
                .replace("%1", plan.source.name)
                .replace("%2", _day(copy.source.start.date())),
            )

    def _templates(self, plan: ReplicationPlan) -> None:
        section = self._section(self.tr("Templates (%1)").replace("%1", str(len(plan.templates))))
        if not plan.templates:
            self._row(section, self.tr("None"))
        for copy in plan.templates:
            detail = (
                self.tr("built-in, used as it is")
                if copy.new_name is None
                else self.tr("copied as “%1”").replace("%1", copy.new_name)
            )
            self._row(section, copy.template.name, detail)

    def _checklist(self, plan: ReplicationPlan) -> None:
        items = [i for i in plan.checklist if not i.removed]
        section = self._section(checklist_heading(plan))
        for stage in Stage:
            in_stage = [i for i in items if i.stage is stage]
            if not in_stage:
                continue
            hidden = sum(i.hidden for i in in_stage)
            detail = (
                self.tr("%1 items, %2 hidden").replace("%2", str(hidden))
                if hidden
                else self.tr("%1 items")
            ).replace("%1", str(len(in_stage)))
            group = self._row(section, f"{stage.number}. {stage_label(stage)}", detail)
            for item in in_stage:
                notes = [self.tr("own item")] if not item.library_key else []
                if item.hidden:
                    notes.append(self.tr("hidden"))
                if item.assignee:
                    notes.append(item.assignee)
                row = QTreeWidgetItem(group, [" · ".join([item.title, *notes])])
                row.setFirstColumnSpanned(True)
                row.setToolTip(0, item.title)

    def _left_out(self, plan: ReplicationPlan) -> None:
        section = self._section(self.tr("Not copied"))
        out = plan.left_out
        self._row(
            section,
            self.tr("Members"),
            self.tr("%1 (the new community starts with 0)").replace("%1", str(out.members)),
        )
        if out.notes:
            self._row(
                section,
                self.tr("Notes"),
                self.tr("about “%1” only").replace("%1", plan.source.name),
            )
        counts = (
            (self.tr("One-off items and activities"), out.one_off_items),
            (self.tr("Recurring activities"), out.activity_series),
            (self.tr("Items with results recorded"), out.results),
            (self.tr("Changed or moved occurrences"), out.changed_occurrences),
            (self.tr("Removed occurrences"), out.removed_occurrences),
            (self.tr("Ticks and done dates"), out.ticked),
            (self.tr("Checklist notes"), out.checklist_notes),
            (self.tr("Due dates"), out.due_dates),
            (self.tr("Templates you chose not to copy"), out.templates),
            (self.tr("Linked templates that were deleted"), out.missing_templates),
        )
        for what, count in counts:
            if count:
                self._row(section, what, str(count))
        reasons = {
            SeriesSkip.NONE: self.tr("content series, not chosen"),
            SeriesSkip.ENDED: self.tr("content series, ended"),
            SeriesSkip.CANCELLED: self.tr("content series, cancelled"),
            SeriesSkip.CONTINUED: self.tr("content series, continued by a later one"),
        }
        for choice in plan.series_left_out:
            self._row(section, choice.item.title, reasons[choice.skip])
        for item, why in plan.unusable_series:
            self._row(
                section, item.title, self.tr("content series: %1").replace("%1", ui_text(why))
            )


def checklist_count(plan: ReplicationPlan) -> tuple[int, int]:
    """(shown, hidden) items of the new checklist, counted as the community page does."""
    items = [i for i in plan.checklist if not i.removed]
    hidden = sum(1 for i in items if i.hidden)
    return len(items) - hidden, hidden


def checklist_heading(plan: ReplicationPlan) -> str:
    """“Checklist (34 items, unticked, 1 hidden)”."""
    shown, hidden = checklist_count(plan)
    if plan.checklist_from_library:
        text = QCoreApplication.translate(
            "ReplicatePreview", "Checklist from the library (%1 items)"
        )
    elif hidden:
        text = QCoreApplication.translate(
            "ReplicatePreview", "Checklist (%1 items, unticked; %2 hidden)"
        )
    else:
        text = QCoreApplication.translate("ReplicatePreview", "Checklist (%1 items, unticked)")
    return text.replace("%1", str(shown)).replace("%2", str(hidden))
