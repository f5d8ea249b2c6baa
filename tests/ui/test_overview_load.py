"""The overview of a large workspace fills in over event-loop turns, off the GUI thread.

Sixty communities, each with figures and a health issue or two: more than
:data:`planner.ui.paced.SYNC_LIMIT`, so the rows, the health check and the
figures are read as jobs of the session, and the cards and lines are built a
batch per turn. In the end the page holds what the synchronous path builds
(every card, every line, in the same order, the same declining marks); no
turn builds more than a batch; stale work (another workspace, a change, a
hide) is dropped, never shown.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from planner.calendar import week_start
from planner.communities import Stage, create_community, list_communities, update_community
from planner.health import check_all
from planner.metrics import DayFigures, set_figures
from planner.paths import AppPaths
from planner.ui import paced
from planner.ui.chart_style import chart_colors
from planner.ui.comparison_chart import DECLINING_WIDTH, FADED_ALPHA, LINES_PER_TURN
from planner.ui.health_panel import CARDS_PER_TURN
from planner.ui.overview_model import Role
from planner.ui.overview_page import OverviewPage
from planner.ui.paced import Reader, Steps
from planner.ui.session import Session
from planner.ui.theme import mix
from planner.workspace import Workspace, create_workspace, open_workspace
from tests.conftest import DEVICE

TODAY = date.today()
COUNT = 60
WAIT_MS = 20_000


def _build(path: Path, lock_dir: Path) -> None:
    """Sixty Operate-stage communities with members and no welcome sequence (a
    warning each); every third losing members for four weeks (declining)."""
    monday = week_start(TODAY)
    with create_workspace(path, device_id=DEVICE, lock_dir=lock_dir) as ws:
        for n in range(COUNT):
            cid, _ = create_community(
                ws,
                {"name": f"社群 {n:02d}", "stage": Stage.OPERATE.value, "member_count": 120},
                checklist=False,
            )
            if n % 3 == 0:
                weeks = [
                    DayFigures(monday - timedelta(weeks=w), 300 - 3 * w, 90, 0, 3)
                    for w in range(1, 5)
                ]
            else:
                weeks = [
                    DayFigures(monday - timedelta(weeks=w), 200 + w, 60 + n % 7, 2, 1)
                    for w in range(1, 5)
                ]
            set_figures(ws, cid, weeks)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    path = folder / "many.cplan"
    _build(path, folder / "locks")
    return path


@pytest.fixture
def many(template: Path, tmp_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    path = tmp_path / "many.cplan"
    shutil.copy(template, path)
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        yield ws


def make_page(qtbot, session: Session) -> OverviewPage:  # type: ignore[no-untyped-def]
    page = OverviewPage(today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.set_session(session)
    return page


def filled(qtbot, page: OverviewPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy, timeout=WAIT_MS)


def content(page: OverviewPage) -> dict[str, object]:
    """What the page shows: the rows, the cards, the lines, the declining marks."""
    comparison = page.comparison
    lines = {}
    for community in list_communities(comparison._session.workspace):  # type: ignore[union-attr]
        series = comparison.series_for(community.id)
        if series is not None:
            lines[community.id] = (
                series.name(),
                series.pen().widthF(),
                [(p.x(), p.y()) for p in series.points()],
            )
    return {
        "rows": [page.model.index(n, 0).data(Role.ID) for n in range(page.model.rowCount())],
        "row text": [page.model.index(n, 3).data() for n in range(page.model.rowCount())],
        "summary": page.summary.text(),
        "cards": [(c.title.text(), c.detail.text(), c.issue.rule) for c in page.health.cards],
        "heading": page.health.heading.text(),
        "declining": list(comparison.declining),
        "notice": comparison.panel.notice.text(),
        "lines": lines,
        "line order": [s.name() for s in comparison.panel.chart.series()],
        "ends": [(p.x(), p.y()) for p in comparison.ends.points()],
    }


def test_many_communities_arrive_in_batches_with_the_same_content(  # type: ignore[no-untyped-def]
    qtbot, many: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = Session(many)
    page = make_page(qtbot, session)
    page.show()
    # Shown: the reads are off the GUI thread, nothing is built in this turn.
    assert page.busy
    assert page.health.cards == [] and page.comparison._series == {}
    assert page.stack.currentWidget() is page.view  # not "No communities yet"
    filled(qtbot, page)
    found = check_all(many, TODAY)
    issues = sum(len(v) for v in found.values())
    assert issues > COUNT  # a warning each, and the declining ones more
    assert len(page.health.cards) == issues
    assert page.model.rowCount() == COUNT
    assert len(page.comparison._series) == COUNT
    assert len(page.comparison.declining) == COUNT // 3
    # Every read went off the GUI thread, every batch within its size.
    for reader in (page.model._reader, page.health._reader, page.comparison._reader):
        assert reader.reads == 1
    assert sum(page.health.batches) == issues
    assert max(page.health.batches) <= CARDS_PER_TURN < issues
    assert sum(page.comparison.batches) == COUNT
    assert max(page.comparison.batches) <= LINES_PER_TURN < COUNT
    # The faded lines are opaque mixes with the background (cheap to paint).
    background = chart_colors(page.comparison.palette()).background
    for community in list_communities(many):
        series = page.comparison.series_for(community.id)
        assert series is not None
        if community.id in page.comparison.declining:
            assert series.pen().widthF() == DECLINING_WIDTH
            assert series.pen().color().alpha() == 255
        else:
            expected = mix(QColor(community.color), background, FADED_ALPHA)
            assert series.pen().color().name() == expected.name()
    paced_content = content(page)

    # The synchronous path (a small workspace's) builds the same.
    monkeypatch.setattr(paced, "SYNC_LIMIT", 10_000)
    paced._LARGE.clear()
    other = make_page(qtbot, Session(many))
    other.show()
    assert other.model.rowCount() == COUNT  # read at once...
    filled(qtbot, other)  # ... the lines still a batch a turn
    assert content(other) == paced_content
    readers = (other.model._reader, other.health._reader, other.comparison._reader)
    assert [reader.reads for reader in readers] == [0, 0, 0]


def test_a_change_while_filling_is_shown_and_nothing_stale_stays(  # type: ignore[no-untyped-def]
    qtbot, many: Workspace
) -> None:
    session = Session(many)
    page = make_page(qtbot, session)
    page.show()
    qtbot.waitUntil(lambda: 0 < len(page.health.cards), timeout=WAIT_MS)
    assert page.busy
    first = list_communities(many)[0]
    session.run(update_community, first.id, {"name": "改名的社群"})
    filled(qtbot, page)
    titles = [card.title.text() for card in page.health.cards]
    assert any("改名的社群" in t for t in titles)
    assert not any(first.name in t for t in titles)
    assert len(page.health.cards) == sum(len(v) for v in check_all(many, TODAY).values())
    assert len(page.health._groups) == len(page.health.batches)
    # The chart holds this read's lines and the ring, no more: none left behind.
    chart = page.comparison.panel.chart
    assert len(chart.series()) == COUNT + 1
    assert all(s.isVisible() for s in chart.series() if s is not page.comparison.ends)
    assert page.model.row(page.model.row_of(first.id)).community.name == "改名的社群"


def test_another_workspace_while_filling_drops_the_old_work(  # type: ignore[no-untyped-def]
    qtbot, many: Workspace, sample: Workspace
) -> None:
    page = make_page(qtbot, Session(many))
    page.show()
    qtbot.waitUntil(lambda: 0 < len(page.health.cards), timeout=WAIT_MS)
    small = Session(sample)
    page.set_session(small)  # the sample is small: read at once
    filled(qtbot, page)
    ids = {c.id for c in list_communities(sample)}
    assert {page.model.index(n, 0).data(Role.ID) for n in range(page.model.rowCount())} == ids
    assert {card.issue.community_id for card in page.health.cards} <= ids
    assert len(page.health.cards) == sum(len(v) for v in check_all(sample, TODAY).values())
    assert set(page.comparison._series) <= ids
    assert len(page.comparison.panel.chart.series()) == len(page.comparison._series) + 1


def test_another_large_workspace_shows_none_of_the_old_one_meanwhile(  # type: ignore[no-untyped-def]
    qtbot, many: Workspace, template: Path, tmp_path: Path, paths: AppPaths
) -> None:
    page = make_page(qtbot, Session(many))
    page.show()
    filled(qtbot, page)
    path = tmp_path / "other.cplan"
    shutil.copy(template, path)
    with open_workspace(path, device_id=DEVICE, lock_dir=paths.lock_dir) as other:
        renamed = list_communities(other)[0]
        update_community(other, renamed.id, {"name": "另一个工作区"})
        page.set_session(Session(other))
        # At once: no row, card or line of the workspace before; no "No communities yet".
        assert page.busy
        assert page.model.rowCount() == 0 and page.health.cards == []
        assert page.comparison._series == {}
        chart = page.comparison.panel.chart
        assert not any(s.isVisible() for s in chart.series() if s is not page.comparison.ends)
        assert page.stack.currentWidget() is page.view
        filled(qtbot, page)
        assert page.model.rowCount() == COUNT
        assert any("另一个工作区" in card.title.text() for card in page.health.cards)
        assert len(page.comparison._series) == COUNT


def test_hidden_and_shown_again_while_filling_it_still_completes(  # type: ignore[no-untyped-def]
    qtbot, many: Workspace
) -> None:
    page = make_page(qtbot, Session(many))
    page.show()
    qtbot.waitUntil(lambda: 0 < len(page.health.cards), timeout=WAIT_MS)
    page.hide()
    page.show()
    filled(qtbot, page)
    assert len(page.health.cards) == sum(len(v) for v in check_all(many, TODAY).values())
    assert len(page.comparison._series) == COUNT
    assert page.model.rowCount() == COUNT
    # Nothing changed since: shown again, the cards are kept, nothing is read.
    cards = list(page.health.cards)
    page.health.refresh()
    filled(qtbot, page)
    assert page.health.cards == cards


@pytest.fixture
def sample(sample_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    with open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir) as ws:
        yield ws


# -- the pacing itself ---------------------------------------------------------------


def test_steps_take_turns_and_clear_drops_only_their_own(qtbot) -> None:  # type: ignore[no-untyped-def]
    ran: list[str] = []
    a, b = Steps(), Steps()
    a.add(lambda: ran.append("a0"))
    b.add(lambda: (ran.append("b0"), a.clear()))  # a's later steps are out of date
    for n in (1, 2):
        a.add(lambda n=n: ran.append(f"a{n}"))
        b.add(lambda n=n: ran.append(f"b{n}"))
    assert ran == [] and a.pending and b.pending
    qtbot.waitUntil(lambda: not b.pending)
    assert ran == ["a0", "b0", "b1", "b2"]
    assert not a.pending


def test_the_newest_read_wins(qtbot, many: Workspace) -> None:  # type: ignore[no-untyped-def]
    session = Session(many)
    reader = Reader()
    got: list[object] = []
    reader.done.connect(got.append)
    release = threading.Event()

    def old(ws: Workspace) -> str:
        release.wait(WAIT_MS / 1000)
        return "old"

    reader.start(session, old)
    line = paced._line()
    qtbot.waitUntil(lambda: bool(line.running), timeout=WAIT_MS)  # the old read is under way
    reader.start(session, lambda ws: "new")  # waits for its turn
    assert reader.busy and line.waiting
    release.set()
    qtbot.waitUntil(lambda: not reader.busy, timeout=WAIT_MS)
    settled(qtbot, session)  # the replaced read has ended too: it was not handed out
    assert got == ["new"]
    reader.start(session, lambda ws: "dropped")
    reader.cancel()
    assert not reader.busy
    settled(qtbot, session)
    assert got == ["new"]


def settled(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    """Every job has ended and its end has been taken in."""
    line = paced._line()
    qtbot.waitUntil(lambda: not session.jobs and not line.running and not line.waiting)
