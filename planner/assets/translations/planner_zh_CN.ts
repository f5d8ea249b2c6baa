<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished">社群</translation>
    </message>
    <message>
        <source>Calendar item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist library item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation type="unfinished">清单事项</translation>
    </message>
    <message>
        <source>Template in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished">社群</translation>
    </message>
    <message>
        <source>Calendar items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished">阶段</translation>
    </message>
    <message>
        <source>Common interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value to members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differentiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining principles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished">成员</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished">类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All day</source>
        <translation type="unfinished">全天</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last occurrence ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants</source>
        <translation type="unfinished">参与人数</translation>
    </message>
    <message>
        <source>Planned new members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New members</source>
        <translation type="unfinished">新增成员</translation>
    </message>
    <message>
        <source>Planned shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares</source>
        <translation type="unfinished">分享数</translation>
    </message>
    <message>
        <source>Planned conversions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation type="unfinished">转化数</translation>
    </message>
    <message>
        <source>Planned revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished">收入</translation>
    </message>
    <message>
        <source>Planned cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished">成本</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished">消息</translation>
    </message>
    <message>
        <source>Library key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a community not in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a template not in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted on your side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted on their side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome sequence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReplicatePreview</source>
        <comment>Checklist from the library (%1 items)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReplicatePreview</source>
        <comment>Checklist (%1 items, unticked; %2 hidden)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReplicatePreview</source>
        <comment>Checklist (%1 items, unticked)</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityLink</name>
    <message>
        <source>&amp;Plans the activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the activity on the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the plan to link it to an activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The activity this plan was for was deleted from the calendar; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community&apos;s calendar has no activity yet: add the sharing or paid activity the campaign runs in, then link it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” plans no activity now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” plans “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>All day</source>
        <translation type="unfinished">全天</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished">到期</translation>
    </message>
    <message>
        <source>Checklist · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished">时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community</source>
        <translation type="unfinished">社群</translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished">类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>All day</source>
        <translation type="unfinished">全天</translation>
    </message>
</context>
<context>
    <name>BasicsPage</name>
    <message>
        <source>A new community from “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It gets this community&apos;s positioning, structure, content rhythm, templates and checklist. You will see everything before it is made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each content series starts on the first matching day from this date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only, so no community can be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuiltAround</name>
    <message>
        <source>Not decided yet</source>
        <translation>未确定</translation>
    </message>
    <message>
        <source>A soul figure</source>
        <translation>灵魂人物</translation>
    </message>
    <message>
        <source>A core product</source>
        <translation>核心产品</translation>
    </message>
    <message>
        <source>Soft services</source>
        <translation>软性服务</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Today</source>
        <translation type="unfinished">今天</translation>
    </message>
    <message>
        <source>Go to today (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a date (Ctrl+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add content or an activity (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here matches the filters. Change them with Filter, or choose Show everything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing planned here yet. Double-click a day (or press Enter) to add content or an activity, or use New item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished">社群</translation>
    </message>
    <message>
        <source>Types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Filter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unticked “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A poster for this item, in the template editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1”? You can undo this with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG image (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the chart to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the chart to %1: check the folder exists and can be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the chart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistItemDialog</name>
    <message>
        <source>Add a checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation type="unfinished">清单事项</translation>
    </message>
    <message>
        <source>Edit the checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do, e.g. 邀请三位嘉宾排进 12 月分享</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it matters, in one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything worth remembering: links, who said what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick for no due date; a due item shows on the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;one on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked: the item is done, on this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day it was done: today or earlier, not in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the stage library. Left as it is, its wording follows the app&apos;s language; empty the title to go back to the library&apos;s words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done can be today or earlier, not in the future.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>done %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Show hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items marked as not applying to this community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an item of your own…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide: does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add an item here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what is done · double-click for note, assignee, due date · Alt+↑/↓ or drag to reorder · right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what is done (click the box or press Space) · double-click an item, or press Enter, for its note, assignee and due date · drag it or press Alt+↑/↓ to reorder it within its stage · right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show hidden (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add 1 from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 item was added to the checklist library since this checklist was made: add it here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the library&apos;s item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add %1 from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items were added to the checklist library since this checklist was made: add them here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the library&apos;s %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community has no checklist yet.
Start from the stage library: what to do to build, structure, output, operate and replicate a group, each with why it matters. Or add an item of your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community&apos;s checklist is empty.
Add what has to be done at each stage: build, structure, output, operate, replicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;tick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add an item to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete “%1” from this community&apos;s checklist? Edit ▸ Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete checklist item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added “%1” from the checklist library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 items from the checklist library</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Community colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommunityCharts</name>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a community to see its charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures in this period: choose a longer period, or enter a day in the figures table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures yet: enter a day in the figures table or import a CSV.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommunityDelegate</name>
    <message>
        <source>no checklist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommunityForm</name>
    <message>
        <source>e.g. 深夜读书会 · 付费会员圈</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who runs this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared product, emotion, behaviour or values that gather people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What value do we bring to members, and can we bring it continuously?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How are we different from the other groups of this kind?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 首次付费用户, 初二年级家长, 产品经理</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who may join, and how: fee, invitation, review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group rules: what is welcome, what gets you removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else worth remembering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common &amp;interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value to members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Differentiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Built around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished">搭架构</translation>
    </message>
    <message>
        <source>&amp;Joining principles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management &amp;norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away the changes not yet saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicate community…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new group from this one: its structure, rhythm, templates, checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · owner: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 in the figures of %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonChart</name>
    <message>
        <source>, </source>
        <comment>between community names in a list; Chinese uses 、</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictedCopiesDialog</name>
    <message>
        <source>Conflicted copies found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sync tool made conflicted copies of this workspace (newest first). They hold changes made elsewhere: merge one to bring its changes in. Records changed on both sides are shown for you to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sync tool made a conflicted copy of this workspace. It holds changes made elsewhere: merge it to bring them in. Records changed on both sides are shown for you to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentsPage</name>
    <message>
        <source>What to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positioning, segment, platform, joining principles, group rules and owner are always copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content series (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community has no recurring content yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every series is still running, so every one is ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked: the series still running. The others have ended, are cancelled or were continued by a later series; tick one to copy it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates (%1): your own are duplicated, built-in ones linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community&apos;s checklist: its own items, order and hidden items, unticked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continued by a later series of the same name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticks, done dates, notes and due dates are cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new community gets a fresh checklist from the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportWeekDialog</name>
    <message>
        <source>Export week as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no communities yet, so there is no plan to export. Add one with Community ▸ New community…, plan its week on the calendar, then export it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no communities, so there is no plan to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portrait: day by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landscape: week grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wee&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pape&amp;r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orientation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one community.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly plan %1.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan could not be exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the plan for %1 (1 page) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the plan for %1 (%2 pages) to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly plan exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresExportDialog</name>
    <message>
        <source>Export to CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community &amp;figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members, active members, joined, left, messages, paid conversions and revenue, one row per community and day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity &amp;results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each activity on the calendar with its goals: planned beside actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no communities yet, so there is nothing to export. Add one with Community ▸ New community…, record its figures, then export them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every recorded &amp;day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished">社群</translation>
    </message>
    <message>
        <source>Da&amp;ys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This community: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All communities (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All communities (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all-communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures recorded on these days: the file will hold the header row only, ready to fill in and import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row of figures will be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows of figures (one per community and day) will be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activities on these days: the file will hold the header row only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 activity will be written, planned beside actual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 activities will be written, planned beside actual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row of figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows of figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresImportDialog</name>
    <message>
        <source>Import figures into “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above each column, choose the figure it holds; dimmed columns are skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only, so nothing can be imported into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import 1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the figures of 1 day into “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported the figures of %1 days into “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures in the file were already recorded for “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>The day whose figures you are recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a row for this day and start typing its figures (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the figures of the selected days (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import figures from a spreadsheet saved as CSV, choosing its columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save figures or activity results as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No figures yet. Each week (or day), note what your group shows: members, active members, who joined and who left. Click Add day and type them, paste rows copied from a spreadsheet with Ctrl+V (dates in the first column), or import a CSV. The charts and the health checks read them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type over a cell, Tab to the next · Ctrl+V pastes from a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the figures of %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the figures of %1 days (%2 to %3)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleared the figures of %1 day(s). Undo brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted figures. Undo takes them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emptied the cells. Undo brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FissionForm</name>
    <message>
        <source>Members who get the poster or the link first (wave 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X: of each wave&apos;s members, the share who pass the poster on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;know Y directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give Y, the new members one share brings (from a past campaign, say), instead of the invites per share and the conversion rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People one share reaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the people reached, the share who join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Y: new members one share brings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waves of sharing: the seeds share, then who they bring, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the campaign costs however it goes: poster design, the bait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bait paid for each new member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a member costs through another channel (ads, a KOL post), to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed &amp;members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sha&amp;re rate (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invites per share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion ra&amp;te</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New members per share (&amp;Y)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Costs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;xed cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bait per new member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channe&amp;l cost per member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New members per share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invites per share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bait per new member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel cost per member</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FissionPanel</name>
    <message>
        <source>Saved plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved plans yet. Try the numbers above, then Save as… to keep a plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep these numbers as a plan of this community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected plan the numbers above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the selected plan (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected plan (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is read-only: the calculator works, plans cannot be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since “%1” was saved: Update keeps these numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fission plan %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save fission plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No community is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the fission plan “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated the fission plan “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed the fission plan “%1” to “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the fission plan “%1”? Edit ▸ Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete fission plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the fission plan “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FissionResults</name>
    <message>
        <source>K = X × Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fission coefficient: the new members each member brings in the next wave (X, the share rate, × Y, the new members one share brings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart and the waves show once every input is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the %1 marked inputs to see the projection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked input to see the projection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X %1% × Y %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above 1: self-sustaining. Each wave is larger than the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly 1: each wave brings as many new members as the seeds; it grows, but never speeds up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below 1: it dies out, topping out at about %1 new members however many waves it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new members in 1 wave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 new members in %2 waves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 members in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost %1, and no one is acquired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost %1 · %2 per member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over a billion members by wave %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 per member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From wave %1 the projection passes a billion members: no network is that large, and a fission saturates long before. The chart stops there; plan fewer waves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a channel&apos;s cost per member to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not worth its bait: the channel brings members at %1 each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cheaper than the channel (%2 a member)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dearer than the channel (%2 a member): not worth its bait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As dear as the channel (%1 a member)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GoalsGrid</name>
    <message>
        <source>Planned</source>
        <translation type="unfinished">已计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation type="unfinished">结果</translation>
    </message>
    <message>
        <source>%1, planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, actual</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold the health cards away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the health cards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemBadge</name>
    <message>
        <source>Digest</source>
        <translation>晨报</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>News</source>
        <translation>时事</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>嘉宾</translation>
    </message>
    <message>
        <source>Bait</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>分享</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付费</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 每日早报 · Morning digest, Live class: 增长入门</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who prepares and runs it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 李老师, a member who presents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. the WeChat group, 腾讯会议, a café</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running order, materials, what to post, how to invite members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Guest / speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;latform / location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goals and res&amp;ults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide planned and actual results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and close (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times are in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 12 set · planned vs actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned vs actual; leave empty what you do not track</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemKind</name>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
</context>
<context>
    <name>ItemType</name>
    <message>
        <source>Morning digest</source>
        <translation>晨报</translation>
    </message>
    <message>
        <source>Article recommendation</source>
        <translation>文章推荐</translation>
    </message>
    <message>
        <source>Topic discussion</source>
        <translation>话题讨论</translation>
    </message>
    <message>
        <source>Current affairs</source>
        <translation>时事热点</translation>
    </message>
    <message>
        <source>Live class</source>
        <translation>直播课</translation>
    </message>
    <message>
        <source>Guest share</source>
        <translation>嘉宾分享</translation>
    </message>
    <message>
        <source>Learning material (bait)</source>
        <translation>学习资料</translation>
    </message>
    <message>
        <source>Other content</source>
        <translation>其他内容</translation>
    </message>
    <message>
        <source>Brand activity</source>
        <translation>品牌活动</translation>
    </message>
    <message>
        <source>Member activity</source>
        <translation>会员活动</translation>
    </message>
    <message>
        <source>Sharing activity</source>
        <translation>分享活动</translation>
    </message>
    <message>
        <source>Paid activity</source>
        <translation>付费活动</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Checklist library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New communities get their checklist from this library. Communities that already have a checklist keep it: a community&apos;s checklist offers &lt;b&gt;Add … from the library&lt;/b&gt; to bring in what you add here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only: you can look at the library, not change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use built-in &amp;wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put &amp;back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show removed built-in items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest undone change, %1, is not in the library: redo it in the main window (Edit ▸ Redo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest change, %1, is not in the library: undo it in the main window (Edit ▸ Undo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an item to edit or remove it, or add one to this stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1” from the library? New communities will not get it; checklists that have it keep it. You can put it back with “Show removed built-in items”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1” from the library? New communities will not get it; checklists that have it keep it. Undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryItemDialog</name>
    <message>
        <source>Edit library item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add library item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do, e.g. “Write the group rules”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it matters, in one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why it matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in wording: “%1”. Leave a field empty to go back to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in, removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in, reworded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>This workspace is open read-only: you can look around, but changes cannot be saved. Copy the file somewhere you can write to in order to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;sample workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import calendar (ICS)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export calendar (ICS)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;week as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;figures (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export figures and &amp;results (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Share a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge from teammate&apos;s file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New community…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist &amp;library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replicate community…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ission calculator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communities</source>
        <translation type="unfinished">社群</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New calendar &amp;item…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Community Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;alendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgraded this workspace to the current format; the old file was kept as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “%1” to the trash? You can restore it from the trash, or undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved “%1” to the trash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redid %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the calendar to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the weekly plan to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the events of %1 to which community?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 new, %2 updated, %3 unchanged events from %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has changes that cannot be saved yet; fix the fields marked in red or choose Revert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo Typing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Community Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Community Planner %1&lt;/b&gt;&lt;p&gt;Plan, run and replicate online communities.&lt;/p&gt;&lt;p&gt;Log file: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some changes cannot be saved because fields are invalid. Quit and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These records were changed in both copies since they last met, and the app cannot tell which of you changed each field, so every field that differs is shown. Until you choose, your version is kept. Choose per field with a click, Space, or ← (mine) and → (theirs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file shares no records with your workspace: it is not a copy of it. Merging adds everything in it beside what you have. Cancel unless that is what you want.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All m&amp;ine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your version of every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All t&amp;heirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take their version of every record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your version of this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take their version of this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record changed on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records changed on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s copy brings nothing new: you already have everything in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1&apos;s copy brings %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a record on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Changed on both sides (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 taking theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageCard</name>
    <message>
        <source>Send after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after joining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this text earlier (the times stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this text later (the times stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this message, filled in for the community, to paste into the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Metric</name>
    <message>
        <source>Participants</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>分享数</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>W%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCommunityDialog</name>
    <message>
        <source>New community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Notion 中文用户群</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewDelegate</name>
    <message>
        <source>%1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No communities yet. Create one with Community ▸ New community…: each gets a checklist for the path build → structure → output → operate → replicate, and shows here with its progress and what is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an item (or press the Menu key) to open it on its checklist; double-click a community (or press Enter) to open its page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overdue items in %2 of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 overdue item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 ready for its next stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ready for their next stage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Open the community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished">已逾期</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Platform</name>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation>企业微信</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Slack</source>
        <translation>Slack</translation>
    </message>
    <message>
        <source>DingTalk</source>
        <translation>钉钉</translation>
    </message>
    <message>
        <source>Feishu / Lark</source>
        <translation>飞书</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他平台</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is written until you click Replicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” will be made with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not be made</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewTree</name>
    <message>
        <source>Community “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished">阶段</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished">成员</translation>
    </message>
    <message>
        <source>0 (a new group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished">负责人</translation>
    </message>
    <message>
        <source>Common interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value to members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differentiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built around</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Divided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joining principles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management norms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content series (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · last on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In “%1” it began on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in, used as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copied as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the new community starts with 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about “%1” only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One-off items and activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recurring activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items with results recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed or moved occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed occurrences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticks and done dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates you chose not to copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked templates that were deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content series, not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content series, ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content series, cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content series, continued by a later one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>content series: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickAddDialog</name>
    <message>
        <source>Quick add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What goes out? e.g. 早报 · Morning digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;More options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the full editor with what you entered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Does not repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Weekdays only (Monday to Friday)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;ver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day of the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;fter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is one occurrence of a series: how it repeats and its community are set for the whole series. To change them, edit all occurrences.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Series ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the last day of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On day %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the first %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the second %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the third %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the fourth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the fifth %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the last %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeats on: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. The last day is before the first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. No date matches this rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Next: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplicateWizard</name>
    <message>
        <source>Replicate “%1”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Replicating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel stops it, and nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished">已完成</translation>
    </message>
    <message>
        <source>Edit ▸ Undo takes all of it back in one step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The community could not be replicated; nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is ready in the sidebar, with %2 content series, %3 templates and a checklist of %4 items.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <source>Edit a repeating item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which occurrences should the changes apply to?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move a repeating item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which occurrences should move?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a repeating item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which occurrences do you want to delete?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which occurrences?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentBasis</name>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Payment stage</source>
        <translation>按付费阶段</translation>
    </message>
    <message>
        <source>Identity or profession</source>
        <translation>按身份或职业</translation>
    </message>
    <message>
        <source>Life stage (e.g. school grade)</source>
        <translation>按人生阶段（如年级）</translation>
    </message>
    <message>
        <source>Course cohort</source>
        <translation>按课程期次</translation>
    </message>
    <message>
        <source>City or region</source>
        <translation>按城市</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>Sharing</name>
    <message>
        <source>Share a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing a copy to share…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy could not be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: a copy of this read-only workspace to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1: send it to your teammate, and merge their copy back with File ▸ Merge from teammate&apos;s file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge from teammate&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is open read-only, so nothing can be merged into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 and comparing it with this workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has nothing new: this workspace already holds every change in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged %1: %2. Edit ▸ Undo takes it back (backup: %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace in a synced folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync tools copy a workspace while it is being written, and make conflicted copies when two people edit it. Work on a copy on this computer instead (it goes to %1), share it with File ▸ Share a copy, and merge what teammates send back with File ▸ Merge from teammate&apos;s file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work on a local copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep working here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t warn me again for this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working on a local copy: %1. The synced file stays as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Checklist: %1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search communities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Build</source>
        <translation>建群</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>搭架构</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>做输出</translation>
    </message>
    <message>
        <source>Operate</source>
        <translation>做运营</translation>
    </message>
    <message>
        <source>Replicate</source>
        <translation>做复制</translation>
    </message>
    <message>
        <source>Find people who share an interest; write the positioning.</source>
        <translation>找到兴趣相投的人，写下社群定位。</translation>
    </message>
    <message>
        <source>Platform, roles, joining principles, group rules.</source>
        <translation>平台、角色、入群原则、群规。</translation>
    </message>
    <message>
        <source>A regular content rhythm that makes people stay.</source>
        <translation>稳定的内容节奏，让人愿意留下来。</translation>
    </message>
    <message>
        <source>Activities with goals and results; welcome newcomers.</source>
        <translation>有目标、有结果的活动；迎接新人。</translation>
    </message>
    <message>
        <source>Write the playbook down and clone what works.</source>
        <translation>把打法写下来，复制跑通的社群。</translation>
    </message>
</context>
<context>
    <name>StagePath</name>
    <message>
        <source>Checklist: %1 of %2 done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Create your first community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sample workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Community Planner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workspace has no communities, and it is open read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with one group you run: write down who it is for, what value it brings and where it stands on the path build → structure → output → operate → replicate. Or look around the sample workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace is one file that holds your communities and their plans. Create one, open one a teammate sent you, or open the sample workspace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Idea</source>
        <translation>想法</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SuggestionBanner</name>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every %1 item is done. Move %2 to %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateLinks</name>
    <message>
        <source>Double-click a template to open it on the Templates page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The welcome sequence and posters this community uses. Replicating the community copies them to the new group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No welcome sequence: what newcomers get in their first 24 hours is not planned. What they feel then is what they still feel after 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a welcome sequence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This community uses no templates yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop using</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template itself stays in the library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Templates page →</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <source>Posters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome sequences for newcomers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show templates in one language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No templates in this language. Choose All languages above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a copy of this template that you can edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this template (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the template&apos;s text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this template is for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw away the changes not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the template (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A built-in template: read-only. Duplicate it to make your own copy, then edit the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The community the preview is filled in for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A calendar item whose title, time and speaker fill the poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template on the left to see it here.

Built-in templates are read-only: Duplicate to edit makes your own copy, saved in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG template source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to go to the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables and helpers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables and helpers (click one to insert it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a picture to post (PNG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width of the PNG picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for print (PDF, text stays selectable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the SVG, for a designer or the web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sequence has no messages yet. Add message adds the first one, sent when someone joins (T+0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a message after the last one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operators paste these by hand: Copy puts a message, filled in for the community, on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in templates are read-only: choose Duplicate to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made a copy of “%1” that you can edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the template “%1”? You can undo this with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the template “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied message %1 (%2): paste it into the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No communities yet: the preview uses sample values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calendar item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file name ending in .png, .pdf or .svg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the poster to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export poster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Use a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The community already uses every template of this kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>The last day cannot be before the first day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trash is empty. Communities you delete wait here until you restore them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekPicker</name>
    <message>
        <source>Previous week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any day of the week to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part of a series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All day</source>
        <translation type="unfinished">全天</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyFigures</name>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Active rate</source>
        <translation>活跃率</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退群</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净增</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付费转化</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
</context>
<context>
    <name>WeeklyPlan</name>
    <message>
        <source>Weekly plan</source>
        <translation>周计划</translation>
    </message>
    <message>
        <source>Week {week}, {year}</source>
        <translation>{year}年第{week}周</translation>
    </message>
    <message>
        <source>Workspace: {name}</source>
        <translation>工作区：{name}</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Content and activities</source>
        <translation>本周内容与活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Content / activity</source>
        <translation>内容 / 活动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Nothing planned</source>
        <translation>这天没有安排</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>cont.</source>
        <translation>续</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>{date}起</translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation>至{date}</translation>
    </message>
    <message>
        <source>This week&apos;s goals</source>
        <translation>本周目标</translation>
    </message>
    <message>
        <source>The goals set for this week&apos;s activities, by community; only the figures filled in are listed.</source>
        <translation>本周各社群活动定下的目标，只列出已填写的指标。</translation>
    </message>
    <message>
        <source>No goal set yet</source>
        <translation>还没定目标</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Checklist items due this week</source>
        <translation>本周到期的清单事项</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Last week in review</source>
        <translation>上周复盘</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>达成</translation>
    </message>
    <message>
        <source>No activities and no goals last week.</source>
        <translation>上周没有活动，也没有定目标。</translation>
    </message>
    <message>
        <source>Activities with no results recorded</source>
        <translation>还没记录结果的活动</translation>
    </message>
    <message>
        <source>Record what happened: without the figures there is nothing to review and nothing to improve next time.</source>
        <translation>补上实际数据，复盘才有依据，下次活动才能改进。</translation>
    </message>
    <message>
        <source>Every activity of last week has its results recorded.</source>
        <translation>上周的活动都记录了结果。</translation>
    </message>
    <message>
        <source>Nothing planned this week</source>
        <translation>本周还没有安排</translation>
    </message>
    <message>
        <source>Plan content and activities for your communities in the calendar, then export the plan again.</source>
        <translation>在日历里为社群安排晨报、分享、活动，再导出周计划。</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>Made on {date}</source>
        <translation>生成于{date}</translation>
    </message>
    <message>
        <source>Last week&apos;s figures</source>
        <translation>上周数据</translation>
    </message>
    <message>
        <source>Members, active and active rate (active members ÷ members) as last recorded in the week, the others summed over it; in small type, the change against the week before.</source>
        <translation>成员、活跃、活跃率取上周最后一次记录（活跃率 = 活跃成员 ÷ 成员），其余为上周合计；小字是与前一周相比的变化。</translation>
    </message>
    <message>
        <source>No figures recorded last week: </source>
        <translation>上周没有记录数据：</translation>
    </message>
    <message>
        <source>No figures were recorded for any community last week.</source>
        <translation>上周没有记录任何社群的数据。</translation>
    </message>
    <message>
        <source>Last complete week&apos;s figures</source>
        <translation>最近一个完整周的数据</translation>
    </message>
    <message>
        <source>This plan&apos;s previous week ({week}) is not over yet, so these are the last complete week&apos;s: members, active and active rate (active members ÷ members) as last recorded in the week, the others summed over it; in small type, the change against the week before.</source>
        <translation>本计划的上一周（{week}）还没过完，这里是最近一个完整周的数据：成员、活跃、活跃率取该周最后一次记录（活跃率 = 活跃成员 ÷ 成员），其余为该周合计；小字是与前一周相比的变化。</translation>
    </message>
    <message>
        <source>No figures recorded that week: </source>
        <translation>这一周没有记录数据：</translation>
    </message>
    <message>
        <source>No figures were recorded for any community that week.</source>
        <translation>这一周没有记录任何社群的数据。</translation>
    </message>
    <message>
        <source>Health warnings</source>
        <translation>社群健康提醒</translation>
    </message>
    <message>
        <source>as of {date}</source>
        <translation>截至{date}</translation>
    </message>
    <message>
        <source>Act on alerts this week; fix warnings while planning.</source>
        <translation>警报请本周处理；提醒在排计划时顺手补上。</translation>
    </message>
    <message>
        <source>Rule: </source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>{sign}{points} pts</source>
        <translation>{sign}{points}个百分点</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Community Planner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>self._view</name>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Something went wrong (%1). Your data is safe; details are in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
