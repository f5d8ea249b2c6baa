"""Templating: the sandbox and its limits, errors with line numbers, the context,
text layout helpers, and every built-in rendered for every sample community."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import planner.templating as templating
from planner.calendar import CalendarFilter, occurrences_between
from planner.communities import create_community, find_community, list_communities
from planner.demo import SAMPLE_COMMUNITIES
from planner.errors import NotFound, TemplateError
from planner.paths import AppPaths
from planner.template_context import LABELS, default_join_link, find_link, with_language
from planner.template_library import builtin_templates
from planner.templating import (
    CONTEXT_DOCS,
    RenderContext,
    Template,
    TemplateKind,
    WelcomeMessage,
    check_svg,
    context_for,
    format_offset,
    poster_text,
    render_message_source,
    render_poster,
    render_poster_source,
    render_welcome,
    sample_context,
)
from planner.text_layout import clip, display_width, points, wrap
from planner.workspace import Workspace, open_workspace
from tests.conftest import DEVICE

SVG_NS = "http://www.w3.org/2000/svg"
READING = "深夜读书会 · 付费会员圈"


def svg(body: str) -> str:
    return f'<svg xmlns="{SVG_NS}" viewBox="0 0 100 100">{body}</svg>'


@pytest.fixture
def ctx() -> RenderContext:
    return sample_context("zh")


@pytest.fixture
def sample(sample_path: Path, paths: AppPaths) -> Iterator[Workspace]:
    ws = open_workspace(sample_path, device_id=DEVICE, lock_dir=paths.lock_dir, read_only=True)
    yield ws
    ws.close()


# -- the sandbox ---------------------------------------------------------------------

ESCAPES = {
    "dunder mro": "{{ ''.__class__.__mro__ }}",
    "cycler globals": "{{ cycler.__init__.__globals__ }}",
    "joiner globals": "{{ joiner.__init__.__globals__['os'] }}",
    "namespace init": "{{ namespace.__init__ }}",
    "attr filter": "{{ ''|attr('__class__') }}",
    "attr chain": "{{ ()|attr('__class__')|attr('__base__')|attr('__subclasses__') }}",
    "getitem dunder": "{{ ''['__class__'] }}",
    "str.format": "{{ '{0.__class__}'.format(1) }}",
    "str.format nested": "{{ '{0.__class__.__mro__}'.format('') }}",
    "format_map": "{{ '{a.__class__}'.format_map({'a': 1}) }}",
    "self": "{{ self.__dict__ }}",
    "private attribute": "{{ self._TemplateReference__context }}",
    "function globals": "{{ wrap.__globals__ }}",
    "bound method self": "{{ item.start.strftime.__self__ }}",
    "mutating a dict": "{{ community.clear() }}",
    "mutating a list": "{{ upcoming.append(1) }}",
    "str.translate": "{{ 'a'.translate({97: 'b'}) }}",
    "include": "{% include '/etc/passwd' %}",
    "import": "{% import 'x' as y %}",
    "from import": "{% from 'x' import y %}",
    "extends": "{% extends 'base.svg' %}",
    "lipsum is gone": "{{ lipsum(5) }}",
}


@pytest.mark.parametrize("source", ESCAPES.values(), ids=ESCAPES.keys())
def test_sandbox_escapes_fail_with_a_template_error(source: str, ctx: RenderContext) -> None:
    with pytest.raises(TemplateError) as caught:
        render_message_source(source, ctx, name="Evil")
    message = str(caught.value)
    assert message.startswith("Template “Evil”, line 1: ")
    assert "\n" not in message
    assert caught.value.line == 1
    assert caught.value.exit_code == 2


def test_blocked_attributes_are_named_in_the_message(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError, match="“__class__” cannot be used in a template"):
        render_message_source("{{ ''.__class__ }}", ctx)
    with pytest.raises(TemplateError, match="cannot include, import or extend"):
        render_message_source("text\n{% include '/etc/passwd' %}", ctx)


def test_nothing_from_the_file_system_reaches_the_output(ctx: RenderContext) -> None:
    for source in ESCAPES.values():
        with pytest.raises(TemplateError) as caught:
            render_message_source(source, ctx)
        assert "root:" not in str(caught.value)


LIMITS = {
    "string times a billion": "{{ 'a' * 10**9 }}",
    "list times a billion": "{{ [1] * 10**9 }}",
    "huge power": "{{ 2 ** (10 ** 9) }}",
    "concat doubling": "{% set ns = namespace(s='x' * 1000) %}"
    "{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
    "plus doubling": "{% set ns = namespace(s='x' * 1000) %}"
    "{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
    "replace amplification": "{% set a = 'x' * 1000 %}{% set b = a.replace('x', a) %}"
    "{{ b.replace('x', b) }}",
    "replace filter": "{% set a = 'x' * 2000 %}{{ a|replace('x', a) }}",
    "center": "{{ 'a'|center(1000000000) }}",
    "str.center": "{{ 'a'.center(1000000000) }}",
    "ljust": "{{ 'a'.ljust(10**9) }}",
    "format width": "{{ '{:>999999999}'.format(1) }}",
    "format nested width": "{{ '{:>{}}'.format(1, 10**9) }}",
    "printf width": "{{ '%0999999999d' % 1 }}",
    "printf star": "{{ '%*d' % (10**9, 1) }}",
    "format filter": "{{ '%999999999s'|format('a') }}",
    "indent": "{{ ('a\n' * 100000)|indent(1000) }}",
    "join": "{% set r = range(100000)|list %}{{ ([r] * 30)|join }}",
    "str.join": "{{ ','.join(['x' * 1000] * 3000) }}",
    "printing a huge list": "{% set r = range(100000)|list %}{{ [r] * 30 }}",
    "slice count": "{{ [1]|slice(1000000000)|list }}",
    "batch fill": "{{ [1]|batch(10**9, 0)|list }}",
    "map to a filter": "{{ ['a']|map('center', 10**9)|list }}",
    "range": "{{ range(10**9)|list }}",
    "output size": "{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}",
    # found in review: one long step the deadline cannot interrupt, or memory
    # claimed before a size check
    "sum of lists": "{{ ([[0] * 1000000] * 1000000)|sum(start=[]) }}",
    "huge int division": "{% set a = ('f' * 1999999)|int(base=16) %}"
    "{% set b = ('f' * 999999)|int(base=16) %}{{ a // b }}",
    "wordwrap of a huge text": "{{ ('a' * 1999999)|wordwrap(1) }}",
    "printf of many huge values": "{{ ('%s' * 999999) % (('x' * 1999999,) * 999999) }}",
    "format of a huge value": "{{ ('{0}' * 1000).format('x' * 1999999) }}",
    "tojson of a huge list": "{{ (['x' * 1999999] * 1000000)|tojson }}",
}


@pytest.mark.parametrize("source", LIMITS.values(), ids=LIMITS.keys())
def test_size_limits_refuse_huge_values(source: str, ctx: RenderContext) -> None:
    started = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render_message_source(source, ctx, name="Big")
    # Not a speed figure: the forms refused here would otherwise run for minutes or
    # claim gigabytes; a generous bound tells a refusal from a hang on a busy machine.
    assert time.monotonic() - started < 10
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("Template “Big”")


def test_a_loop_that_never_ends_is_stopped_by_the_time_limit(
    ctx: RenderContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(templating, "TIME_LIMIT_SECONDS", 0.3)
    # Empty loop bodies: no call, no attribute, no output to check on.
    source = (
        "{% set r = range(100000)|list %}\n"
        "{% for a in r %}{% for b in r %}{% for c in r %}{% endfor %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(TemplateError, match="took too long") as caught:
        render_message_source(source, ctx)
    assert time.monotonic() - started < 2
    assert caught.value.line == 2


def test_recursion_is_an_error_not_a_crash(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError, match="too deeply"):
        render_message_source("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", ctx)


def test_the_source_size_is_limited(ctx: RenderContext) -> None:
    big = "x" * (templating.MAX_SOURCE_BYTES + 1)
    with pytest.raises(TemplateError, match="too large"):
        render_message_source(big, ctx)
    # Measured in bytes: Chinese takes three each.
    chinese = "字" * (templating.MAX_SOURCE_BYTES // 3 + 1)
    with pytest.raises(TemplateError, match="too large"):
        render_message_source(chinese, ctx)
    assert render_message_source("字" * 1000, ctx) == "字" * 1000


def test_the_output_size_is_limited(ctx: RenderContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templating, "MAX_OUTPUT_CHARS", 1000)
    assert len(render_message_source("{{ 'x' * 999 }}", ctx)) == 999
    with pytest.raises(TemplateError, match="result is too large"):
        render_message_source("{% for i in range(20) %}{{ 'x' * 60 }}{% endfor %}", ctx)


def test_ordinary_template_code_still_works(ctx: RenderContext) -> None:
    source = (
        "{% set ns = namespace(total=0) %}"
        "{% for n in range(5) %}{% set ns.total = ns.total + n %}{% endfor %}"
        "{{ ns.total }} {{ 'ab' * 3 }} {{ 2 ** 10 }} {{ '%05.1f' % 3.14159 }} "
        "{{ '{:>6}'.format('x') }} {{ ['a', 'b']|join('-') }} {{ 'a b'.split()|length }} "
        "{{ 'x'|center(5) }}|{{ community.name.replace('·', '/') }} {{ 7 // 2 }} {{ 7 % 3 }}"
    )
    assert render_message_source(source, ctx) == (
        "10 ababab 1024 003.1      x a-b 2   x  |深夜读书会 / 付费会员圈 3 1"
    )


# -- errors name their line ------------------------------------------------------------


def test_an_undefined_variable_is_an_error_with_its_line(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError) as caught:
        render_message_source("Hello\n\n{{ speaker }} is here", ctx, name="Guest share poster")
    assert str(caught.value) == "Template “Guest share poster”, line 3: “speaker” is not defined."
    assert caught.value.line == 3


def test_a_missing_field_is_an_error_not_a_blank(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError, match="line 2: “speakr” is not defined"):
        render_message_source("{{ item.title }}\n{{ item.speakr }}", ctx)


def test_item_fields_without_an_item_say_what_is_missing(ctx: RenderContext) -> None:
    no_item = RenderContext(
        community=ctx.community, item=None, operator="Lily", today=date(2026, 11, 25), language="zh"
    )
    with pytest.raises(TemplateError, match="line 1: “title” needs a calendar item"):
        render_message_source("{{ item.title }}", no_item)
    source = "{% if item %}{{ item.title }}{% else %}无{% endif %}"
    assert render_message_source(source, no_item) == "无"


def test_syntax_errors_name_their_line(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError) as caught:
        render_message_source("one\ntwo\n{{ a b }}", ctx, name="Broken")
    assert caught.value.line == 3
    assert str(caught.value).startswith("Template “Broken”, line 3: syntax error: ")
    with pytest.raises(TemplateError, match="line 2: syntax error: .*filter"):
        render_message_source("x\n{{ 1|no_such_filter }}", ctx)
    with pytest.raises(TemplateError, match="line 1: syntax error"):
        render_message_source("{% for x in y %}", ctx)


def test_runtime_errors_are_one_readable_line(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError) as caught:
        render_message_source("a\nb\n{{ 1 / 0 }}", ctx)
    assert str(caught.value) == "Template “message”, line 3: division by zero."


# -- posters are SVG that reaches nothing outside itself ---------------------------------------


@pytest.mark.parametrize(
    "name",
    ["<script>", '"/><image href="file:///etc/passwd"/><text>', "</text></svg><svg>", "a & b"],
)
def test_markup_in_community_fields_cannot_inject_svg(name: str, ctx: RenderContext) -> None:
    community = dict(ctx.community, name=name, common_interest=name, owner=name)
    evil = RenderContext(
        community=community, item=ctx.item, operator=name, today=ctx.today, language="zh"
    )
    for template in builtin_templates():
        if template.kind is TemplateKind.POSTER:
            out = render_poster(template, evil)
            root = ET.fromstring(out)
            tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
            assert not tags & {"script", "image"}
            assert any(name[:8] in line for line in poster_text(out))


def test_markup_in_item_fields_is_escaped(ctx: RenderContext) -> None:
    assert ctx.item is not None
    evil = RenderContext(
        community=ctx.community,
        item=dict(ctx.item, title="<script>alert(1)</script>"),
        operator="",
        today=ctx.today,
        language="zh",
    )
    out = render_poster_source(svg("<text>{{ item.title }}</text>"), evil)
    assert "&lt;script&gt;" in out and "<script>" not in out


def test_welcome_messages_are_plain_text(ctx: RenderContext) -> None:
    community = dict(ctx.community, name="<b>A & B</b>")
    plain = RenderContext(
        community=community, item=None, operator="", today=ctx.today, language="en"
    )
    assert render_message_source("{{ community.name }}", plain) == "<b>A & B</b>"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("<script>alert(1)</script>", "<script> is not allowed"),
        ('<rect onload="alert(1)"/>', "event handlers"),
        ('<image href="file:///etc/passwd" width="1" height="1"/>', "files or web addresses"),
        (
            '<image xmlns:xlink="http://www.w3.org/1999/xlink" '
            'xlink:href="https://evil.example/p.png"/>',
            "files or web addresses",
        ),
        ('<a href="javascript:alert(1)"><text>x</text></a>', "files or web addresses"),
        ('<rect fill="url(https://evil.example/#x)"/>', "inside the poster"),
        ("<style>@import url(https://evil.example/x.css);</style>", "style"),
        ('<style>@IMPORT "http://e/x.css";</style>', "style"),
        ("<style><g/>@import url(http://e/x.css);</style>", "style"),
        ("<style>rect { fill: u\\72l(http://e/x) }</style>", "style"),
        ('<rect style="fill: u\\72l(http://e/x)"/>', "escapes"),
        ('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>', "animate"),
        ("<foreignObject><div/></foreignObject>", "not allowed"),
        ("<text>unclosed", "not well-formed"),
    ],
)
def test_posters_that_reach_outside_themselves_are_refused(body: str, words: str) -> None:
    with pytest.raises(TemplateError, match=words):
        check_svg(svg(body), "Poster")


def test_check_svg_refuses_doctypes_and_non_svg() -> None:
    with pytest.raises(TemplateError, match="DOCTYPE"):
        check_svg('<!DOCTYPE svg [<!ENTITY a "b">]>' + svg("<text>&a;</text>"))
    with pytest.raises(TemplateError, match="must be one <svg"):
        check_svg("<html/>")
    check_svg(svg('<use href="#a"/><rect fill="url(#g)"/>'))
    check_svg(svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>'))


def test_qr_helper_draws_one_path(ctx: RenderContext) -> None:
    out = render_poster_source(svg("{{ qr('https://example.com/g/abc', 10, 20, 80) }}"), ctx)
    root = ET.fromstring(out)
    paths = list(root.iter(f"{{{SVG_NS}}}path"))
    assert len(paths) == 1
    d = paths[0].get("d") or ""
    assert d.startswith("M") and "class" not in paths[0].attrib
    assert set(d) <= set("0123456789 Mhvz-")
    with pytest.raises(TemplateError, match="too long"):
        render_poster_source(svg("{{ qr('x' * 5000, 0, 0, 10) }}"), ctx)
    with pytest.raises(TemplateError, match="colour"):
        render_poster_source(svg("{{ qr('x', 0, 0, 10, color='red\" onload=\"x') }}"), ctx)


# -- the context ------------------------------------------------------------------------------


def test_context_docs_cover_the_context_and_every_helper(ctx: RenderContext) -> None:
    documented = " ".join(expression for expression, _ in CONTEXT_DOCS)
    everything = " ".join(f"{e} {d}" for e, d in CONTEXT_DOCS)
    for helper in templating._helpers("zh"):
        assert f"{helper}(" in documented, helper
    for name in ("community", "item", "operator", "today", "language", "join_link", "upcoming"):
        assert name in documented
    for field in ctx.community:
        if not field.endswith("_label") and field not in ("id", "stage_number"):
            assert field in everything, field
    assert all(description for _, description in CONTEXT_DOCS)


def test_labels_are_in_the_template_language(ctx: RenderContext) -> None:
    assert ctx.community["platform_label"] == "微信"
    assert ctx.community["stage_label"] == "做运营"
    english = with_language(ctx, "en")
    assert english.community["platform_label"] == "WeChat"
    assert english.community["stage_label"] == "Operate"
    assert english.item is not None and ctx.item is not None
    assert english.item["item_type_label"] == "Live class"
    assert "Wed" in english.item["date_text"] and "周三" in ctx.item["date_text"]
    assert english.join_link.startswith("Join ")
    for group in LABELS.values():
        assert group["zh"].keys() == group["en"].keys()


def test_context_for_a_community_and_an_occurrence(sample: Workspace) -> None:
    community = find_community(sample, READING)
    today = date.today()
    start = datetime.combine(today, datetime.min.time())
    occs = occurrences_between(
        sample,
        start,
        start.replace(year=start.year + 1),
        CalendarFilter(community_ids=frozenset({community.id})),
    )
    live = next(o for o in occs if o.item.title == "林老师直播领读")
    ctx = context_for(sample, community.id, item_key=live.key, language="zh", today=today)
    assert ctx.community["name"] == READING
    assert ctx.operator == "Lily 李"  # the owner when no operator is given
    assert ctx.item is not None
    assert ctx.item["start"] == live.start
    assert ctx.item["speaker"] == "林老师"
    assert ctx.item["time_text"] == f"{live.start:%H:%M}–{live.end:%H:%M}"
    assert ctx.item["start_text"].endswith(f"{live.start:%H:%M}")
    assert "月" in ctx.item["date_text"]
    assert ctx.item["tz_text"] == "GMT+8"
    # A series alone stands for its next occurrence.
    series = context_for(sample, community.id, item_key=(live.key[0], ""), today=today)
    assert series.item is not None and series.item["start"].date() >= today
    assert ctx.upcoming and all(u["start"].date() >= today for u in ctx.upcoming)
    assert len({u["id"] for u in ctx.upcoming}) == len(ctx.upcoming)
    assert ctx.join_link.startswith("加入「深夜读书会")
    with pytest.raises(NotFound):
        context_for(sample, community.id, item_key=("no-such-item", ""))


def test_join_link_prefers_a_link_found_in_the_fields(ctx: RenderContext) -> None:
    assert find_link("扫码或打开 https://t.me/nightowls，备注读书") == "https://t.me/nightowls"
    community = dict(ctx.community, joining_principles="Join at https://discord.gg/abc.")
    assert default_join_link(community, None, "Lily", "en") == "https://discord.gg/abc"
    assert default_join_link(ctx.community, None, "Lily", "en").startswith("Join “")


def test_sample_context_has_everything_a_preview_needs() -> None:
    for language in ("zh", "en"):
        ctx = sample_context(language)
        assert ctx.language == language and ctx.item is not None and ctx.upcoming
        assert ctx.community["name"] and ctx.community["color"].startswith("#")
    with pytest.raises(ValueError):
        sample_context("fr")


def test_helpers_format_dates_and_colours(ctx: RenderContext) -> None:
    source = (
        "{{ format_date(today) }}|{{ format_date(add_days(today, 1), weekday=false) }}|"
        "{{ format_time(item.start) }}|{{ tint('#000000', 0.5) }}|{{ shade('#ffffff', 0.5) }}|"
        "{{ text_on('#ffffff') }}|{{ text_on('#1f1f1f') }}|{{ format_offset(1500) }}|"
        "{{ columns('读书 ab') }}"
    )
    fixed = RenderContext(
        community=ctx.community, item=ctx.item, operator="", today=date(2026, 11, 25), language="zh"
    )
    assert ctx.item is not None
    assert render_message_source(source, fixed) == (
        f"11月25日（周三）|11月26日|{ctx.item['start']:%H:%M}|#808080|#808080|"
        "#1f1f1f|#ffffff|T+1d 1h|7"
    )
    english = with_language(fixed, "en")
    assert render_message_source("{{ format_date(today) }}", english) == "Wed 25 Nov"


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "T+0"), (30, "T+30m"), (120, "T+2h"), (1440, "T+1d"), (1560, "T+1d 2h"), (-5, "T+0")],
)
def test_format_offset(minutes: int, text: str) -> None:
    assert format_offset(minutes) == text


# -- text layout --------------------------------------------------------------------------------


def test_wrap_breaks_chinese_between_characters_and_english_between_words() -> None:
    lines = wrap("每月共读一本书，跟着林老师把书读透", 12)
    assert lines == ["每月共读一本", "书，跟着林老", "师把书读透"]
    assert wrap("Read one book a month with Lin", 12) == ["Read one", "book a month", "with Lin"]
    assert wrap("第一行\n第二行", 20) == ["第一行", "第二行"]
    assert wrap("", 10) == []


def test_wrap_keeps_lines_within_their_width() -> None:
    text = "Notion 中文用户群：每周一份模板精选；每月一次用户分享会 Supercalifragilistic words"
    for width in (8, 13, 20, 31):
        for line in wrap(text, width):
            # Closing punctuation may hang one character past the edge.
            assert display_width(line.rstrip("，。；：）」》、")) <= width


def test_wrap_never_starts_a_line_with_closing_punctuation() -> None:
    text = "本月共读《置身事内》，每周讲两章。林老师带你把书读透、读出行动！"
    for width in range(6, 30):
        for line in wrap(text, width)[1:]:
            assert line[0] not in "，。、！？；：）》」"
            assert line[-1] not in "《「（"


def test_wrap_keeps_a_short_bracketed_remark_together() -> None:
    assert wrap("林老师直播领读（改到周四）", 19) == ["林老师直播领读", "（改到周四）"]
    assert wrap("本月共读《置身事内》", 12) == ["本月共读", "《置身事内》"]
    # ...but a long one is still cut where the line ends.
    assert wrap("公告（请所有家长在周五之前完成填写并提交）", 16)[0] == "公告（请所有家长"


def test_wrap_limits_lines_with_an_ellipsis() -> None:
    lines = wrap("一二三四五六七八九十" * 5, 10, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert display_width(lines[-1]) <= 10
    assert wrap("short", 10, 2) == ["short"]


def test_clip_and_points() -> None:
    assert clip("深夜读书会 · 付费会员圈", 100) == "深夜读书会 · 付费会员圈"
    clipped = clip("深夜读书会 · 付费会员圈", 10)
    assert clipped.endswith("…") and display_width(clipped) <= 11
    assert points("林老师每周三晚直播领读；每日晨读打卡；每月一次线下读书沙龙。") == [
        "林老师每周三晚直播领读",
        "每日晨读打卡",
        "每月一次线下读书沙龙",
    ]
    assert points("1. first thing\n2. second thing\n• third", 2) == ["First thing", "Second thing"]
    assert points("") == []


def test_wrap_helper_refuses_silly_widths(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError, match="width"):
        render_message_source("{{ wrap('x', 10**6) }}", ctx)
    with pytest.raises(TemplateError, match="width"):
        render_message_source("{{ wrap('x', 'wide') }}", ctx)


# -- built-ins for every sample community ----------------------------------------------------------

POSTERS = [t for t in builtin_templates() if t.kind is TemplateKind.POSTER]
WELCOMES = [t for t in builtin_templates() if t.kind is TemplateKind.WELCOME]
COMMUNITY_NAMES = [c["name"] for c in SAMPLE_COMMUNITIES]


@pytest.mark.parametrize("template", POSTERS, ids=[t.id for t in POSTERS])
def test_every_built_in_poster_renders_for_every_sample_community(
    template: Template, sample: Workspace
) -> None:
    communities = list_communities(sample)
    assert sorted(c.name for c in communities) == sorted(COMMUNITY_NAMES)
    start = datetime.combine(date.today(), datetime.min.time())
    for community in communities:
        for language in ("zh", "en"):
            out = render_poster(template, context_for(sample, community.id, language=language))
            check_svg(out)
            assert community.name in " ".join(poster_text(out))
        # ...and made from each of the community's items in the coming weeks.
        for occ in occurrences_between(
            sample,
            start,
            start + timedelta(days=35),
            CalendarFilter(community_ids=frozenset({community.id})),
        )[:12]:
            ctx = context_for(sample, community.id, item_key=occ.key, language=template.language)
            out = render_poster(template, ctx)
            assert ET.fromstring(out).get("viewBox") == "0 0 1080 1920"


@pytest.mark.parametrize("template", WELCOMES, ids=[t.id for t in WELCOMES])
def test_every_built_in_welcome_renders_for_every_sample_community(
    template: Template, sample: Workspace
) -> None:
    for community in list_communities(sample):
        for language in ("zh", "en"):
            rendered = render_welcome(
                template, context_for(sample, community.id, language=language)
            )
            assert len(rendered) == len(template.messages) >= 3
            offsets = [message.offset_minutes for message, _ in rendered]
            assert offsets == sorted(offsets) and offsets[0] == 0
            texts = [text for _, text in rendered]
            assert all(text and "{{" not in text and "{%" not in text for text in texts)
            assert community.name in texts[0]
            assert "\n\n\n" not in "\n".join(texts)


def test_the_welcome_sequence_has_its_three_parts() -> None:
    by_id = {t.id: t for t in WELCOMES}
    zh = render_welcome(by_id["builtin:first_24_hours.zh"], sample_context("zh"))
    who, get, ice = (text for _, text in zh)
    assert "欢迎" in who and "林老师" in who
    assert "你能得到" in get and "每日晨读打卡" in get
    assert "破冰" in ice and "成语接龙" in ice and "红包" in ice
    en = render_welcome(by_id["builtin:first_24_hours.en"], sample_context("en"))
    who, get, ice = (text for _, text in en)
    assert who.startswith("🎉 Welcome to Late-Night Reading Club · Paid Members")
    assert "what you get" in get.lower()
    assert "Ice-breaker" in ice and "lyric" in ice and "prize" in ice


def test_render_checks_the_kind_and_uses_the_template_language(ctx: RenderContext) -> None:
    poster = next(t for t in POSTERS if t.language == "en")
    welcome = next(t for t in WELCOMES if t.language == "en")
    with pytest.raises(TemplateError, match="not a poster"):
        render_poster(welcome, ctx)
    with pytest.raises(TemplateError, match="not a welcome sequence"):
        render_welcome(poster, ctx)
    # A Chinese context, an English template: labels follow the template.
    custom = Template(
        id="x",
        kind=TemplateKind.WELCOME,
        name="Mine",
        language="en",
        description="",
        body="",
        messages=(WelcomeMessage(0, "{{ community.platform_label }}"),),
        builtin=False,
    )
    assert render_welcome(custom, ctx)[0][1] == "WeChat"


def test_a_broken_message_names_the_template_and_the_message(ctx: RenderContext) -> None:
    broken = Template(
        id="x",
        kind=TemplateKind.WELCOME,
        name="Mine",
        language="zh",
        description="",
        body="",
        messages=(WelcomeMessage(0, "ok"), WelcomeMessage(120, "fine\n{{ nope }}")),
        builtin=False,
    )
    with pytest.raises(TemplateError) as caught:
        render_welcome(broken, ctx)
    assert str(caught.value) == "Template “Mine (T+2h, message 2)”, line 2: “nope” is not defined."


def test_a_community_with_empty_fields_still_gets_full_posters(workspace: Workspace) -> None:
    community_id, _ = create_community(workspace, {"name": "新群"})
    ctx = context_for(workspace, community_id)
    assert ctx.operator == "" and not ctx.upcoming
    for template in POSTERS + WELCOMES:
        if template.kind is TemplateKind.POSTER:
            assert len(poster_text(render_poster(template, ctx))) > 8
        else:
            assert all(text for _, text in render_welcome(template, ctx))


@pytest.mark.parametrize("source", ["{{ wrap }}", "{{ range }}", "{{ '欢迎'.upper }}"])
def test_a_helper_shown_without_calling_it_is_refused_in_one_line(
    source: str, ctx: RenderContext
) -> None:
    """Found by fuzzing: ``{{ wrap }}`` printed "<function _wrap at 0x…>" into the text."""
    with pytest.raises(TemplateError, match="call it with its arguments") as caught:
        render_message_source(source, ctx, name="Fuzz")
    assert "\n" not in str(caught.value) and "0x" not in str(caught.value)


def test_an_unknown_name_still_says_it_is_unknown(ctx: RenderContext) -> None:
    with pytest.raises(TemplateError, match="no_such_name"):
        render_message_source("{{ no_such_name }}", ctx, name="Fuzz")
