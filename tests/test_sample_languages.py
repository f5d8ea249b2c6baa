"""The sample workspace in Chinese and in English: the same stories, each in one language."""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.calendar import occurrences_between, week_start
from planner.check import check_workspace
from planner.checklists import checklist
from planner.communities import find_community, list_communities
from planner.community_templates import linked_templates
from planner.demo import write_demo
from planner.fission_scenarios import list_scenarios
from planner.health import check_all
from planner.i18n import LANGUAGES, Language
from planner.metrics import figures_between
from planner.sample_communities import (
    SAMPLE_COMMUNITIES,
    TRASHED_COMMUNITY,
    sample_communities,
    trashed_community,
)
from planner.sample_text import ENGLISH, text
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

TODAY = date(2026, 11, 25)  # a Wednesday
# Han characters, CJK punctuation and full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[Language, Path]:
    """The sample written in each language, for the same today."""
    folder = tmp_path_factory.mktemp("samples")
    written: dict[Language, Path] = {}
    for language in LANGUAGES:
        path = folder / f"sample-{language}.cplan"
        write_demo(
            path, device_id=DEVICE, lock_dir=folder / "locks", today=TODAY, language=language
        )
        written[language] = path
    return written


def opened(path: Path) -> Workspace:
    return open_workspace(path, device_id=DEVICE, lock_dir=path.parent / "locks", read_only=True)


def tables(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every user table's rows, as plain dicts."""
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    try:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {name: [dict(r) for r in db.execute(f'SELECT * FROM "{name}"')] for name in names}
    finally:
        db.close()


def text_values(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) of every text value in the file's tables."""
    return [
        (table, column, value)
        for table, rows in tables(path).items()
        for row in rows
        for column, value in row.items()
        if isinstance(value, str)
    ]


def names(language: Language) -> list[str]:
    return [c["name"] for c in sample_communities(language)]


# -- Each language -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_is_sound_in_each_language(
    samples: dict[Language, Path], language: Language
) -> None:
    report = check_workspace(samples[language])
    assert report.sound, report.problems
    assert report.counts["checklist items"] > 4 * 30


def test_the_english_sample_has_no_chinese(samples: dict[Language, Path]) -> None:
    values = text_values(samples["en"])
    assert len(values) > 500  # the scan saw the sample's texts
    assert [v for v in values if CJK.search(v[2])] == []
    # Texts an English reader sees, as an English-speaking operator writes them.
    found = {v[2] for v in values}
    for english in (
        "Late-Night Reading Club · Paid Members",
        "Notion Users Group",
        "Grade 8 Class 3 Parents",
        "Growth Hackers",
        "Lily Li",
        "Kevin Wang",
        "Ms Zhang",
        "Video Channel live",
        "Tencent Meeting",
    ):
        assert english in found


def test_the_chinese_sample_is_unchanged(samples: dict[Language, Path]) -> None:
    assert sample_communities("zh") == SAMPLE_COMMUNITIES
    assert trashed_community("zh") == TRASHED_COMMUNITY
    with opened(samples["zh"]) as ws:
        assert {c.name for c in list_communities(ws)} == set(names("zh"))
        assert [c.name for c in list_communities(ws, trash=True)] == ["双十一临时福利群"]
        reading = find_community(ws, "深夜读书会 · 付费会员圈")
        assert reading.owner == "Lily 李"
        assert "builtin:first_24_hours.zh" in [
            t.template_ref for t in linked_templates(ws, reading.id)
        ]
        assert {s.name for s in list_scenarios(ws, reading.id)} == {
            "打卡海报裂变",
            "续费营 · 老带新",
        }
    found = {v[2] for v in text_values(samples["zh"])}
    assert {"林老师直播领读", "林老师直播领读（改到周四）", "视频号直播", "张老师"} <= found
    assert not found & set(ENGLISH.values())


def test_the_english_sample_links_the_english_built_ins(samples: dict[Language, Path]) -> None:
    with opened(samples["en"]) as ws:
        refs = [t.template_ref for c in list_communities(ws) for t in linked_templates(ws, c.id)]
    assert refs and all(ref.endswith(".en") for ref in refs)
    assert "builtin:first_24_hours.en" in refs


def test_every_english_text_is_in_the_english_sample(samples: dict[Language, Path]) -> None:
    """The table has no text the sample no longer writes (a Chinese text changed
    without its English)."""
    found = {v[2] for v in text_values(samples["en"])}
    assert sorted(set(ENGLISH.values()) - found) == []


def test_the_template_previews_have_the_reading_circle_in_each_language() -> None:
    assert sample_communities("zh")[0]["name"] == "深夜读书会 · 付费会员圈"
    english = sample_communities("en")
    assert english[0]["name"] == "Late-Night Reading Club · Paid Members"
    assert all(not CJK.search(str(v)) for c in english for v in c.values())
    assert text("Kevin", "en") == "Kevin"  # text without Chinese is the same in both
    with pytest.raises(KeyError, match="no English"):
        text("没有英文的句子", "en")


# -- The same stories in both --------------------------------------------------


def neutral(column: str, value: str) -> str:
    """A text of the sample in English, without ids, built-ins without their language."""
    if column == "template_ref":
        return value.rsplit(".", 1)[0]
    return UUID.sub("<id>", text(value, "en"))


def masked(path: Path) -> dict[str, Counter[tuple[object, ...]]]:
    """Every table's rows without ids and timestamps, its texts in English."""
    result: dict[str, Counter[tuple[object, ...]]] = {}
    for table, rows in tables(path).items():
        if table.endswith("migrations"):
            continue
        result[table] = Counter(
            tuple(
                neutral(column, value) if isinstance(value, str) else value
                for column, value in sorted(row.items())
                if not column.endswith("_at")
            )
            for row in rows
        )
    return result


def test_the_english_sample_is_the_chinese_one_in_english(samples: dict[Language, Path]) -> None:
    """Row for row, the same data; only the texts differ (and the built-ins' language)."""
    zh, en = masked(samples["zh"]), masked(samples["en"])
    assert zh.keys() == en.keys()
    for table in zh:
        assert zh[table] == en[table], table
    assert sum(en["community_templates"].values()) == 6


def story(ws: Workspace, language: Language) -> dict[str, Any]:
    """What the sample tells, without its words: by community in the sample's order."""
    ids = [find_community(ws, name).id for name in names(language)]
    monday = week_start(TODAY) - timedelta(weeks=3)
    start = datetime.combine(monday, datetime.min.time())
    occurrences = occurrences_between(ws, start, start + timedelta(weeks=6))
    by_community = Counter(o.item.community_id for o in occurrences)
    issues = check_all(ws, TODAY)
    return {
        "members": [find_community(ws, name).member_count for name in names(language)],
        "occurrences": [by_community[i] for i in ids],
        "checklists": [
            [
                (i.stage, bool(i.library_key), i.done_on, i.due_on, i.hidden, bool(i.note))
                for i in checklist(ws, cid, language)
            ]
            for cid in ids
        ],
        "figures": [len(figures_between(ws, cid)) for cid in ids],
        "plans": [
            sorted((s.scenario.seed_members, s.calendar_item_id is not None) for s in plans)
            for plans in (list_scenarios(ws, cid) for cid in ids)
        ],
        "rules": [sorted({issue.rule for issue in issues[cid]}) for cid in ids],
        "trash": len(list_communities(ws, trash=True)),
    }


def test_both_languages_tell_the_same_stories(samples: dict[Language, Path]) -> None:
    stories = {}
    for language in LANGUAGES:
        with opened(samples[language]) as ws:
            stories[language] = story(ws, language)
    zh, en = stories["zh"], stories["en"]
    assert zh == en
    assert en["members"] == [312, 486, 48, 88]
    assert sum(en["occurrences"]) > 60
    rules = en["rules"]
    # The Notion group declines, the reading circle does not, Growth Hackers has no welcome.
    assert "decline" in rules[1] and "decline" not in rules[0]
    assert "no_welcome" in rules[3]
    assert en["plans"] == [[(120, True), (300, True)], [], [], [(80, True)]]
    assert en["trash"] == 1
