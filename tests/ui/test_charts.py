"""The charts: a community's figures and activity outcomes, and communities compared.

Built offscreen on the sample workspace and on an empty one; the series are
checked against the core's figures, edits and undo go through the session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from planner.calendar import (
    ActivityType,
    EditScope,
    create_item,
    occurrences_between,
    update_occurrence,
    week_start,
)
from planner.communities import (
    create_community,
    delete_community,
    find_community,
    list_communities,
    update_community,
)
from planner.demo import write_demo
from planner.demo_metrics import NOTION, PARENTS, READING
from planner.history import Change, RowChange
from planner.metrics import DayFigures, by_week, figures_between, set_figures
from planner.outcomes import activity_outcomes
from planner.paths import AppPaths
from planner.ui import community_charts, comparison_chart
from planner.ui.chart_axes import date_ticks, nice_range
from planner.ui.chart_style import ChartPanel, png_name, render_png, safe_file_name
from planner.ui.community_charts import CommunityCharts, touches
from planner.ui.comparison_chart import DECLINING_WIDTH, WEEKS, ComparisonChart, name_list
from planner.ui.outcomes_chart import OutcomesChart
from planner.ui.session import Session
from planner.ui.theme import STYLE_SHEET, dark_palette, light_palette
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

TODAY = date(2026, 11, 18)  # a Wednesday; the sample's last figures are on Monday 11-16
TODAY_START = datetime.combine(TODAY, time())


@pytest.fixture
def sample(tmp_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    """The sample workspace, written for TODAY, open."""
    out = tmp_path / "sample.cplan"
    write_demo(out, device_id=DEVICE, lock_dir=paths.lock_dir, today=TODAY)
    ws = open_workspace(out, device_id=DEVICE, lock_dir=paths.lock_dir)
    yield ws
    ws.close()


def make_charts(qtbot, session: Session, community_id: str) -> CommunityCharts:  # type: ignore[no-untyped-def]
    charts = CommunityCharts(today=lambda: TODAY)
    qtbot.addWidget(charts)
    charts.resize(800, 1000)
    charts.set_session(session)
    charts.show()
    charts.show_community(community_id)
    return charts


def points(series: QLineSeries) -> list[tuple[float, float]]:
    return [(p.x(), p.y()) for p in series.points()]


class Chooser:
    """Stands in for the save dialog: records the suggestion, answers ``answer``."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.suggested: list[str] = []

    def __call__(self, _parent: QWidget, _caption: str, suggested: str) -> str:
        self.suggested.append(suggested)
        return self.answer


# -- a community's charts ----------------------------------------------------------------


def test_the_members_chart_shows_the_recorded_figures(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    chart = charts.members_chart
    assert not chart.is_empty
    days = figures_between(sample, notion, TODAY - timedelta(weeks=26), TODAY)
    assert len(days) == 26
    assert points(chart.members) == [(d.day.toordinal(), d.members) for d in days]
    assert points(chart.active) == [(d.day.toordinal(), d.active_members) for d in days]
    # The axis spans the period and its labels are months.
    assert chart.x_axis.max() == TODAY.toordinal()
    assert "Nov" in chart.x_axis.categoriesLabels() or "11月" in chart.x_axis.categoriesLabels()
    assert chart.y_axis.min() <= min(d.active_members or 0 for d in days)
    assert chart.y_axis.max() >= max(d.members or 0 for d in days)


def test_the_weekly_chart_shows_joined_left_and_the_active_rate(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    chart = charts.weekly_chart
    start = TODAY - timedelta(weeks=26)
    weeks = by_week(figures_between(sample, notion, week_start(start), TODAY))
    assert [w.monday for w in chart.weeks] == [
        week_start(start) + timedelta(weeks=n) for n in range(27)
    ]
    by_monday = {w.monday: w for w in weeks}
    expected_joined = [
        by_monday[w.monday].joined if w.monday in by_monday else 0 for w in chart.weeks
    ]
    joined = [chart.joined.at(n) for n in range(chart.joined.count())]
    left = [chart.left.at(n) for n in range(chart.left.count())]
    assert joined == expected_joined
    assert sum(left) == sum(w.left_members or 0 for w in weeks)
    rates = [(x, round(y, 6)) for x, y in points(chart.retention)]
    assert rates == [
        (n, round((w.retention or 0) * 100, 6))
        for n, w in enumerate(chart.weeks)
        if w.retention is not None
    ]
    assert (chart.rate_axis.min(), chart.rate_axis.max()) == (0, 100)
    # The caption counts the last four complete weeks, where Notion loses people.
    recent = [w for w in weeks if w.monday < week_start(TODAY)][-4:]
    joined_4 = sum(w.joined or 0 for w in recent)
    left_4 = sum(w.left_members or 0 for w in recent)
    assert left_4 > joined_4
    assert chart.caption.text().startswith(
        f"Last 4 complete weeks: {joined_4} joined, {left_4} left (net {joined_4 - left_4})."
    )


def bars(chart: OutcomesChart) -> tuple[list[float], list[float]]:
    """The planned and the actual bar of each activity type."""
    return (
        [chart.planned.at(n) for n in range(chart.planned.count())],
        [chart.actual.at(n) for n in range(chart.actual.count())],
    )


def test_the_outcomes_chart_shows_planned_and_actual_by_type(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    chart = charts.outcomes_chart
    outcomes = activity_outcomes(sample, [notion], TODAY - timedelta(weeks=26), TODAY, TODAY)
    for metric in ("participants", "new_members"):
        chart.metric_box.setCurrentIndex(chart.metric_box.findData(metric))
        planned, actual = bars(chart)
        assert planned == [outcomes.of(t).planned[metric] or 0 for t in ActivityType]
        assert actual == [outcomes.of(t).actual[metric] or 0 for t in ActivityType]
        assert not chart.is_empty
    brand = list(ActivityType).index(ActivityType.BRAND)
    assert bars(chart)[0][brand] > 0 and bars(chart)[1][brand] > 0
    assert chart.caption.text() == (
        f"Activities in this period: {outcomes.activities}. Results recorded for "
        f"{outcomes.with_results} of the {outcomes.past} that are over. Compared for "
        f"“New members” (over, with its goal and its result): {outcomes.compared('new_members')}."
    )
    # A measure nobody set a goal for says so, and how to fix it.
    chart.metric_box.setCurrentIndex(chart.metric_box.findData("revenue"))
    assert chart.is_empty
    assert "No goals or results for “Revenue”" in chart.empty_label.text()


def test_another_metric_is_drawn_from_the_outcomes_read(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    reads: list[int] = []
    real = community_charts.activity_outcomes
    monkeypatch.setattr(
        community_charts, "activity_outcomes", lambda *a: reads.append(1) or real(*a)
    )
    chart = charts.outcomes_chart
    chart.metric_box.setCurrentIndex(chart.metric_box.findData("new_members"))
    assert reads == []
    outcomes = activity_outcomes(sample, [notion], TODAY - timedelta(weeks=26), TODAY, TODAY)
    planned, _ = bars(chart)
    assert planned == [outcomes.of(t).planned["new_members"] or 0 for t in ActivityType]
    assert "“New members”" in chart.caption.text()


def test_a_result_not_entered_yet_is_no_missed_target(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    """Growth's sharing session last week has goals and no results yet: that is
    missing data, not a miss; the chart compares once the result is entered."""
    growth = find_community(sample, "Growth Hackers 增长交流群").id
    session = Session(sample)
    charts = make_charts(qtbot, session, growth)
    chart = charts.outcomes_chart
    assert chart.current_metric == "participants"
    assert bars(chart) == ([0, 0, 0, 0], [0, 0, 0, 0])
    assert chart.is_empty
    assert chart.empty_label.text().startswith(
        "Nothing to compare for “Participants” yet: no activity that is over has both"
    )
    assert chart.caption.text() == (
        "Activities in this period: 2. Results recorded for 0 of the 1 that are over. "
        "Compared for “Participants” (over, with its goal and its result): 0. "
        "Goal but no result yet, left out: 1."
    )
    meetup = next(
        o
        for o in occurrences_between(
            sample, datetime.combine(TODAY - timedelta(weeks=2), time()), TODAY_START
        )
        if o.item.title == "增长案例分享会（线上）"
    )
    session.run(update_occurrence, meetup, {"actual_participants": 48}, EditScope.ALL)
    sharing = list(ActivityType).index(ActivityType.SHARING)
    assert not chart.is_empty
    assert (bars(chart)[0][sharing], bars(chart)[1][sharing]) == (60, 48)
    # Its new members are still to be entered: not compared, said so.
    chart.metric_box.setCurrentIndex(chart.metric_box.findData("new_members"))
    assert chart.is_empty and "Goal but no result yet, left out: 1." in chart.caption.text()
    # An activity today with a goal is not over: its goal is shown apart, not compared.
    chart.metric_box.setCurrentIndex(chart.metric_box.findData("participants"))
    session.run(
        create_item,
        {
            "community_id": growth,
            "kind": "activity",
            "item_type": "sharing",
            "title": "增长复盘会",
            "start": datetime.combine(TODAY, time(21)),
            "end": datetime.combine(TODAY, time(22)),
            "tz": "Asia/Shanghai",
            "planned_participants": 35,
        },
    )
    assert (bars(chart)[0][sharing], bars(chart)[1][sharing]) == (60, 48)
    assert chart.caption.text().endswith("Planned for activities not over yet: 35.")
    tip = chart.type_text(sharing)
    assert "Planned Participants: 60" in tip and "Actual Participants: 48" in tip
    assert "Planned, not over yet: 35" in tip


def test_an_activity_added_on_the_calendar_shows_in_the_outcomes(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    parents = find_community(sample, PARENTS).id
    session = Session(sample)
    charts = make_charts(qtbot, session, parents)
    chart = charts.outcomes_chart
    paid = list(ActivityType).index(ActivityType.PAID)
    before = chart.planned.at(paid)
    day = TODAY - timedelta(days=3)
    session.run(
        create_item,
        {
            "community_id": parents,
            "kind": "activity",
            "item_type": "paid",
            "title": "期末复习营",
            "start": datetime.combine(day, time(19)),
            "end": datetime.combine(day, time(20)),
            "tz": "Asia/Shanghai",
            "planned_participants": 30,
            "actual_participants": 26,
        },
    )
    assert chart.planned.at(paid) == before + 30
    assert chart.actual.at(paid) == 26
    session.undo()
    assert chart.planned.at(paid) == before


def test_empty_states_say_what_to_do_and_go_when_a_day_is_recorded(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    club, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    session = Session(workspace)
    charts = make_charts(qtbot, session, club)
    for panel in charts.panels:
        assert panel.is_empty and not panel.export_button.isEnabled()
    assert charts.members_chart.empty_label.text() == (
        "No figures yet: enter a day in the figures table or import a CSV."
    )
    assert charts.outcomes_chart.empty_label.text().startswith(
        "No activities with goals in this period: set goals and results"
    )
    day = TODAY - timedelta(days=2)
    session.run(set_figures, club, [DayFigures(day, members=40, active_members=25, joined=3)])
    assert not charts.members_chart.is_empty and charts.members_chart.export_button.isEnabled()
    assert points(charts.members_chart.members) == [(day.toordinal(), 40)]
    assert not charts.weekly_chart.is_empty
    session.undo()
    assert charts.members_chart.is_empty and charts.weekly_chart.is_empty
    assert points(charts.members_chart.members) == []
    # Figures older than the period: the text says to choose a longer one.
    session.run(set_figures, club, [DayFigures(date(2025, 1, 6), members=12)])
    assert charts.members_chart.is_empty
    assert "choose a longer period" in charts.members_chart.empty_label.text()
    charts.period.setCurrentIndex(charts.period.findData("all"))
    assert points(charts.members_chart.members) == [(date(2025, 1, 6).toordinal(), 12)]


def test_no_community_or_no_workspace_shows_a_hint(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    charts = make_charts(qtbot, Session(sample), "no-such-id")
    assert all(p.is_empty for p in charts.panels)
    assert "Choose a community" in charts.members_chart.empty_label.text()
    charts.set_session(None)
    assert all(p.is_empty for p in charts.panels)


def test_the_period_chooser_changes_the_range(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    reading = find_community(sample, READING).id
    charts = make_charts(qtbot, Session(sample), reading)
    axis = charts.members_chart.x_axis
    expected = {
        "3m": TODAY - timedelta(weeks=13),
        "6m": TODAY - timedelta(weeks=26),
        "12m": TODAY - timedelta(weeks=52),
        # Everything: from the first day recorded (the sample has 26 Mondays).
        "all": week_start(TODAY) - timedelta(weeks=25),
    }
    assert charts.period.currentData() == "6m"  # the default
    # The keyboard walks the periods: Up to the shortest, then Down through them all.
    keys = [Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down]
    for key_press, (key, first) in zip(keys, expected.items(), strict=True):
        qtbot.keyClick(charts.period, key_press)
        assert charts.period.currentData() == key
        assert axis.min() == first.toordinal(), key
        assert axis.max() == TODAY.toordinal()
        shown = [p.x() for p in charts.members_chart.members.points()]
        assert min(shown) >= first.toordinal()
        assert charts.range_label.text() == f"{first.isoformat()} – {TODAY.isoformat()}"
    qtbot.keyClick(charts.period, Qt.Key.Key_Home)
    assert charts.period.currentData() == "3m"
    assert len(charts.weekly_chart.weeks) == 14  # 13 weeks back, and this one
    assert len(charts.members_chart.members.points()) == 13


def test_changes_to_other_communities_and_hidden_charts_read_nothing(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = find_community(sample, READING).id
    notion = find_community(sample, NOTION).id
    session = Session(sample)
    charts = make_charts(qtbot, session, reading)
    reads: list[str] = []

    def counted(ws: Workspace, cid: str, *args: date | None) -> list[DayFigures]:
        reads.append(cid)
        return figures_between(ws, cid, *args)

    monkeypatch.setattr(community_charts, "figures_between", counted)
    session.run(set_figures, notion, [DayFigures(TODAY, members=500)])
    assert reads == []
    charts.hide()
    session.run(set_figures, reading, [DayFigures(TODAY, members=999, active_members=1)])
    assert reads == [] and charts.members_chart.members.points()[-1].y() != 999
    charts.show()
    assert reads and charts.members_chart.members.points()[-1] == QPointF(TODAY.toordinal(), 999)
    # A rename reaches the export name.
    session.run(update_community, reading, {"name": "夜读会"})
    assert charts.members_chart.export_name == "夜读会-members-2026-11-18.png"


def test_a_community_in_the_trash_shows_no_charts_until_restored(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace
) -> None:
    notion = find_community(sample, NOTION).id
    session = Session(sample)
    charts = make_charts(qtbot, session, notion)
    assert not charts.members_chart.is_empty
    session.run(delete_community, notion)
    for panel in charts.panels:
        assert panel.is_empty and not panel.export_button.isEnabled()
        assert panel.empty_label.text() == "Choose a community to see its charts."
        assert not panel.caption.isVisibleTo(charts)
    assert charts.range_label.text() == "" and charts.community_id == ""
    session.undo()
    assert charts.community_id == notion
    assert not charts.members_chart.is_empty and not charts.outcomes_chart.is_empty
    assert len(charts.members_chart.members.points()) == 26
    # Trashed while hidden: the empty state waits for the charts to be shown.
    charts.hide()
    session.redo()
    charts.show()
    assert all(panel.is_empty for panel in charts.panels)


def test_the_charts_read_again_when_the_date_changes(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    notion = find_community(sample, NOTION).id
    clock = [TODAY]
    charts = CommunityCharts(today=lambda: clock[0])
    qtbot.addWidget(charts)
    charts.resize(800, 1000)
    charts.set_session(Session(sample))
    charts.show()
    charts.show_community(notion)
    reads: list[str] = []

    def counted(ws: Workspace, cid: str, *args: date | None) -> list[DayFigures]:
        reads.append(cid)
        return figures_between(ws, cid, *args)

    monkeypatch.setattr(community_charts, "figures_between", counted)
    charts.check_date()
    assert reads == []  # the same day: nothing to read
    # Past midnight into a new ISO week: the period and the weeks move on.
    clock[0] = date(2026, 11, 23)
    charts.check_date()
    assert reads
    assert charts.range_label.text() == "2026-05-25 – 2026-11-23"
    assert charts.members_chart.x_axis.max() == clock[0].toordinal()
    assert charts.weekly_chart.weeks[-1].monday == clock[0]
    # Hidden when the date changes: it catches up when shown, timer or not.
    charts.hide()
    reads.clear()
    clock[0] = date(2026, 11, 24)
    charts.show()
    assert reads and charts.range_label.text().endswith("– 2026-11-24")
    assert charts.outcomes_chart.outcomes is not None
    assert charts.outcomes_chart.outcomes.end == clock[0]


def test_touches_reads_the_community_of_each_row() -> None:
    mine = RowChange("community_metrics", "a", None, {"community_id": "c1"})
    other = RowChange("community_metrics", "b", {"community_id": "c2"}, {"community_id": "c2"})
    assert touches(Change("set_figures", "x", (mine,)), "community_metrics", "c1")
    assert not touches(Change("set_figures", "x", (other,)), "community_metrics", "c1")
    assert not touches(Change("set_figures", "x", (mine,)), "calendar_items", "c1")


# -- export, palette ---------------------------------------------------------------------


def test_export_png_writes_a_sharp_image_where_chosen(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, tmp_path: Path
) -> None:
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    panel = charts.members_chart
    chooser = Chooser(str(tmp_path / "notion members"))
    panel.chooser = chooser
    with qtbot.waitSignal(charts.message) as said:
        qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "notion members.png"
    assert said.args == [f"Saved the chart to {target}."]
    assert Path(chooser.suggested[0]).name == "Notion 中文用户群-members-2026-11-18.png"
    assert Path(chooser.suggested[0]).parent == sample.path.parent
    image = QImage(str(target))
    assert not image.isNull()
    assert image.width() == panel.view.width() * 2
    assert image.height() > panel.view.height() * 2  # the header line above the chart
    assert image.pixelColor(image.width() // 2, image.height() - 4).name() == "#ffffff"
    # Cancelling writes nothing; a folder that does not exist is an error in one line.
    chooser.answer = ""
    panel.choose_export()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".png") == [target.name]
    with qtbot.waitSignal(charts.error) as failed:
        assert not panel.export_png(tmp_path / "missing" / "chart.png")
    assert "Could not save the chart" in failed.args[0] and "\n" not in failed.args[0]


def test_the_export_shortcut_and_the_copy_action(qtbot, sample: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    panel = charts.weekly_chart
    panel.chooser = Chooser(str(tmp_path / "weeks.png"))
    charts.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    qtbot.keyClick(
        panel.view,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert (tmp_path / "weeks.png").exists()
    assert panel.export_action in panel.view.actions() and panel.copy_action in panel.view.actions()
    assert panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    panel.copy_action.trigger()
    copied = QApplication.clipboard().image()
    assert copied.width() == panel.view.width() * 2


@pytest.fixture
def app_palette() -> Iterator[Callable[[QPalette], None]]:
    """Switch the application's palette as :func:`planner.ui.theme.apply_theme` does
    when the system scheme changes: the palette, then the style sheet again, which
    polishes every widget anew (under a style sheet a palette alone does not reach
    the widgets). The palette is put back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QPalette(app.palette())

    def switch(palette: QPalette) -> None:
        app.setPalette(palette)
        app.setStyleSheet(STYLE_SHEET)

    yield switch
    switch(original)


def test_a_palette_change_restyles_the_charts(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, app_palette: Callable[[QPalette], None]
) -> None:
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    comparison = make_comparison(qtbot, Session(sample))
    light, dark = light_palette(), dark_palette()
    base, text = QPalette.ColorRole.Base, QPalette.ColorRole.Text
    chart = charts.members_chart.chart
    assert chart.backgroundBrush().color() == light.color(base)
    app_palette(dark)
    for panel in (*charts.panels, comparison.panel):
        assert panel.chart.backgroundBrush().color() == dark.color(base)
        assert panel.chart.legend().labelColor() == dark.color(text)
    labels = charts.members_chart.y_axis.labelsBrush().color()
    assert labels.lightness() > 128  # light text on the dark background
    app_palette(light)
    assert chart.backgroundBrush().color() == light.color(base)
    assert charts.members_chart.y_axis.labelsBrush().color().lightness() < 128


def test_a_chart_exported_in_the_dark_theme_is_light(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, app_palette: Callable[[QPalette], None]
) -> None:
    notion = find_community(sample, NOTION).id
    charts = make_charts(qtbot, Session(sample), notion)
    app_palette(dark_palette())
    panel = charts.members_chart
    image = panel.image()
    corner = image.pixelColor(2, image.height() - 3)
    assert corner.lightness() > 200  # a report's white, not the screen's dark
    # ... and the screen stays dark.
    assert panel.chart.backgroundBrush().color() == dark_palette().color(QPalette.ColorRole.Base)


# -- communities compared ----------------------------------------------------------------


def make_comparison(qtbot, session: Session) -> ComparisonChart:  # type: ignore[no-untyped-def]
    widget = ComparisonChart(today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 480)
    widget.show()
    widget.set_session(session)
    return widget


def test_the_comparison_marks_the_declining_community(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    widget = make_comparison(qtbot, Session(sample))
    notion = find_community(sample, NOTION).id
    reading = find_community(sample, READING).id
    assert widget.declining == [notion]
    line = widget.series_for(notion)
    assert line is not None and line.pen().widthF() == DECLINING_WIDTH
    other = widget.series_for(reading)
    assert other is not None and other.pen().widthF() < DECLINING_WIDTH
    assert line.name() == f"{NOTION} ↓ declining"
    assert widget.panel.notice.isVisible() and NOTION in widget.panel.notice.text()
    # The ring sits where Notion's line ends, and stays out of the legend.
    assert widget.ends.points() == [line.points()[-1]]
    legend = widget.panel.chart.legend()
    assert [m.label() for m in legend.markers() if m.isVisible()].count(line.name()) == 1
    assert not legend.markers(widget.ends)[0].isVisible()


def test_another_measure_redraws_without_reading_again(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    comparison = make_comparison(qtbot, Session(sample))
    reads: list[int] = []
    real = comparison_chart.weeks_between
    monkeypatch.setattr(comparison_chart, "weeks_between", lambda *a: reads.append(1) or real(*a))
    notion = find_community(sample, NOTION).id
    comparison.measure.setCurrentIndex(comparison.measure.findData("members"))
    assert reads == []
    members = points(comparison.series_for(notion))
    assert members and members[-1][1] > 100  # members, not a percentage
    assert comparison.declining == [notion]
    assert comparison.panel.export_name == png_name(sample.path.stem, "compare-members", TODAY)


def test_the_comparison_lines_follow_the_figures(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    widget = make_comparison(qtbot, Session(sample))
    first = week_start(TODAY) - timedelta(weeks=WEEKS - 1)
    for community in (find_community(sample, name) for name in (READING, NOTION, PARENTS)):
        weeks = by_week(figures_between(sample, community.id, first, TODAY))
        line = widget.series_for(community.id)
        assert line is not None
        assert [(x, round(y, 6)) for x, y in points(line)] == [
            ((w.monday - first).days // 7, round((w.retention or 0) * 100, 6)) for w in weeks
        ]
        assert line.color().name() == community.color.lower()
    widget.measure.setCurrentIndex(widget.measure.findData("net"))
    notion = find_community(sample, NOTION).id
    weeks = by_week(figures_between(sample, notion, first, TODAY))
    line = widget.series_for(notion)
    assert line is not None and [p.y() for p in line.points()] == [w.net for w in weeks]
    assert widget.y_axis.min() < 0 < widget.y_axis.max()
    widget.measure.setCurrentIndex(widget.measure.findData("members"))
    line = widget.series_for(notion)
    assert line is not None and [p.y() for p in line.points()] == [w.members for w in weeks]


def test_the_comparison_is_empty_until_figures_come(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    session = Session(workspace)
    widget = make_comparison(qtbot, session)
    assert widget.panel.is_empty
    assert "No communities yet" in widget.panel.empty_label.text()
    club, _ = create_community(workspace, {"name": "深夜读书会"}, checklist=False)
    widget.refresh()
    assert "No figures in the last 26 weeks" in widget.panel.empty_label.text()
    session.run(set_figures, club, [DayFigures(TODAY, members=50, active_members=20)])
    assert not widget.panel.is_empty and widget.declining == []
    line = widget.series_for(club)
    assert line is not None and points(line) == [(WEEKS - 1, 40.0)]
    assert not widget.panel.notice.isVisible()
    session.undo()
    assert widget.panel.is_empty and widget.series_for(club) is None


def test_a_refresh_deletes_the_lines_it_replaces(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    widget = make_comparison(qtbot, Session(sample))
    ids = [c.id for c in list_communities(sample)]
    old = [line for cid in ids if (line := widget.series_for(cid)) is not None]
    assert len(old) == len(ids) == 4
    for _ in range(3):
        widget.refresh()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(shiboken6.isValid(line) for line in old)
    # The chart holds this read's lines and the ring of the declining one, no more.
    assert len(widget.panel.chart.series()) == len(ids) + 1
    current = [widget.series_for(cid) for cid in ids]
    assert all(line is not None and shiboken6.isValid(line) for line in current)


def test_the_declining_communities_are_listed_in_the_language(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    for name in ("深夜读书会", "Notion 中文用户群", "Growth Hackers"):
        create_community(workspace, {"name": name}, checklist=False)
    communities = list_communities(workspace)
    session = Session(workspace)
    for community in communities[:2]:  # losing three members a week for four weeks
        session.run(
            set_figures,
            community.id,
            [
                DayFigures(week_start(TODAY) - timedelta(weeks=n), 100 - 3 * n, 40, 0, 3)
                for n in range(1, 5)
            ],
        )
    session.run(set_figures, communities[2].id, [DayFigures(TODAY, members=50, active_members=20)])
    widget = make_comparison(qtbot, session)
    assert widget.declining == [c.id for c in communities[:2]]
    names = f"{communities[0].name}, {communities[1].name}"
    assert widget.panel.notice.text() == (
        f"↓ Declining: {names}. More members leave than join, or the active rate keeps falling."
    )
    assert name_list(["甲", "乙", "丙"]) == "甲, 乙, 丙"  # English: no Chinese 、


def test_the_comparison_reads_again_when_the_date_changes(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [TODAY]
    widget = ComparisonChart(today=lambda: clock[0])
    qtbot.addWidget(widget)
    widget.resize(900, 480)
    widget.show()
    widget.set_session(Session(sample))
    reading = find_community(sample, READING).id
    before = widget.series_for(reading)
    assert before is not None
    before_points = points(before)
    reads: list[date] = []
    read = comparison_chart.weeks_between

    def counted(ws: Workspace, ids: list[str], first: date, today: date) -> dict[str, object]:
        reads.append(today)
        return dict(read(ws, ids, first, today))

    monkeypatch.setattr(comparison_chart, "weeks_between", counted)
    widget.check_date()
    assert reads == []  # the same day: nothing read
    # A new ISO week: the same weeks one step further left, the oldest gone.
    clock[0] = date(2026, 11, 23)
    widget.check_date()
    assert reads == [clock[0]]
    after = widget.series_for(reading)
    assert after is not None
    assert points(after) == [(x - 1, y) for x, y in before_points if x >= 1]
    assert widget.x_axis.categoriesLabels() != []
    # Hidden when the date changes: it reads when shown again.
    widget.hide()
    clock[0] = date(2026, 11, 24)
    widget.check_date()
    assert reads == [date(2026, 11, 23)]
    widget.show()
    assert reads == [date(2026, 11, 23), clock[0]]
    widget.hide()
    clock[0] = date(2026, 11, 25)
    widget.show()  # no timer tick while hidden: the show catches up all the same
    assert reads[-1] == clock[0]


def test_hovering_a_line_names_the_community_and_the_week(qtbot, sample: Workspace) -> None:  # type: ignore[no-untyped-def]
    widget = make_comparison(qtbot, Session(sample))
    notion = find_community(sample, NOTION).id
    line = widget.series_for(notion)
    assert line is not None
    last = line.points()[-1]
    line.hovered.emit(last, True)
    text = QToolTip.text()
    assert NOTION in text and week_start(TODAY).isoformat() in text and f"{last.y():.0f}%" in text
    line.hovered.emit(last, False)


# -- looking at them ---------------------------------------------------------------------


@pytest.mark.parametrize("palette", [light_palette, dark_palette], ids=["light", "dark"])
def test_every_chart_grabs_offscreen_in_both_palettes(  # type: ignore[no-untyped-def]
    qtbot, sample: Workspace, palette, app_palette: Callable[[QPalette], None]
) -> None:
    app_palette(palette())
    session = Session(sample)
    charts = make_charts(qtbot, session, find_community(sample, NOTION).id)
    comparison = make_comparison(qtbot, session)
    for widget in (charts, comparison):
        image = widget.grab().toImage()
        assert not image.isNull() and image.width() == widget.width()
    # On screen the chart is on the palette's base; exported, always on the light one.
    base = light_palette().color(QPalette.ColorRole.Base)
    for panel in (*charts.panels, comparison.panel):
        on_screen = panel.view.grab().toImage()
        assert on_screen.pixelColor(2, on_screen.height() - 2) == palette().color(
            QPalette.ColorRole.Base
        )
        image = panel.image(1.0)
        # The exported background is light, and something is drawn on it.
        assert image.pixelColor(2, image.height() - 2) == base
        colours = {image.pixelColor(x, image.height() // 2).rgb() for x in range(image.width())}
        assert len(colours) > 3


# -- chart_style helpers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (0, 401, (0, 500, 6)),
        (120, 590, (100, 600, 6)),
        (0, 14, (0, 15, 4)),
        (-9, 17, (-10, 20, 7)),
        (52, 52, (0, 80, 5)),  # one value: against zero
        (0, 0, (0, 1, 2)),
    ],
)
def test_axes_take_round_steps(lo: float, hi: float, expected: tuple[float, float, int]) -> None:
    assert nice_range(lo, hi) == expected


def test_date_axes_are_labelled_by_week_month_or_quarter() -> None:
    weeks = date_ticks(date(2026, 10, 1), date(2026, 11, 18))
    assert [d for d, _ in weeks][:2] == [date(2026, 10, 5), date(2026, 10, 12)]
    assert weeks[0][1] == "10-05"
    months = [d for d, _ in date_ticks(date(2026, 5, 20), date(2026, 11, 18))]
    assert months == [date(2026, m, 1) for m in range(6, 12)]
    across = date_ticks(date(2026, 11, 2), date(2027, 2, 10))
    assert [label for _, label in across][1] == "2027"  # a new year shows as the year
    assert len({label for _, label in across}) == len(across) == 3
    quarters = [d for d, _ in date_ticks(date(2024, 2, 1), date(2026, 11, 18))]
    assert quarters[0] == date(2024, 4, 1) and all(d.month in (1, 4, 7, 10) for d in quarters)


def test_date_axes_speak_chinese_in_a_chinese_locale() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    try:
        weeks = date_ticks(date(2026, 10, 1), date(2026, 11, 18))
        assert weeks[0][1] == "10月5日"
        months = date_ticks(date(2026, 5, 20), date(2027, 2, 10))
        assert [label for _, label in months][:2] == ["6月", "7月"]
        assert "2027" in [label for _, label in months]
    finally:
        QLocale.setDefault(before)


def test_file_names_keep_chinese_and_drop_what_systems_refuse() -> None:
    assert png_name("深夜读书会", "members", TODAY) == "深夜读书会-members-2026-11-18.png"
    assert safe_file_name('a/b:c*?"<>|d') == "a-b-c-d"
    assert safe_file_name("...") == "chart"


def test_any_widget_renders_at_twice_its_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel("初二（3）班家长群")
    qtbot.addWidget(label)
    label.resize(200, 40)
    image = render_png(label, 2.0, header="Members")
    assert image.width() == 400 and image.height() > 80
    assert image.devicePixelRatio() == 2.0
    panel = ChartPanel("Empty")
    qtbot.addWidget(panel)
    panel.set_empty("Nothing yet")
    assert not panel.export_png(Path("never-written.png"))
    assert not Path("never-written.png").exists()
