"""The Fission tab's layout in the real main window, from a small laptop's window
(960×640) to a large one, light and dark: the tab sits under the community's
header and health cards and may get a couple of hundred pixels, and must stay
readable (a chart that is a chart, a verdict that is not cut) and usable (every
button of the saved plans reachable)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from planner.communities import list_communities
from planner.paths import AppPaths
from planner.settings import Settings
from planner.ui.fission_panel import FissionPanel
from planner.ui.main_window import MainWindow
from planner.ui.theme import STYLE_SHEET, PlannerStyle, dark_palette, light_palette
from tests.conftest import DEVICE
from tests.ui.conftest import Confirm

SIZES = [(960, 640), (1000, 700), (1280, 860), (1600, 1000)]


@pytest.fixture
def window(qtbot, paths: AppPaths, sample_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = Settings(paths.settings_file)
    settings.set("main_view", "communities")
    w = MainWindow(paths, settings, DEVICE, confirm=Confirm())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_path(sample_path)
    return w


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> Iterator[str]:
    """The app in our light or dark theme, as apply_theme sets it; light again after."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette = light_palette() if request.param == "light" else dark_palette()
    app.setStyle(PlannerStyle())
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
    try:
        yield str(request.param)
    finally:
        app.setPalette(light_palette())


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def show_fission(window: MainWindow, size: tuple[int, int]) -> FissionPanel:
    """The Fission tab of the community whose header and health cards leave it least room."""
    assert window.session is not None
    window.resize(*size)
    least: tuple[int, str] | None = None
    for community in list_communities(window.session.workspace):
        assert window.open_community(community.id)
        window.page.show_tab("fission")
        settle()
        height = window.page.fission.height()
        if least is None or height < least[0]:
            least = (height, community.id)
    assert least is not None
    assert window.open_community(least[1])
    window.page.show_tab("fission")
    settle()
    return window.page.fission


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def scroll_to(area: QScrollArea, widget: QWidget) -> bool:
    """Whether scrolling ``area`` brings all of ``widget`` into sight: at once,
    or its top and then its bottom when it is taller than the pane (a 960×640
    window with two health cards leaves the tab under 200 pixels)."""
    content = area.widget()
    assert content is not None
    bar, viewport = area.verticalScrollBar(), area.viewport()
    top = widget.mapTo(content, QPoint(0, 0)).y()
    bottom = top + widget.height()
    for edge in (top, bottom - min(widget.height(), viewport.height())):
        bar.setValue(min(edge, bar.maximum()))
        settle()
        shown = rect_in(widget, viewport).intersected(viewport.rect())
        if shown.height() < min(widget.height(), viewport.height()):
            return False
    return True


def test_the_tab_stays_readable_and_usable(window: MainWindow, theme: str) -> None:
    for size in SIZES:
        check_readable_and_usable(window, size)


def check_readable_and_usable(window: MainWindow, size: tuple[int, int]) -> None:
    """The Fission tab at ``size``, with the least room a community leaves it."""
    panel = show_fission(window, size)
    r = panel.results
    assert panel.projection is not None  # the sample's plans are sound

    # The chart and the table keep readable heights, one under the other.
    assert r.chart.height() >= 180, size
    table = r.waves_table
    rows = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().height()
    assert table.height() >= header + 3 * rows
    chart, waves = rect_in(r.chart, r), rect_in(table, r)
    assert chart.bottom() < waves.top() and not chart.intersects(waves)
    # The words beside (or under) K get the height their wrapped text needs,
    # inside the card and clear of each other.
    card = rect_in(r.summary_card, r)
    words = [r.verdict, r.members_label, r.cost_label, r.channel_label]
    for label in [r.k_value, *words]:
        assert label.isVisible() and label.text()
        assert label.height() >= label.heightForWidth(label.width())
        assert card.contains(rect_in(label, r))
    for a, b in combinations([rect_in(label, r) for label in [r.k_value, *words]], 2):
        assert not a.intersects(b)
    assert not card.intersects(chart)
    # Nothing is cut at the side: both panes only scroll up and down.
    assert r.width() <= panel.results_area.viewport().width()
    assert panel.inputs_area.width() >= panel.form.minimumSizeHint().width()
    for field in (panel.form.seed_members, panel.form.channel_cost, panel.link.combo):
        right = rect_in(field, panel.inputs_area.viewport()).right()
        assert right <= panel.inputs_area.viewport().width()

    # Every input and every button of the saved plans can be scrolled into sight,
    # at the size it asks for at least.
    for widget in (
        panel.form.seed_members,
        panel.form.channel_cost,
        panel.scenario_list,
        panel.save_as_button,
        panel.update_button,
        panel.rename_button,
        panel.delete_button,
        panel.link.combo,
        panel.link.open_button,
    ):
        assert widget.height() >= widget.minimumSizeHint().height()
        assert scroll_to(panel.inputs_area, widget), (size, widget)
    # And the results, all of them.
    for result in (r.summary_card, r.chart, table):
        assert scroll_to(panel.results_area, result), (size, result)

    # The chart is drawn in the theme's colours.
    window_color = QApplication.palette().color(QPalette.ColorRole.Window)
    assert r.chart.chart().backgroundBrush().color() == window_color
    assert not window.grab().isNull()


def test_a_short_tab_scrolls_each_pane_instead_of_squeezing_it(
    window: MainWindow,
) -> None:
    panel = show_fission(window, (1000, 700))
    results = panel.results_area
    content = results.widget()
    assert content is not None
    # Under the header (and any health cards) the results cannot fit: they get
    # the height they need, and scroll.
    need = content.heightForWidth(content.width())
    assert need > results.viewport().height()
    assert content.height() >= need
    assert results.verticalScrollBar().maximum() == content.height() - results.viewport().height()
    inputs = panel.inputs_area
    assert inputs.verticalScrollBar().maximum() > 0  # the form and the plans do not fit


def test_k_goes_above_its_words_in_a_narrow_pane(window: MainWindow) -> None:
    panel = show_fission(window, (1000, 700))
    r = panel.results
    assert not r.summary_beside
    assert rect_in(r.k_value, r).bottom() < rect_in(r.verdict, r).top()
    panel = show_fission(window, (1600, 1000))
    assert r.summary_beside
    assert rect_in(r.k_value, r).right() < rect_in(r.verdict, r).left()
    # The inputs take their full width where there is room, and give some up where not.
    wide = panel.inputs_area.width()
    show_fission(window, (1000, 700))
    assert panel.inputs_area.width() < wide
