"""Health issues on screen: cards with the rule, fix links, refresh on change."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from planner.calendar import create_item, find_occurrence, update_occurrence
from planner.communities import Stage, create_community
from planner.community_templates import link_template
from planner.health import RULE_TEXT, Fix, check_all
from planner.metrics import DayFigures, set_figures
from planner.ui.health_panel import HealthPanel
from planner.ui.session import Session
from planner.workspace import Workspace

TODAY = date.today()


def grown_community(ws: Workspace, name: str) -> str:
    """An Operate-stage community with members: no welcome sequence yet."""
    cid, _ = create_community(
        ws, {"name": name, "stage": Stage.OPERATE.value, "member_count": 120}, checklist=False
    )
    return cid


def past_activity(ws: Workspace, cid: str) -> str:
    start = datetime.combine(TODAY - timedelta(days=3), time(20))
    item_id, _ = create_item(
        ws,
        {
            "community_id": cid,
            "kind": "activity",
            "item_type": "member",
            "title": "读书分享会",
            "start": start,
            "end": start + timedelta(hours=1),
        },
    )
    return item_id


@pytest.fixture
def session(workspace: Workspace) -> Session:
    return Session(workspace)


def texts(panel: HealthPanel) -> list[str]:
    return [card.title.text() for card in panel.cards]


def test_a_community_panel_shows_its_issues_with_rule_and_fix(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    other = grown_community(ws, "Notion 中文用户群")
    past_activity(ws, club)
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.show()
    rules = {card.issue.rule for card in panel.cards}
    assert rules == {"headless_fly", "no_welcome", "fireman"}
    assert all(card.issue.community_id == club for card in panel.cards)
    # Alerts (the fireman) come first; each card shows its rule and a fix link.
    assert panel.cards[0].issue.severity == "alert"
    fly = next(card for card in panel.cards if card.issue.rule == "headless_fly")
    assert "读书分享会" in fly.detail.text()
    assert RULE_TEXT["headless_fly"] in fly.rule.text()
    assert fly.fix.text().startswith("Record the results")
    assert "1 alert, 2 warnings" in panel.heading.text()
    assert not panel.empty.isVisible()
    with qtbot.waitSignal(panel.fix_requested) as signal:
        qtbot.mouseClick(fly.fix, Qt.MouseButton.LeftButton)
    community_id, fix = signal.args
    assert community_id == club
    assert isinstance(fix, Fix) and fix.kind == "calendar_item"
    assert other not in {c.issue.community_id for c in panel.cards}


def test_fixing_an_issue_clears_its_card_and_undo_brings_it_back(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    activity = past_activity(ws, club)
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.show()
    assert "headless_fly" in {c.issue.rule for c in panel.cards}
    occurrence = find_occurrence(ws, (activity, ""))
    session.run(update_occurrence, occurrence, {"actual_participants": 23})
    assert "headless_fly" not in {c.issue.rule for c in panel.cards}
    session.run(link_template, club, "builtin:first_24_hours.zh")
    assert "no_welcome" not in {c.issue.rule for c in panel.cards}
    session.undo()
    session.undo()
    assert {"headless_fly", "no_welcome"} <= {c.issue.rule for c in panel.cards}


def test_a_hidden_panel_checks_when_shown(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    assert panel.cards == []  # nobody looks: nothing checked yet
    panel.show()
    assert "no_welcome" in {c.issue.rule for c in panel.cards}
    panel.hide()
    session.run(link_template, club, "builtin:first_24_hours.zh")
    assert "no_welcome" in {c.issue.rule for c in panel.cards}  # not looked at yet
    panel.show()
    assert "no_welcome" not in {c.issue.rule for c in panel.cards}


def test_the_overview_panel_names_each_community_and_puts_alerts_first(  # type: ignore[no-untyped-def]
    qtbot, session: Session
) -> None:
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    notion = grown_community(ws, "Notion 中文用户群")
    monday = TODAY - timedelta(days=TODAY.weekday())
    set_figures(
        ws,
        notion,
        [
            DayFigures(monday - timedelta(weeks=w), members=500, joined=2, left_members=12)
            for w in range(1, 5)
        ],
    )
    panel = HealthPanel(every_community=True)
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show()
    found = check_all(ws, TODAY)
    assert len(panel.cards) == len(found[club]) + len(found[notion])
    severities = [card.issue.severity for card in panel.cards]
    assert severities == sorted(severities, key=lambda s: s != "alert")
    decline = next(card for card in panel.cards if card.issue.rule == "decline")
    assert "Notion 中文用户群" in decline.title.text()
    assert decline.fix.text().startswith("Enter this week's figures")


def test_a_healthy_community_says_so(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    cid, _ = create_community(ws, {"name": "新群", "stage": Stage.BUILD.value}, checklist=False)
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(cid)
    panel.show()
    assert panel.cards == []
    assert panel.empty.isVisible() and "Nothing to act on" in panel.empty.text()
    assert "no issues" in panel.heading.text()
    assert not panel.scroller.isVisible()


def test_without_a_workspace_the_panel_is_blank(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert panel.cards == []
    assert not panel.empty.isVisible()
    assert isinstance(panel.heading, QLabel)


def test_the_date_rolling_over_checks_again(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    start = datetime.combine(TODAY + timedelta(days=1), time(20))
    create_item(
        ws,
        {
            "community_id": club,
            "kind": "activity",
            "item_type": "member",
            "title": "明天的活动",
            "start": start,
            "end": start + timedelta(hours=1),
        },
    )
    day = [TODAY]
    panel = HealthPanel(today=lambda: day[0])
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.show()
    assert "headless_fly" not in {c.issue.rule for c in panel.cards}
    day[0] = TODAY + timedelta(days=3)
    panel.check_date()
    assert "headless_fly" in {c.issue.rule for c in panel.cards}


def test_the_cards_fold_away_and_come_back(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.show()
    assert panel.toggle.isVisible() and panel.expanded
    assert panel.scroller.isVisible()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert not panel.expanded
    assert not panel.scroller.isVisible()
    assert "1 alert" in panel.heading.text()  # the counts stay in sight
    assert panel.toggle.text() == "Show"
    session.run(link_template, club, "builtin:first_24_hours.zh")  # folded stays folded
    assert not panel.scroller.isVisible()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.scroller.isVisible() and panel.toggle.text() == "Hide"


def test_an_unchanged_check_keeps_the_cards(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.show()
    before = list(panel.cards)
    session.run(set_figures, club, [DayFigures(TODAY - timedelta(days=60), members=120)])
    assert panel.cards == before  # same issues: the same widgets


def test_a_community_gone_with_an_undone_merge_shows_nothing(  # type: ignore[no-untyped-def]
    qtbot, session: Session
) -> None:
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.show()
    assert panel.cards
    # What an undone merge does: the row is gone, not in the trash.
    ws.db.execute("DELETE FROM communities WHERE id = ?", [club])
    panel.refresh()
    assert panel.cards == [] and panel.issues == []


def test_an_activity_title_with_markup_shows_as_typed(qtbot, session: Session) -> None:  # type: ignore[no-untyped-def]
    ws = session.workspace
    club = grown_community(ws, "深夜读书会")
    start = datetime.combine(TODAY - timedelta(days=3), time(20))
    create_item(
        ws,
        {
            "community_id": club,
            "kind": "activity",
            "item_type": "member",
            "title": "<b>加粗</b> 分享会",
            "start": start,
            "end": start + timedelta(hours=1),
        },
    )
    panel = HealthPanel()
    qtbot.addWidget(panel)
    panel.set_session(session)
    panel.show_community(club)
    panel.show()
    fly = next(card for card in panel.cards if card.issue.rule == "headless_fly")
    assert fly.detail.textFormat() == Qt.TextFormat.PlainText
    assert "<b>加粗</b>" in fly.detail.text()
