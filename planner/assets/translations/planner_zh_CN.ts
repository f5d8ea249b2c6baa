<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Action</name>
    <message>
        <source>Create community “{subject}”</source>
        <translation>创建社群“{subject}”</translation>
    </message>
    <message>
        <source>Edit community “{subject}”</source>
        <translation>编辑社群“{subject}”</translation>
    </message>
    <message>
        <source>Move “{subject}” to the trash</source>
        <translation>把“{subject}”移到回收站</translation>
    </message>
    <message>
        <source>Restore “{subject}”</source>
        <translation>恢复“{subject}”</translation>
    </message>
    <message>
        <source>Add “{subject}” to the calendar</source>
        <translation>把“{subject}”加入日历</translation>
    </message>
    <message>
        <source>Edit “{subject}”</source>
        <translation>编辑“{subject}”</translation>
    </message>
    <message>
        <source>Edit one occurrence of “{subject}”</source>
        <translation>编辑“{subject}”的这一次</translation>
    </message>
    <message>
        <source>Edit every occurrence of “{subject}”</source>
        <translation>编辑“{subject}”的每一次</translation>
    </message>
    <message>
        <source>Edit “{subject}” from this occurrence on</source>
        <translation>从这一次起编辑“{subject}”</translation>
    </message>
    <message>
        <source>Delete “{subject}”</source>
        <translation>删除“{subject}”</translation>
    </message>
    <message>
        <source>Delete one occurrence of “{subject}”</source>
        <translation>删除“{subject}”的这一次</translation>
    </message>
    <message>
        <source>Delete “{subject}” from this occurrence on</source>
        <translation>从这一次起删除“{subject}”</translation>
    </message>
    <message>
        <source>Delete every occurrence of “{subject}”</source>
        <translation>删除“{subject}”的每一次</translation>
    </message>
    <message>
        <source>Import the calendar “{subject}”</source>
        <translation>导入日历“{subject}”</translation>
    </message>
    <message>
        <source>Duplicate the template “{subject}”</source>
        <translation>复制模板“{subject}”</translation>
    </message>
    <message>
        <source>Edit the template “{subject}”</source>
        <translation>编辑模板“{subject}”</translation>
    </message>
    <message>
        <source>Delete the template “{subject}”</source>
        <translation>删除模板“{subject}”</translation>
    </message>
    <message>
        <source>Tick “{subject}”</source>
        <translation>勾选“{subject}”</translation>
    </message>
    <message>
        <source>Untick “{subject}”</source>
        <translation>取消勾选“{subject}”</translation>
    </message>
    <message>
        <source>Edit the checklist item “{subject}”</source>
        <translation>编辑清单事项“{subject}”</translation>
    </message>
    <message>
        <source>Hide “{subject}”</source>
        <translation>隐藏“{subject}”</translation>
    </message>
    <message>
        <source>Show “{subject}” again</source>
        <translation>重新显示“{subject}”</translation>
    </message>
    <message>
        <source>Add “{subject}” to the checklist</source>
        <translation>把“{subject}”加入清单</translation>
    </message>
    <message>
        <source>Delete the checklist item “{subject}”</source>
        <translation>删除清单事项“{subject}”</translation>
    </message>
    <message>
        <source>Move “{subject}”</source>
        <translation>移动“{subject}”</translation>
    </message>
    <message>
        <source>Update the checklist of “{subject}” from the library</source>
        <translation>用清单库更新“{subject}”的清单</translation>
    </message>
    <message>
        <source>Add “{subject}” to the checklist library</source>
        <translation>把“{subject}”加入清单库</translation>
    </message>
    <message>
        <source>Edit “{subject}” in the checklist library</source>
        <translation>编辑清单库中的“{subject}”</translation>
    </message>
    <message>
        <source>Remove “{subject}” from the checklist library</source>
        <translation>从清单库移除“{subject}”</translation>
    </message>
    <message>
        <source>Put “{subject}” back in the checklist library</source>
        <translation>把“{subject}”放回清单库</translation>
    </message>
    <message>
        <source>Use the template “{subject}”</source>
        <translation>使用模板“{subject}”</translation>
    </message>
    <message>
        <source>Stop using the template “{subject}”</source>
        <translation>停用模板“{subject}”</translation>
    </message>
    <message>
        <source>Replicate as “{subject}”</source>
        <translation>复制为“{subject}”</translation>
    </message>
    <message>
        <source>Move “{subject}” to the next stage</source>
        <translation>把“{subject}”推进到下一阶段</translation>
    </message>
    <message>
        <source>Merge “{subject}”</source>
        <translation>合并“{subject}”</translation>
    </message>
    <message>
        <source>Record the figures of “{subject}”</source>
        <translation>记录“{subject}”的数据</translation>
    </message>
    <message>
        <source>Clear figures of “{subject}”</source>
        <translation>清除“{subject}”的数据</translation>
    </message>
    <message>
        <source>Import figures into “{subject}”</source>
        <translation>向“{subject}”导入数据</translation>
    </message>
    <message>
        <source>Save the fission plan “{subject}”</source>
        <translation>保存裂变方案“{subject}”</translation>
    </message>
    <message>
        <source>Edit the fission plan “{subject}”</source>
        <translation>编辑裂变方案“{subject}”</translation>
    </message>
    <message>
        <source>Delete the fission plan “{subject}”</source>
        <translation>删除裂变方案“{subject}”</translation>
    </message>
    <message>
        <source>Link the fission plan “{subject}” to an activity</source>
        <translation>把裂变方案“{subject}”关联到活动</translation>
    </message>
    <message>
        <source>Create the template “{subject}”</source>
        <translation>创建模板“{subject}”</translation>
    </message>
</context>
<context>
    <name>ActivityLink</name>
    <message>
        <source>&amp;Plans the activity</source>
        <translation>对应的活动(&amp;P)</translation>
    </message>
    <message>
        <source>Open in calendar</source>
        <translation>在日历中打开</translation>
    </message>
    <message>
        <source>Show the activity on the calendar</source>
        <translation>在日历上显示这个活动</translation>
    </message>
    <message>
        <source>Save the plan to link it to an activity</source>
        <translation>先保存方案，才能关联到活动</translation>
    </message>
    <message>
        <source>No activity</source>
        <translation>不关联活动</translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2（%3）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>an activity</source>
        <translation>某个活动</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1（已删除）</translation>
    </message>
    <message>
        <source>The activity this plan was for was deleted from the calendar; choose another.</source>
        <translation>这个方案对应的活动已从日历中删除，请另选一个。</translation>
    </message>
    <message>
        <source>This community&apos;s calendar has no activity yet: add the sharing or paid activity the campaign runs in, then link it here.</source>
        <translation>这个社群的日历上还没有活动：先添加裂变要借助的分享活动或付费活动，再回到这里关联。</translation>
    </message>
    <message>
        <source>“%1” plans no activity now.</source>
        <translation>“%1”现在不关联任何活动。</translation>
    </message>
    <message>
        <source>“%1” plans “%2”.</source>
        <translation>“%1”已关联到活动“%2”。</translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>%1到期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Checklist · %1</source>
        <translation>清单 · %1</translation>
    </message>
    <message>
        <source>Today · %1</source>
        <translation>今天 · %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
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
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Something went wrong (%1). Your data is safe; details are in %2.</source>
        <translation>出错了（%1）。你的数据是安全的，详细信息见 %2。</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>BasicsPage</name>
    <message>
        <source>A new community from “%1”</source>
        <translation>以“%1”为样板新建社群</translation>
    </message>
    <message>
        <source>It gets this community&apos;s positioning, structure, content rhythm, templates and checklist. You will see everything before it is made.</source>
        <translation>新社群会沿用这个社群的定位、架构、内容节奏、模板和清单。创建之前，你会先看到全部内容。</translation>
    </message>
    <message>
        <source>Each content series starts on the first matching day from this date.</source>
        <translation>每个内容系列从这一天起，在第一个符合规则的日子开始。</translation>
    </message>
    <message>
        <source>This workspace is open read-only, so no community can be added to it.</source>
        <translation>这个工作区以只读方式打开，不能添加社群。</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>开始日期(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>阶段(&amp;T)</translation>
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
    <name>Calendar</name>
    <message>
        <source>Choose a type of content.</source>
        <translation>请选择内容类型。</translation>
    </message>
    <message>
        <source>Choose a type of activity.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Enter a number, or leave it empty.</source>
        <translation>请输入数字，或者留空。</translation>
    </message>
    <message>
        <source>Goals and results cannot be negative.</source>
        <translation>目标和结果不能是负数。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>An item needs a title.</source>
        <translation>日程需要一个标题。</translation>
    </message>
    <message>
        <source>The title is too long (at most {limit} characters).</source>
        <translation>标题太长了（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>Choose the community this item is for.</source>
        <translation>请选择这条日程所属的社群。</translation>
    </message>
    <message>
        <source>Choose content or activity.</source>
        <translation>请选择内容或活动。</translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation>请选择状态。</translation>
    </message>
    <message>
        <source>“{zone}” is not a time zone.</source>
        <translation>“{zone}”不是时区。</translation>
    </message>
    <message>
        <source>Choose when it starts.</source>
        <translation>请选择开始时间。</translation>
    </message>
    <message>
        <source>Choose when it ends.</source>
        <translation>请选择结束时间。</translation>
    </message>
    <message>
        <source>The end must be after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>An item can last at most {days} days; plan a longer programme as a series.</source>
        <translation>一条日程最长 {days} 天；更长的安排请做成重复系列。</translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation>太长了。</translation>
    </message>
    <message>
        <source>The series must end on or after its first day.</source>
        <translation>系列的结束日期不能早于它的第一天。</translation>
    </message>
    <message>
        <source>This repeat rule has no occurrence.</source>
        <translation>按这个重复规则，一次日程也排不出来。</translation>
    </message>
    <message>
        <source>An occurrence must end before the next one starts.</source>
        <translation>每次日程必须在下一次开始之前结束。</translation>
    </message>
    <message>
        <source>No calendar item with id {id}.</source>
        <translation>没有 ID 为 {id} 的日程。</translation>
    </message>
    <message>
        <source>One occurrence cannot repeat on its own; change all occurrences.</source>
        <translation>单次日程不能单独设置重复；请修改全部日程。</translation>
    </message>
    <message>
        <source>One occurrence cannot move to another community.</source>
        <translation>单次日程不能移到另一个社群。</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Go to today (Ctrl+T)</source>
        <translation>回到今天（Ctrl+T）</translation>
    </message>
    <message>
        <source>Previous (Alt+Left)</source>
        <translation>上一页（Alt+←）</translation>
    </message>
    <message>
        <source>Next (Alt+Right)</source>
        <translation>下一页（Alt+→）</translation>
    </message>
    <message>
        <source>Go to a date (Ctrl+G)</source>
        <translation>跳到某一天（Ctrl+G）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Add content or an activity (Ctrl+I)</source>
        <translation>添加内容或活动（Ctrl+I）</translation>
    </message>
    <message>
        <source>Nothing here matches the filters. Change them with Filter, or choose Show everything.</source>
        <translation>没有符合筛选条件的内容。可以在“筛选”里修改条件，或选择“显示全部”。</translation>
    </message>
    <message>
        <source>Nothing planned here yet. Double-click a day (or press Enter) to add content or an activity, or use New item.</source>
        <translation>这里还没有安排。双击某一天（或按 Enter）添加内容或活动，也可以点“新建日程”。</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Filter (%1)</source>
        <translation>筛选（%1）</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Ticked “%1”.</source>
        <translation>已勾选“%1”。</translation>
    </message>
    <message>
        <source>Unticked “%1”.</source>
        <translation>已取消勾选“%1”。</translation>
    </message>
    <message>
        <source>Make poster</source>
        <translation>做海报</translation>
    </message>
    <message>
        <source>A poster for this item, in the template editor</source>
        <translation>在模板编辑器里为这条日程做一张海报</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>删除日程</translation>
    </message>
    <message>
        <source>Delete “%1”? You can undo this with Ctrl+Z.</source>
        <translation>删除“%1”？可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image (Ctrl+Shift+P)</source>
        <translation>把这张图表保存为 PNG 图片（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Copy chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Saved the chart to %1.</source>
        <translation>图表已保存到 %1。</translation>
    </message>
    <message>
        <source>Could not save the chart to %1: check the folder exists and can be written.</source>
        <translation>无法把图表保存到 %1：请确认文件夹存在且可写入。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Copied the chart.</source>
        <translation>已复制图表。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>{path}: an SQLite database, but not a Community Planner workspace.</source>
        <translation>{path}：这是一个 SQLite 数据库，但不是 Community Planner 工作区。</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>Common interest</source>
        <translation>共同兴趣</translation>
    </message>
    <message>
        <source>Value to members</source>
        <translation>给成员的价值</translation>
    </message>
    <message>
        <source>Differentiation</source>
        <translation>差异化</translation>
    </message>
    <message>
        <source>Built around</source>
        <translation>核心依托</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分人群</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>群主</translation>
    </message>
    <message>
        <source>Joining principles</source>
        <translation>入群原则</translation>
    </message>
    <message>
        <source>Management norms</source>
        <translation>群规</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Fill in “%1” →</source>
        <translation>填写“%1” →</translation>
    </message>
    <message>
        <source>Plan it on the calendar →</source>
        <translation>在日历上安排 →</translation>
    </message>
    <message>
        <source>Open the templates →</source>
        <translation>打开模板 →</translation>
    </message>
    <message>
        <source>Replicate the community →</source>
        <translation>复制社群 →</translation>
    </message>
    <message>
        <source>hidden: does not apply</source>
        <translation>已隐藏：不适用</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>done %1</source>
        <translation>%1 已完成</translation>
    </message>
    <message>
        <source>overdue: due %1</source>
        <translation>已逾期：%1 到期</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>+ Add item</source>
        <translation>+ 添加事项</translation>
    </message>
    <message>
        <source>current stage</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>no items</source>
        <translation>没有事项</translation>
    </message>
</context>
<context>
    <name>ChecklistItemDialog</name>
    <message>
        <source>Add a checklist item</source>
        <translation>添加清单事项</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>Edit the checklist item</source>
        <translation>编辑清单事项</translation>
    </message>
    <message>
        <source>What to do, e.g. 邀请三位嘉宾排进 12 月分享</source>
        <translation>要做什么，例如：邀请三位嘉宾排进 12 月分享</translation>
    </message>
    <message>
        <source>Why it matters, in one line</source>
        <translation>为什么重要，一句话说明</translation>
    </message>
    <message>
        <source>Anything worth remembering: links, who said what</source>
        <translation>值得记下的内容：链接、谁说了什么</translation>
    </message>
    <message>
        <source>Who does it</source>
        <translation>谁来做</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>到期日(&amp;D)</translation>
    </message>
    <message>
        <source>Untick for no due date; a due item shows on the calendar</source>
        <translation>取消勾选即不设到期日；有到期日的事项会显示在日历上</translation>
    </message>
    <message>
        <source>D&amp;one on</source>
        <translation>完成日(&amp;O)</translation>
    </message>
    <message>
        <source>Ticked: the item is done, on this day</source>
        <translation>勾选：该事项已在这一天完成</translation>
    </message>
    <message>
        <source>The day it was done: today or earlier, not in the future</source>
        <translation>完成的日期：今天或更早，不能是将来</translation>
    </message>
    <message>
        <source>From the stage library. Left as it is, its wording follows the app&apos;s language; empty the title to go back to the library&apos;s words.</source>
        <translation>来自阶段清单库。不改动时，它的文字跟随应用的语言；清空标题即可恢复清单库的原文。</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>阶段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Why</source>
        <translation>原因(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>负责人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Done can be today or earlier, not in the future.</source>
        <translation>完成日期只能是今天或更早，不能是将来。</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>done %1</source>
        <translation>%1 已完成</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>%1: %2 of %3 done</source>
        <translation>%1：已完成 %2/%3</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>Show hidden</source>
        <translation>显示已隐藏</translation>
    </message>
    <message>
        <source>Items marked as not applying to this community</source>
        <translation>标记为不适用于这个社群的事项</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加事项…</translation>
    </message>
    <message>
        <source>Add an item of your own…</source>
        <translation>自己添加一项…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Tick</source>
        <translation>勾选(&amp;T)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Hide: does not apply</source>
        <translation>隐藏：不适用(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Add an item here…</source>
        <translation>在此添加事项(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <source>Tick what is done · double-click for note, assignee, due date · Alt+↑/↓ or drag to reorder · right-click for more</source>
        <translation>勾选已完成的事项 · 双击填写备注、负责人、到期日 · Alt+↑/↓ 或拖动调整顺序 · 右键查看更多</translation>
    </message>
    <message>
        <source>Tick what is done (click the box or press Space) · double-click an item, or press Enter, for its note, assignee and due date · drag it or press Alt+↑/↓ to reorder it within its stage · right-click for more</source>
        <translation>勾选已完成的事项（点击方框或按空格键）· 双击事项或按 Enter 键，填写备注、负责人和到期日 · 拖动或按 Alt+↑/↓ 在本阶段内调整顺序 · 右键查看更多</translation>
    </message>
    <message>
        <source>Show hidden (%1)</source>
        <translation>显示已隐藏（%1）</translation>
    </message>
    <message>
        <source>Add 1 from the library</source>
        <translation>从清单库添加 1 项</translation>
    </message>
    <message>
        <source>1 item was added to the checklist library since this checklist was made: add it here</source>
        <translation>这份清单创建之后，清单库新增了 1 项：添加到这里</translation>
    </message>
    <message>
        <source>Add the library&apos;s item</source>
        <translation>添加清单库中的这一项</translation>
    </message>
    <message>
        <source>Add %1 from the library</source>
        <translation>从清单库添加 %1 项</translation>
    </message>
    <message>
        <source>%1 items were added to the checklist library since this checklist was made: add them here</source>
        <translation>这份清单创建之后，清单库新增了 %1 项：添加到这里</translation>
    </message>
    <message>
        <source>Add the library&apos;s %1 items</source>
        <translation>添加清单库中的 %1 项</translation>
    </message>
    <message>
        <source>This community has no checklist yet.
Start from the stage library: what to do to build, structure, output, operate and replicate a group, each with why it matters. Or add an item of your own.</source>
        <translation>这个社群还没有清单。
可以从阶段清单库开始：建群、搭架构、做输出、做运营、做复制各要做什么，每项都写明了为什么重要。也可以自己添加事项。</translation>
    </message>
    <message>
        <source>This community&apos;s checklist is empty.
Add what has to be done at each stage: build, structure, output, operate, replicate.</source>
        <translation>这个社群的清单是空的。
添加每个阶段要做的事：建群、搭架构、做输出、做运营、做复制。</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Un&amp;tick</source>
        <translation>取消勾选(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Show again</source>
        <translation>重新显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Add an item to %1…</source>
        <translation>在“%1”添加事项(&amp;A)…</translation>
    </message>
    <message>
        <source>Delete “%1” from this community&apos;s checklist? Edit ▸ Undo brings it back.</source>
        <translation>从这个社群的清单中删除“%1”？可以用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete checklist item</source>
        <translation>删除清单事项</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Added “%1” from the checklist library</source>
        <translation>已从清单库添加“%1”</translation>
    </message>
    <message>
        <source>Added %1 items from the checklist library</source>
        <translation>已从清单库添加 %1 项</translation>
    </message>
</context>
<context>
    <name>Checklists</name>
    <message>
        <source>That checklist item no longer exists.</source>
        <translation>这个清单事项已经不存在了。</translation>
    </message>
    <message>
        <source>“{value}” is not a date (write it as YYYY-MM-DD).</source>
        <translation>“{value}”不是日期（请写成 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>name</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>The {field} is too long ({length} characters; at most {limit}).</source>
        <translation>{field}太长了（{length} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>A checklist item needs a title.</source>
        <translation>清单事项需要一个标题。</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <source>Community colour</source>
        <translation>社群颜色</translation>
    </message>
</context>
<context>
    <name>Communities</name>
    <message>
        <source>platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>built around</source>
        <translation>核心依托</translation>
    </message>
    <message>
        <source>segment basis</source>
        <translation>分层依据</translation>
    </message>
    <message>
        <source>“{value}” is not a valid {field}.</source>
        <translation>“{value}”不是有效的{field}。</translation>
    </message>
    <message>
        <source>A community needs a name.</source>
        <translation>社群需要一个名字。</translation>
    </message>
    <message>
        <source>The name is too long ({length} characters; at most {limit}).</source>
        <translation>名字太长了（{length} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>Member count must be a whole number.</source>
        <translation>成员数必须是整数。</translation>
    </message>
    <message>
        <source>Member count must be between 0 and {limit}.</source>
        <translation>成员数必须在 0 到 {limit} 之间。</translation>
    </message>
    <message>
        <source>Colour must be written as #RRGGBB.</source>
        <translation>颜色必须写成 #RRGGBB 的形式。</translation>
    </message>
    <message>
        <source>Too long ({length} characters; at most {limit}).</source>
        <translation>太长了（{length} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>Another community is already called “{name}”.</source>
        <translation>已经有一个社群叫“{name}”了。</translation>
    </message>
    <message>
        <source>No community with id {id}.</source>
        <translation>没有 ID 为 {id} 的社群。</translation>
    </message>
    <message>
        <source>“{name}” is in the trash; restore it first.</source>
        <translation>“{name}”在回收站里；请先恢复它。</translation>
    </message>
    <message>
        <source>No community called “{name}” in this workspace.</source>
        <translation>这个工作区里没有叫“{name}”的社群。</translation>
    </message>
    <message>
        <source>“{name}” is already in the trash.</source>
        <translation>“{name}”已经在回收站里了。</translation>
    </message>
    <message>
        <source>“{name}” is not in the trash.</source>
        <translation>“{name}”不在回收站里。</translation>
    </message>
</context>
<context>
    <name>CommunityCharts</name>
    <message>
        <source>Last 3 months</source>
        <translation>最近 3 个月</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>最近 6 个月</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>时间范围(&amp;P)：</translation>
    </message>
    <message>
        <source>Choose a community to see its charts.</source>
        <translation>选择一个社群查看它的图表。</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 (%4 – %5)</source>
        <translation>%1 · %2 · %3（%4 至 %5）</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>No figures in this period: choose a longer period, or enter a day in the figures table.</source>
        <translation>这段时间没有数据：选一个更长的时间范围，或在数据表中录入一天的数据。</translation>
    </message>
    <message>
        <source>No figures yet: enter a day in the figures table or import a CSV.</source>
        <translation>还没有数据：在数据表中录入一天的数据，或导入 CSV。</translation>
    </message>
    <message>
        <source>Members and active members</source>
        <translation>成员数与活跃成员</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>活跃成员</translation>
    </message>
    <message>
        <source>Members: %1</source>
        <translation>成员数：%1</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>活跃成员：%1</translation>
    </message>
    <message>
        <source>Active rate: %1</source>
        <translation>活跃率：%1</translation>
    </message>
    <message>
        <source>Joined, left and active rate per week</source>
        <translation>每周新增、退群与活跃率</translation>
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
        <source>Active rate</source>
        <translation>活跃率</translation>
    </message>
    <message>
        <source>Last %1 complete weeks: %2 joined, %3 left (net %4).</source>
        <translation>最近 %1 个完整周：新增 %2 人，退群 %3 人（净增 %4）。</translation>
    </message>
    <message>
        <source>Active rate %1 in the week of %2.</source>
        <translation>%2 这周的活跃率为 %1。</translation>
    </message>
    <message>
        <source>Four weeks before: %1.</source>
        <translation>四周前为 %1。</translation>
    </message>
    <message>
        <source>Week %1 (from %2)</source>
        <translation>%1 周（%2 起）</translation>
    </message>
    <message>
        <source>Joined: %1</source>
        <translation>新增：%1</translation>
    </message>
    <message>
        <source>Left: %1</source>
        <translation>退群：%1</translation>
    </message>
    <message>
        <source>Activity outcomes: planned vs actual</source>
        <translation>活动成果：计划与实际</translation>
    </message>
    <message>
        <source>Which goal to compare</source>
        <translation>要对比哪项目标</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>No activities with goals in this period: set goals and results on the calendar&apos;s activities.</source>
        <translation>这段时间没有设了目标的活动：请在日历的活动上填写目标和结果。</translation>
    </message>
    <message>
        <source>No goals or results for “%1” in this period: choose another measure, or set them on the calendar&apos;s activities.</source>
        <translation>这段时间没有“%1”的目标或结果：换一个指标，或在日历的活动上填写。</translation>
    </message>
    <message>
        <source>Nothing to compare for “%1” yet: no activity that is over has both its goal and its result. Enter the results of past activities on the calendar.</source>
        <translation>“%1”暂时没有可对比的：已结束的活动中，没有一个同时填了目标和结果。请在日历上录入已结束活动的结果。</translation>
    </message>
    <message>
        <source>Activities in this period: %1. Results recorded for %2 of the %3 that are over.</source>
        <translation>这段时间共 %1 个活动。已结束的 %3 个中，%2 个录入了结果。</translation>
    </message>
    <message>
        <source>Compared for “%1” (over, with its goal and its result): %2.</source>
        <translation>按“%1”对比的活动（已结束且目标和结果都有）：%2 个。</translation>
    </message>
    <message>
        <source>Goal but no result yet, left out: %1.</source>
        <translation>有目标但还没有结果、未计入：%1 个。</translation>
    </message>
    <message>
        <source>Result but no goal, left out: %1.</source>
        <translation>有结果但没有目标、未计入：%1 个。</translation>
    </message>
    <message>
        <source>Planned for activities not over yet: %1.</source>
        <translation>尚未结束的活动计划：%1。</translation>
    </message>
    <message>
        <source>Cancelled, not counted: %1.</source>
        <translation>已取消、未计入：%1 个。</translation>
    </message>
    <message>
        <source>Planned %1: %2</source>
        <translation>计划%1：%2</translation>
    </message>
    <message>
        <source>Actual %1: %2</source>
        <translation>实际%1：%2</translation>
    </message>
    <message>
        <source>Compared (over, with goal and result): %1</source>
        <translation>参与对比（已结束且目标和结果都有）：%1</translation>
    </message>
    <message>
        <source>Goal but no result yet: %1</source>
        <translation>有目标但还没有结果：%1</translation>
    </message>
    <message>
        <source>Result but no goal: %1</source>
        <translation>有结果但没有目标：%1</translation>
    </message>
    <message>
        <source>Planned, not over yet: %1</source>
        <translation>计划中、尚未结束：%1</translation>
    </message>
    <message>
        <source>%1 activities, %2 over without any result</source>
        <translation>共 %1 个活动，%2 个已结束但没有任何结果</translation>
    </message>
</context>
<context>
    <name>CommunityDelegate</name>
    <message>
        <source>no checklist</source>
        <translation>没有清单</translation>
    </message>
</context>
<context>
    <name>CommunityForm</name>
    <message>
        <source>Who runs this group</source>
        <translation>谁在管理这个群</translation>
    </message>
    <message>
        <source>The shared product, emotion, behaviour or values that gather people</source>
        <translation>把大家聚在一起的共同产品、情感、行为或价值观</translation>
    </message>
    <message>
        <source>What value do we bring to members, and can we bring it continuously?</source>
        <translation>我们能给成员带来什么价值？能否持续提供？</translation>
    </message>
    <message>
        <source>How are we different from the other groups of this kind?</source>
        <translation>我们和同类的其他群有什么不同？</translation>
    </message>
    <message>
        <source>e.g. Late-Night Reading Club · Paid Members</source>
        <translation>例如：深夜读书会 · 付费会员圈</translation>
    </message>
    <message>
        <source>e.g. first-time buyers, Grade 8 parents, product managers</source>
        <translation>例如：首次付费用户、初二年级家长、产品经理</translation>
    </message>
    <message>
        <source>Who may join, and how: fee, invitation, review</source>
        <translation>谁可以入群，怎样入群：付费、邀请、审核</translation>
    </message>
    <message>
        <source>Group rules: what is welcome, what gets you removed</source>
        <translation>群规：鼓励什么，什么行为会被移出群</translation>
    </message>
    <message>
        <source>Anything else worth remembering</source>
        <translation>其他值得记下的内容</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Basics</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>阶段(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>群主(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Members</source>
        <translation>成员数(&amp;M)</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Positioning</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Common &amp;interest</source>
        <translation>共同兴趣(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Value to members</source>
        <translation>给成员的价值(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Differentiation</source>
        <translation>差异化(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Built around</source>
        <translation>核心依托(&amp;B)</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分人群</translation>
    </message>
    <message>
        <source>Divided by</source>
        <translation>分层依据</translation>
    </message>
    <message>
        <source>Se&amp;gment</source>
        <translation>细分人群(&amp;G)</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>&amp;Joining principles</source>
        <translation>入群原则(&amp;J)</translation>
    </message>
    <message>
        <source>Management &amp;norms</source>
        <translation>群规(&amp;N)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CommunityPage</name>
    <message>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation>保存修改（Ctrl+S）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Throw away the changes not yet saved</source>
        <translation>放弃尚未保存的修改</translation>
    </message>
    <message>
        <source>Replicate community…</source>
        <translation>复制社群…</translation>
    </message>
    <message>
        <source>Make a new group from this one: its structure, rhythm, templates, checklist</source>
        <translation>以这个社群为样板建一个新群：沿用它的架构、节奏、模板和清单</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Fission</source>
        <translation>裂变</translation>
    </message>
    <message>
        <source>%1 · %2 · owner: %3</source>
        <translation>%1 · %2 · 群主：%3</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>%1 (%2 in the figures of %3)</source>
        <translation>%1（%3 的数据为 %2）</translation>
    </message>
</context>
<context>
    <name>CommunityTemplates</name>
    <message>
        <source>“{community}” already uses “{template}”.</source>
        <translation>“{community}”已经在用“{template}”了。</translation>
    </message>
    <message>
        <source>That template is no longer linked.</source>
        <translation>这个模板已经取消关联了。</translation>
    </message>
</context>
<context>
    <name>ComparisonChart</name>
    <message>
        <source>Weekly active rate</source>
        <translation>每周活跃率</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Net joined − left per week</source>
        <translation>每周净增（新增 − 退群）</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between community names in a list; Chinese uses 、</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Communities compared, last %1 weeks</source>
        <translation>社群对比（最近 %1 周）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>What to compare the communities by</source>
        <translation>按哪项指标对比各社群</translation>
    </message>
    <message>
        <source>Open a workspace to compare its communities.</source>
        <translation>打开一个工作区来对比其中的社群。</translation>
    </message>
    <message>
        <source>No communities yet: create one, then record its figures.</source>
        <translation>还没有社群：先新建一个，再录入它的数据。</translation>
    </message>
    <message>
        <source>No figures in the last %1 weeks: enter members and active members in a community&apos;s figures table, or import a CSV, to compare the communities here.</source>
        <translation>最近 %1 周没有数据：在社群的数据表中录入成员数和活跃成员，或导入 CSV，就能在这里对比各社群。</translation>
    </message>
    <message>
        <source>↓ Declining: %1. More members leave than join, or the active rate keeps falling.</source>
        <translation>↓ 下滑：%1。退群的人比新增的多，或活跃率持续走低。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 ↓ declining</source>
        <translation>%1 ↓ 下滑</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1 这周</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>ConflictedCopiesDialog</name>
    <message>
        <source>Conflicted copies found</source>
        <translation>发现冲突副本</translation>
    </message>
    <message>
        <source>Your sync tool made conflicted copies of this workspace (newest first). They hold changes made elsewhere: merge one to bring its changes in. Records changed on both sides are shown for you to choose.</source>
        <translation>同步工具为这个工作区生成了几个冲突副本（最新的在前）。它们包含在别处做的修改：合并其中一个即可把修改带进来。双方都改过的记录会列出来，由你选择。</translation>
    </message>
    <message>
        <source>Your sync tool made a conflicted copy of this workspace. It holds changes made elsewhere: merge it to bring them in. Records changed on both sides are shown for you to choose.</source>
        <translation>同步工具为这个工作区生成了一个冲突副本。它包含在别处做的修改：合并它即可把修改带进来。双方都改过的记录会列出来，由你选择。</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>ContentsPage</name>
    <message>
        <source>What to copy</source>
        <translation>要复制的内容</translation>
    </message>
    <message>
        <source>Positioning, segment, platform, joining principles, group rules and owner are always copied.</source>
        <translation>定位、细分人群、平台、入群原则、群规和群主总会复制。</translation>
    </message>
    <message>
        <source>Content series (%1)</source>
        <translation>内容系列（%1）</translation>
    </message>
    <message>
        <source>This community has no recurring content yet.</source>
        <translation>这个社群还没有周期性内容。</translation>
    </message>
    <message>
        <source>Every series is still running, so every one is ticked.</source>
        <translation>所有系列都还在进行，所以都已勾选。</translation>
    </message>
    <message>
        <source>Ticked: the series still running. The others have ended, are cancelled or were continued by a later series; tick one to copy it too.</source>
        <translation>已勾选：仍在进行的系列。其余的已结束、已取消或已由后来的系列接替；勾选即可一并复制。</translation>
    </message>
    <message>
        <source>Templates (%1): your own are duplicated, built-in ones linked</source>
        <translation>模板（%1）：自己的模板复制一份，内置模板直接引用</translation>
    </message>
    <message>
        <source>This community&apos;s checklist: its own items, order and hidden items, unticked</source>
        <translation>这个社群的清单：包括自己添加的事项、顺序和已隐藏的事项，全部不勾选</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>continued by a later series of the same name</source>
        <translation>已由后来的同名系列接替</translation>
    </message>
    <message>
        <source>Ticks, done dates, notes and due dates are cleared.</source>
        <translation>勾选、完成日期、备注和到期日都会清空。</translation>
    </message>
    <message>
        <source>The new community gets a fresh checklist from the library.</source>
        <translation>新社群会从清单库得到一份全新的清单。</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>{out}: is a folder; give a file name such as sample.cplan.</source>
        <translation>{out}：是文件夹；请给一个文件名，例如 sample.cplan。</translation>
    </message>
    <message>
        <source>{out}: already exists; choose another name.</source>
        <translation>{out}：已存在；请换一个名字。</translation>
    </message>
    <message>
        <source>{folder}: no such folder.</source>
        <translation>{folder}：没有这个文件夹。</translation>
    </message>
    <message>
        <source>{out}: is in use or was not closed cleanly; open it once, or choose another name.</source>
        <translation>{out}：正在使用中或上次未正常关闭；请先打开一次，或换一个名字。</translation>
    </message>
    <message>
        <source>{folder}: cannot write here ({reason}).</source>
        <translation>{folder}：无法在这里写入（{reason}）。</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>a teammate</source>
        <translation>一位同事</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Community Planner</source>
        <translation>Community Planner</translation>
    </message>
</context>
<context>
    <name>DiskErrors</name>
    <message>
        <source>{path}: cannot be opened because the disk is full. Free some space on the disk that holds {folder} and try again.</source>
        <translation>{path}：磁盘已满，无法打开。请在 {folder} 所在的磁盘上腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>{path}: cannot be opened because {folder} cannot be written. Make it writable and try again.</source>
        <translation>{path}：无法打开，因为 {folder} 不可写入。请将其设为可写后重试。</translation>
    </message>
    <message>
        <source>{path}: cannot be opened because of a disk error ({reason}). Check that the disk is still connected and try again.</source>
        <translation>{path}：磁盘出错，无法打开（{reason}）。请确认磁盘仍已连接后重试。</translation>
    </message>
    <message>
        <source>The disk is full: the change was not saved. Free some space on the disk that holds {folder} and try again.</source>
        <translation>磁盘已满：更改未保存。请在 {folder} 所在的磁盘上腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only: the change was not saved. Make it writable again, or copy the workspace to a folder you can write to, and try again.</source>
        <translation>文件夹 {folder} 是只读的：更改未保存。请让它恢复可写，或把工作区复制到可写入的文件夹，然后重试。</translation>
    </message>
    <message>
        <source>{name} could not be written (a disk error: {reason}): the change was not saved. Check that the disk holding {folder} is still connected and try again.</source>
        <translation>{name} 无法写入（磁盘错误：{reason}）：更改未保存。请确认 {folder} 所在的磁盘仍已连接后重试。</translation>
    </message>
</context>
<context>
    <name>DueMarks</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Checklist of %1 · %2</source>
        <translation>%1 的清单 · %2</translation>
    </message>
    <message>
        <source>Due %1 · %2</source>
        <translation>%1 到期 · %2</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Open in the checklist</source>
        <translation>在清单中打开</translation>
    </message>
    <message>
        <source>Mark as not done</source>
        <translation>标为未完成</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标为已完成</translation>
    </message>
</context>
<context>
    <name>EditScope</name>
    <message>
        <source>This occurrence</source>
        <translation>仅这一次</translation>
    </message>
    <message>
        <source>This and following occurrences</source>
        <translation>这一次及以后</translation>
    </message>
    <message>
        <source>All occurrences</source>
        <translation>所有重复</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{path}: no such file.</source>
        <translation>{path}：没有这个文件。</translation>
    </message>
    <message>
        <source>{path}: this workspace was made by a newer version of Community Planner (schema {found}); this version reads up to schema {supported}. Update Community Planner to open it.</source>
        <translation>{path}：这个工作区是由更新版本的 Community Planner 创建的（schema {found}），当前版本最高只能读取 schema {supported}。请更新 Community Planner 后再打开。</translation>
    </message>
    <message>
        <source>{path}: the workspace file is damaged ({detail}). Open a backup copy, or run `planner check` for details.</source>
        <translation>{path}：工作区文件已损坏（{detail}）。请打开备份副本，或运行 `planner check` 查看详情。</translation>
    </message>
    <message>
        <source>{path}: this file holds parts that Community Planner did not make ({detail}), so it was not opened. Run `planner check` for the full list.</source>
        <translation>{path}：这个文件包含不是 Community Planner 创建的内容（{detail}），所以没有打开。运行 `planner check` 可以查看完整列表。</translation>
    </message>
    <message>
        <source>{path}: this workspace is already open in another Community Planner window ({holder}). Close it there first.</source>
        <translation>{path}：这个工作区已经在另一个 Community Planner 窗口中打开（{holder}）。请先在那里关闭它。</translation>
    </message>
    <message>
        <source>{path}: this workspace is already open in another Community Planner window. Close it there first.</source>
        <translation>{path}：这个工作区已经在另一个 Community Planner 窗口中打开。请先在那里关闭它。</translation>
    </message>
    <message>
        <source>invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <source>Template “{template}”, line {line}: {detail}</source>
        <translation>模板“{template}”第 {line} 行：{detail}</translation>
    </message>
    <message>
        <source>Template “{template}”: {detail}</source>
        <translation>模板“{template}”：{detail}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有改动任何内容。</translation>
    </message>
</context>
<context>
    <name>ExportWeekDialog</name>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF 文件 (*.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export week as PDF</source>
        <translation>导出周计划 PDF</translation>
    </message>
    <message>
        <source>&amp;All communities</source>
        <translation>全部社群(&amp;A)</translation>
    </message>
    <message>
        <source>This workspace has no communities yet, so there is no plan to export. Add one with Community ▸ New community…, plan its week on the calendar, then export it here.</source>
        <translation>这个工作区还没有社群，没有可导出的计划。先用“社群 ▸ 新建社群…”添加一个，在日历里排好这一周，再回到这里导出。</translation>
    </message>
    <message>
        <source>This workspace has no communities, so there is no plan to export.</source>
        <translation>这个工作区没有社群，没有可导出的计划。</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <source>Portrait: day by day</source>
        <translation>纵向：按天列出</translation>
    </message>
    <message>
        <source>Landscape: week grid</source>
        <translation>横向：周视图表格</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Preview…</source>
        <translation>预览(&amp;P)…</translation>
    </message>
    <message>
        <source>Wee&amp;k</source>
        <translation>周(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Communities</source>
        <translation>社群(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Pape&amp;r</source>
        <translation>纸张(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Orientation</source>
        <translation>方向(&amp;O)</translation>
    </message>
    <message>
        <source>Tick at least one community.</source>
        <translation>请至少勾选一个社群。</translation>
    </message>
    <message>
        <source>Weekly plan %1.pdf</source>
        <translation>周计划 %1.pdf</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The plan could not be exported</source>
        <translation>周计划导出失败</translation>
    </message>
    <message>
        <source>The preview could not be made</source>
        <translation>无法生成预览</translation>
    </message>
    <message>
        <source>Wrote the plan for %1 (1 page) to %3.</source>
        <translation>已将 %1 的周计划（1 页）保存到 %3。</translation>
    </message>
    <message>
        <source>Wrote the plan for %1 (%2 pages) to %3.</source>
        <translation>已将 %1 的周计划（%2 页）保存到 %3。</translation>
    </message>
    <message>
        <source>Weekly plan exported</source>
        <translation>周计划已导出</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Preview of %1</source>
        <translation>%1 预览</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃成员</translation>
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
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>付费转化</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Active rate</source>
        <translation>活跃率</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Line %1: “%2” is not a day.</source>
        <translation>第 %1 行：“%2”不是日期。</translation>
    </message>
    <message>
        <source>The pasted block is longer than the table.</source>
        <translation>粘贴的内容比表格还长。</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Active members ÷ members: the share of the group that is alive.</source>
        <translation>活跃成员 ÷ 成员数：群里还活跃的人所占的比例。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>FiguresExportDialog</name>
    <message>
        <source>Export to CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>Community &amp;figures</source>
        <translation>社群数据(&amp;F)</translation>
    </message>
    <message>
        <source>Members, active members, joined, left, messages, paid conversions and revenue, one row per community and day</source>
        <translation>成员数、活跃成员、新增、退群、消息数、付费转化和收入，每个社群每天一行</translation>
    </message>
    <message>
        <source>Activity &amp;results</source>
        <translation>活动结果(&amp;R)</translation>
    </message>
    <message>
        <source>Each activity on the calendar with its goals: planned beside actual</source>
        <translation>日历上的每个活动及其目标：计划与实际并列</translation>
    </message>
    <message>
        <source>This workspace has no communities yet, so there is nothing to export. Add one with Community ▸ New community…, record its figures, then export them here.</source>
        <translation>这个工作区还没有社群，没有可导出的内容。请通过“社群 ▸ 新建社群…”添加一个，录入数据后再来这里导出。</translation>
    </message>
    <message>
        <source>Every recorded &amp;day</source>
        <translation>所有已录入的日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出内容</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Da&amp;ys</source>
        <translation>日期(&amp;Y)</translation>
    </message>
    <message>
        <source>Header &amp;language</source>
        <translation>表头语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;This community: %1</source>
        <translation>当前社群(&amp;T)：%1</translation>
    </message>
    <message>
        <source>&amp;All communities (1)</source>
        <translation>全部社群(&amp;A)（1 个）</translation>
    </message>
    <message>
        <source>&amp;All communities (%1)</source>
        <translation>全部社群(&amp;A)（%1 个）</translation>
    </message>
    <message>
        <source>all-communities</source>
        <translation>全部社群</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>results</source>
        <translation>活动结果</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>The first day is after the last day.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
    <message>
        <source>No figures recorded on these days: the file will hold the header row only, ready to fill in and import.</source>
        <translation>这些日期没有录入数据：文件只会有表头一行，可以填好后再导入。</translation>
    </message>
    <message>
        <source>1 row of figures will be written.</source>
        <translation>将写入 1 行数据。</translation>
    </message>
    <message>
        <source>%1 rows of figures (one per community and day) will be written.</source>
        <translation>将写入 %1 行数据（每个社群每天一行）。</translation>
    </message>
    <message>
        <source>No activities on these days: the file will hold the header row only.</source>
        <translation>这些日期没有活动：文件只会有表头一行。</translation>
    </message>
    <message>
        <source>1 activity will be written, planned beside actual.</source>
        <translation>将写入 1 个活动，计划与实际并列。</translation>
    </message>
    <message>
        <source>%1 activities will be written, planned beside actual.</source>
        <translation>将写入 %1 个活动，计划与实际并列。</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，没有写入文件。</translation>
    </message>
    <message>
        <source>The file could not be written</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <source>1 row of figures</source>
        <translation>1 行数据</translation>
    </message>
    <message>
        <source>%1 rows of figures</source>
        <translation>%1 行数据</translation>
    </message>
    <message>
        <source>1 activity</source>
        <translation>1 个活动</translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation>%1 个活动</translation>
    </message>
    <message>
        <source>Wrote %1 to %2.</source>
        <translation>已将 %1 写入 %2。</translation>
    </message>
</context>
<context>
    <name>FiguresImport</name>
    <message>
        <source>Import figures from CSV</source>
        <translation>从 CSV 导入数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>— Skip —</source>
        <translation>— 跳过 —</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>活跃成员</translation>
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
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Paid conversions</source>
        <translation>付费转化</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Column %1 of the file: “%2”</source>
        <translation>文件第 %1 列：“%2”</translation>
    </message>
    <message>
        <source>Line %1 of the file</source>
        <translation>文件第 %1 行</translation>
    </message>
    <message>
        <source>What column %1 holds</source>
        <translation>第 %1 列是什么数据</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list; Chinese uses 、</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Choose which column holds the date; Import stays off until one does.</source>
        <translation>请选择哪一列是日期；选好之前无法导入。</translation>
    </message>
    <message>
        <source>Choose at least one column of figures to import.</source>
        <translation>请至少选择一列要导入的数据。</translation>
    </message>
    <message>
        <source>Every row has a problem: fix the file, then import it again.</source>
        <translation>每一行都有问题：请修改文件后重新导入。</translation>
    </message>
    <message>
        <source>The file has no rows of figures to import.</source>
        <translation>文件中没有可导入的数据行。</translation>
    </message>
    <message>
        <source>%1 rows of figures: at most %2 can be imported at once. Is the date column right?</source>
        <translation>共 %1 行数据：一次最多只能导入 %2 行。日期列选对了吗？</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Import 1 row</source>
        <translation>导入 1 行(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Import %1 rows</source>
        <translation>导入 %1 行(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Import 1 good row, skip %2</source>
        <translation>导入 1 行正常数据，跳过 %2 行(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Import %1 good rows, skip %2</source>
        <translation>导入 %1 行正常数据，跳过 %2 行(&amp;I)</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>逗号分隔</translation>
    </message>
    <message>
        <source>separated by semicolons</source>
        <translation>分号分隔</translation>
    </message>
    <message>
        <source>separated by tabs</source>
        <translation>制表符分隔</translation>
    </message>
    <message>
        <source>separated by “%1”</source>
        <translation>以“%1”分隔</translation>
    </message>
    <message>
        <source>header on line %1</source>
        <translation>表头在第 %1 行</translation>
    </message>
    <message>
        <source>The file has a header but no rows below it.</source>
        <translation>文件只有表头，下面没有数据行。</translation>
    </message>
    <message>
        <source>1 row read</source>
        <translation>读取了 1 行</translation>
    </message>
    <message>
        <source>%1 rows read</source>
        <translation>读取了 %1 行</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1。</translation>
    </message>
    <message>
        <source>%1 good</source>
        <translation>%1 行正常</translation>
    </message>
    <message>
        <source>%1 with problems</source>
        <translation>%1 行有问题</translation>
    </message>
    <message>
        <source>%1 left out (totals, or no figures)</source>
        <translation>%1 行略过（合计行或没有数据）</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>1 day in the file already has figures; the file&apos;s values replace them.</source>
        <translation>文件中有 1 天已经录入过数据，将用文件中的数值替换。</translation>
    </message>
    <message>
        <source>%1 days in the file already have figures; the file&apos;s values replace them.</source>
        <translation>文件中有 %1 天已经录入过数据，将用文件中的数值替换。</translation>
    </message>
    <message>
        <source>Figures it has no column for (%1) stay as recorded.</source>
        <translation>文件中没有对应列的数据（%1）保持原样。</translation>
    </message>
    <message>
        <source>1 row has problems and will be skipped (line %2).</source>
        <translation>有 1 行存在问题，将被跳过（第 %2 行）。</translation>
    </message>
    <message>
        <source>%1 rows have problems and will be skipped (lines %2).</source>
        <translation>有 %1 行存在问题，将被跳过（第 %2 行）。</translation>
    </message>
    <message>
        <source>Import the other row into “%2”?</source>
        <translation>把另外 1 行导入“%2”吗？</translation>
    </message>
    <message>
        <source>Import the other %1 rows into “%2”?</source>
        <translation>把其余 %1 行导入“%2”吗？</translation>
    </message>
</context>
<context>
    <name>FiguresImportDialog</name>
    <message>
        <source>Import figures into “%1”</source>
        <translation>导入数据到“%1”</translation>
    </message>
    <message>
        <source>Into</source>
        <translation>导入到</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>列(&amp;C)：</translation>
    </message>
    <message>
        <source>Above each column, choose the figure it holds; dimmed columns are skipped.</source>
        <translation>在每列上方选择它对应的数据；变灰的列会被跳过。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>无法读取 %1：%2。</translation>
    </message>
    <message>
        <source>%1 cannot be read</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>Checking %1 rows…</source>
        <translation>正在检查 %1 行…</translation>
    </message>
    <message>
        <source>&amp;Problems (%1)</source>
        <translation>问题(&amp;P)（%1）</translation>
    </message>
    <message>
        <source>This workspace is open read-only, so nothing can be imported into it.</source>
        <translation>这个工作区以只读方式打开，无法导入。</translation>
    </message>
    <message>
        <source>Import 1 row</source>
        <translation>导入 1 行</translation>
    </message>
    <message>
        <source>Import %1 rows</source>
        <translation>导入 %1 行</translation>
    </message>
    <message>
        <source>Import figures</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <source>Imported the figures of 1 day into “%2”.</source>
        <translation>已将 1 天的数据导入“%2”。</translation>
    </message>
    <message>
        <source>Imported the figures of %1 days into “%2”.</source>
        <translation>已将 %1 天的数据导入“%2”。</translation>
    </message>
    <message>
        <source>The figures in the file were already recorded for “%2”.</source>
        <translation>文件中的数据之前已录入到“%2”。</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>The day whose figures you are recording</source>
        <translation>要录入数据的日期</translation>
    </message>
    <message>
        <source>&amp;Add day</source>
        <translation>添加日期(&amp;A)</translation>
    </message>
    <message>
        <source>Add a row for this day and start typing its figures (Ctrl+D)</source>
        <translation>为这一天添加一行并开始录入数据（Ctrl+D）</translation>
    </message>
    <message>
        <source>Clear days</source>
        <translation>清除日期</translation>
    </message>
    <message>
        <source>Clear the figures of the selected days (Delete)</source>
        <translation>清除所选日期的数据（Delete）</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Import figures from a spreadsheet saved as CSV, choosing its columns</source>
        <translation>从另存为 CSV 的表格导入数据，并选择各列对应的数据</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>导出 CSV(&amp;X)…</translation>
    </message>
    <message>
        <source>Save figures or activity results as CSV</source>
        <translation>把数据或活动结果保存为 CSV</translation>
    </message>
    <message>
        <source>No figures yet. Each week (or day), note what your group shows: members, active members, who joined and who left. Click Add day and type them, paste rows copied from a spreadsheet with Ctrl+V (dates in the first column), or import a CSV. The charts and the health checks read them.</source>
        <translation>还没有数据。每周（或每天）记下群里的情况：成员数、活跃成员、新增和退群人数。点击“添加日期”逐项录入，用 Ctrl+V 粘贴从表格复制的行（第一列为日期），或导入 CSV。图表和健康检查都会用到这些数据。</translation>
    </message>
    <message>
        <source>Type over a cell, Tab to the next · Ctrl+V pastes from a spreadsheet</source>
        <translation>直接在单元格中输入，按 Tab 跳到下一格 · Ctrl+V 粘贴表格中的内容</translation>
    </message>
    <message>
        <source>Clear the figures of %1?</source>
        <translation>清除 %1 的数据吗？</translation>
    </message>
    <message>
        <source>Clear the figures of %1 days (%2 to %3)?</source>
        <translation>清除 %1 天（%2 至 %3）的数据吗？</translation>
    </message>
    <message>
        <source>Clear figures</source>
        <translation>清除数据</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Cleared the figures of %1 day(s). Undo brings them back.</source>
        <translation>已清除 %1 天的数据。撤销可以恢复。</translation>
    </message>
    <message>
        <source>Pasted figures. Undo takes them back.</source>
        <translation>已粘贴数据。撤销可以取消粘贴。</translation>
    </message>
    <message>
        <source>Emptied the cells. Undo brings them back.</source>
        <translation>已清空单元格。撤销可以恢复。</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{folder}: no such folder.</source>
        <translation>{folder}：没有这个文件夹。</translation>
    </message>
    <message>
        <source>{path}: is a folder.</source>
        <translation>{path}：这是一个文件夹。</translation>
    </message>
    <message>
        <source>{path}: cannot be written ({reason}).</source>
        <translation>{path}：无法写入（{reason}）。</translation>
    </message>
</context>
<context>
    <name>Fission</name>
    <message>
        <source>Seed members</source>
        <translation>种子用户</translation>
    </message>
    <message>
        <source>Share rate</source>
        <translation>分享率</translation>
    </message>
    <message>
        <source>Invites per share</source>
        <translation>每次分享触达人数</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Waves</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Fixed cost</source>
        <translation>固定成本</translation>
    </message>
    <message>
        <source>Bait per new member</source>
        <translation>每位新成员的诱饵成本</translation>
    </message>
    <message>
        <source>Channel cost per member</source>
        <translation>其他渠道每人获客成本</translation>
    </message>
    <message>
        <source>{label}: enter a whole number.</source>
        <translation>{label}：请输入整数。</translation>
    </message>
    <message>
        <source>{label} cannot be negative.</source>
        <translation>{label}不能为负数。</translation>
    </message>
    <message>
        <source>{label}: at most {most}.</source>
        <translation>{label}：最多{most}。</translation>
    </message>
    <message>
        <source>{label}: between 1 and {most}.</source>
        <translation>{label}：须在1到{most}之间。</translation>
    </message>
    <message>
        <source>{label}: enter a number.</source>
        <translation>{label}：请输入数字。</translation>
    </message>
    <message>
        <source>{label}: between 0% and 100%.</source>
        <translation>{label}：须在0%到100%之间。</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>种子用户</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <source>Members in all</source>
        <translation>累计成员</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>将图表保存为 PNG…</translation>
    </message>
    <message>
        <source>%1 seed members</source>
        <translation>%1 个种子用户</translation>
    </message>
    <message>
        <source>Wave %1: %2 new members</source>
        <translation>第 %1 轮：新增 %2 人</translation>
    </message>
    <message>
        <source>After wave %1: %2 members in all</source>
        <translation>第 %1 轮后：累计 %2 人</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>fission.png</source>
        <translation>裂变.png</translation>
    </message>
    <message>
        <source>Saved the chart to %1.</source>
        <translation>图表已保存到 %1。</translation>
    </message>
    <message>
        <source>Could not save the chart to %1: check the folder exists and can be written.</source>
        <translation>无法把图表保存到 %1：请确认文件夹存在且可写入。</translation>
    </message>
    <message>
        <source>Some inputs are not valid</source>
        <translation>部分输入无效</translation>
    </message>
    <message>
        <source>K %1</source>
        <translation>K 值 %1</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>新增 %1 人</translation>
    </message>
    <message>
        <source>%1 a member</source>
        <translation>每人 %1</translation>
    </message>
    <message>
        <source>Sharers</source>
        <translation>分享人数</translation>
    </message>
    <message>
        <source>The members who start the campaign</source>
        <translation>发起这次裂变的成员</translation>
    </message>
    <message>
        <source>%1 expected</source>
        <translation>预计 %1</translation>
    </message>
</context>
<context>
    <name>FissionForm</name>
    <message>
        <source>Members who get the poster or the link first (wave 0)</source>
        <translation>最先拿到海报或链接的成员（第 0 轮）</translation>
    </message>
    <message>
        <source>X: of each wave&apos;s members, the share who pass the poster on</source>
        <translation>X：每轮成员中转发海报的比例</translation>
    </message>
    <message>
        <source>I &amp;know Y directly</source>
        <translation>直接填写 Y(&amp;K)</translation>
    </message>
    <message>
        <source>Give Y, the new members one share brings (from a past campaign, say), instead of the invites per share and the conversion rate</source>
        <translation>直接填写 Y，即每次分享带来的新成员数（比如来自以往的活动），而不填每次分享触达人数和转化率</translation>
    </message>
    <message>
        <source>People one share reaches</source>
        <translation>每次分享能触达的人数</translation>
    </message>
    <message>
        <source>Of the people reached, the share who join</source>
        <translation>触达的人中最终入群的比例</translation>
    </message>
    <message>
        <source>Y: new members one share brings</source>
        <translation>Y：每次分享带来的新成员数</translation>
    </message>
    <message>
        <source>Waves of sharing: the seeds share, then who they bring, …</source>
        <translation>分享的轮数：种子用户先分享，然后是他们带来的人，依此类推…</translation>
    </message>
    <message>
        <source>What the campaign costs however it goes: poster design, the bait</source>
        <translation>无论效果如何都要花的钱：海报设计、诱饵等</translation>
    </message>
    <message>
        <source>The bait paid for each new member</source>
        <translation>每个新成员对应的诱饵成本</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>What a member costs through another channel (ads, a KOL post), to compare</source>
        <translation>通过其他渠道（广告、KOL 推文）获取一个成员的成本，用来对比</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>裂变活动</translation>
    </message>
    <message>
        <source>Seed &amp;members</source>
        <translation>种子用户(&amp;M)</translation>
    </message>
    <message>
        <source>Sha&amp;re rate (X)</source>
        <translation>分享率 X(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Invites per share</source>
        <translation>每次分享触达(&amp;I)</translation>
    </message>
    <message>
        <source>Conversion ra&amp;te</source>
        <translation>转化率(&amp;T)</translation>
    </message>
    <message>
        <source>New members per share (&amp;Y)</source>
        <translation>每次分享新增 Y(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Waves</source>
        <translation>轮数(&amp;W)</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Fi&amp;xed cost</source>
        <translation>固定成本(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Bait per new member</source>
        <translation>每个新成员的诱饵成本(&amp;B)</translation>
    </message>
    <message>
        <source>Channe&amp;l cost per member</source>
        <translation>其他渠道每人成本(&amp;L)</translation>
    </message>
    <message>
        <source>Seed members</source>
        <translation>种子用户</translation>
    </message>
    <message>
        <source>Share rate</source>
        <translation>分享率</translation>
    </message>
    <message>
        <source>New members per share</source>
        <translation>每次分享新增</translation>
    </message>
    <message>
        <source>Invites per share</source>
        <translation>每次分享触达</translation>
    </message>
    <message>
        <source>Conversion rate</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Waves</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Fixed cost</source>
        <translation>固定成本</translation>
    </message>
    <message>
        <source>Bait per new member</source>
        <translation>每个新成员的诱饵成本</translation>
    </message>
    <message>
        <source>Channel cost per member</source>
        <translation>其他渠道每人成本</translation>
    </message>
</context>
<context>
    <name>FissionPanel</name>
    <message>
        <source>Saved plans</source>
        <translation>已保存的方案</translation>
    </message>
    <message>
        <source>No saved plans yet. Try the numbers above, then Save as… to keep a plan.</source>
        <translation>还没有保存的方案。先在上面试算，再点“另存为…”保存成方案。</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Keep these numbers as a plan of this community</source>
        <translation>把这组数字保存为这个社群的一个方案</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>更新(&amp;U)</translation>
    </message>
    <message>
        <source>Give the selected plan the numbers above</source>
        <translation>用上面的数字更新所选方案</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>Rename the selected plan (F2)</source>
        <translation>重命名所选方案（F2）</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete the selected plan (Delete)</source>
        <translation>删除所选方案（Delete）</translation>
    </message>
    <message>
        <source>This workspace is read-only: the calculator works, plans cannot be saved.</source>
        <translation>这个工作区是只读的：可以试算，但不能保存方案。</translation>
    </message>
    <message>
        <source>Changed since “%1” was saved: Update keeps these numbers.</source>
        <translation>与保存的“%1”不同：点“更新”保存这组数字。</translation>
    </message>
    <message>
        <source>Fission plan %1</source>
        <translation>裂变方案 %1</translation>
    </message>
    <message>
        <source>Save fission plan</source>
        <translation>保存裂变方案</translation>
    </message>
    <message>
        <source>Name of the plan:</source>
        <translation>方案名称：</translation>
    </message>
    <message>
        <source>No community is shown.</source>
        <translation>没有打开社群。</translation>
    </message>
    <message>
        <source>Saved the fission plan “%1”.</source>
        <translation>已保存裂变方案“%1”。</translation>
    </message>
    <message>
        <source>Updated the fission plan “%1”.</source>
        <translation>已更新裂变方案“%1”。</translation>
    </message>
    <message>
        <source>Renamed the fission plan “%1” to “%2”.</source>
        <translation>已将裂变方案“%1”重命名为“%2”。</translation>
    </message>
    <message>
        <source>Delete the fission plan “%1”? Edit ▸ Undo brings it back.</source>
        <translation>删除裂变方案“%1”吗？可用“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete fission plan</source>
        <translation>删除裂变方案</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted the fission plan “%1”.</source>
        <translation>已删除裂变方案“%1”。</translation>
    </message>
</context>
<context>
    <name>FissionResults</name>
    <message>
        <source>K = X × Y</source>
        <translation>K = X × Y</translation>
    </message>
    <message>
        <source>The fission coefficient: the new members each member brings in the next wave (X, the share rate, × Y, the new members one share brings)</source>
        <translation>裂变系数 K 值：每个成员在下一轮带来的新成员数（X 分享率 × Y 每次分享带来的新成员数）</translation>
    </message>
    <message>
        <source>The chart and the waves show once every input is valid.</source>
        <translation>所有输入都有效后，才会显示图表和各轮数据。</translation>
    </message>
    <message>
        <source>Fix the %1 marked inputs to see the projection.</source>
        <translation>请修正标出的 %1 项输入，以查看预测结果。</translation>
    </message>
    <message>
        <source>Fix the marked input to see the projection.</source>
        <translation>请修正标出的输入，以查看预测结果。</translation>
    </message>
    <message>
        <source>X %1% × Y %2</source>
        <translation>X %1% × Y %2</translation>
    </message>
    <message>
        <source>Above 1: self-sustaining. Each wave is larger than the last.</source>
        <translation>大于 1：能自我持续，每一轮都比上一轮多。</translation>
    </message>
    <message>
        <source>Exactly 1: each wave brings as many new members as the seeds; it grows, but never speeds up.</source>
        <translation>正好等于 1：每一轮带来的新成员和种子用户一样多；会增长，但不会加速。</translation>
    </message>
    <message>
        <source>Below 1: it dies out, topping out at about %1 new members however many waves it runs.</source>
        <translation>小于 1：会逐渐停下来，无论多少轮，最多新增约 %1 人。</translation>
    </message>
    <message>
        <source>%1 new members in 1 wave</source>
        <translation>1 轮新增 %1 人</translation>
    </message>
    <message>
        <source>%1 new members in %2 waves</source>
        <translation>%2 轮新增 %1 人</translation>
    </message>
    <message>
        <source>%1 members in all</source>
        <translation>累计 %1 人</translation>
    </message>
    <message>
        <source>Cost %1, and no one is acquired.</source>
        <translation>成本 %1，但没有获得新成员。</translation>
    </message>
    <message>
        <source>Cost %1 · %2 per member</source>
        <translation>成本 %1 · 每人 %2</translation>
    </message>
    <message>
        <source>Over a billion members by wave %1.</source>
        <translation>到第 %1 轮时超过十亿人。</translation>
    </message>
    <message>
        <source>%1 per member</source>
        <translation>每人 %1</translation>
    </message>
    <message>
        <source>From wave %1 the projection passes a billion members: no network is that large, and a fission saturates long before. The chart stops there; plan fewer waves.</source>
        <translation>从第 %1 轮起，预测人数超过十亿：没有哪个网络有这么大，裂变早在此之前就会饱和。图表只画到这里；请减少轮数。</translation>
    </message>
    <message>
        <source>Give a channel&apos;s cost per member to compare with.</source>
        <translation>填写其他渠道的每人成本，就能对比。</translation>
    </message>
    <message>
        <source>Not worth its bait: the channel brings members at %1 each.</source>
        <translation>诱饵不划算：其他渠道每人只要 %1。</translation>
    </message>
    <message>
        <source>%1 cheaper than the channel (%2 a member)</source>
        <translation>比其他渠道每人便宜 %1（渠道每人 %2）</translation>
    </message>
    <message>
        <source>%1 dearer than the channel (%2 a member): not worth its bait</source>
        <translation>比其他渠道每人贵 %1（渠道每人 %2）：诱饵不划算</translation>
    </message>
    <message>
        <source>As dear as the channel (%1 a member)</source>
        <translation>与其他渠道成本相同（每人 %1）</translation>
    </message>
</context>
<context>
    <name>FissionScenarios</name>
    <message>
        <source>A fission plan needs a name.</source>
        <translation>裂变方案需要一个名字。</translation>
    </message>
    <message>
        <source>The name is too long ({count} characters; at most {most}).</source>
        <translation>名字太长了（{count}个字符，最多{most}个）。</translation>
    </message>
    <message>
        <source>This community already has a fission plan called “{name}”.</source>
        <translation>这个社群已经有名为“{name}”的裂变方案了。</translation>
    </message>
    <message>
        <source>That fission plan no longer exists.</source>
        <translation>这个裂变方案已经不存在了。</translation>
    </message>
    <message>
        <source>That calendar item does not exist.</source>
        <translation>这个日历事项不存在。</translation>
    </message>
    <message>
        <source>“{title}” was deleted from the calendar; choose another activity.</source>
        <translation>“{title}”已从日历中删除，请选择其他活动。</translation>
    </message>
    <message>
        <source>“{title}” is on another community&apos;s calendar; choose an activity of this community.</source>
        <translation>“{title}”在其他社群的日历上，请选择本社群的活动。</translation>
    </message>
    <message>
        <source>“{title}” is content, not an activity; a fission plan is for an activity (a sharing or paid one, say).</source>
        <translation>“{title}”是内容，不是活动；裂变方案是给活动做的（比如分享活动或付费活动）。</translation>
    </message>
</context>
<context>
    <name>GoalsGrid</name>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>%1, planned</source>
        <translation>%1（计划）</translation>
    </message>
    <message>
        <source>%1, actual</source>
        <translation>%1（实际）</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Activities without results</source>
        <translation>活动没有记录结果</translation>
    </message>
    <message>
        <source>No content planned for the coming week</source>
        <translation>未来一周没有安排内容</translation>
    </message>
    <message>
        <source>The community is declining</source>
        <translation>社群在下滑</translation>
    </message>
    <message>
        <source>The stage checklist has stalled</source>
        <translation>阶段清单停滞了</translation>
    </message>
    <message>
        <source>No welcome sequence for newcomers</source>
        <translation>没有新人入群欢迎流程</translation>
    </message>
    <message>
        <source>An activity whose day has passed should have its results recorded (participants, new members, shares, conversions, revenue or cost); checked for the last {days} days.</source>
        <translation>活动日期过后，要记录它的结果（参与人数、新增成员、分享数、转化数、收入或成本）；检查最近{days}天的活动。</translation>
    </message>
    <message>
        <source>Plan at least one content item in the next {days} days, so the group always has something worth reading.</source>
        <translation>未来{days}天里至少安排一条内容，让群里一直有值得看的东西。</translation>
    </message>
    <message>
        <source>A community is declining when over the last {weeks} complete weeks more members left than joined (by at least {loss} members and {share} of the group), or when its active rate (active members / members) fell {falls} weeks in a row (by {points} points or more in all).</source>
        <translation>最近{weeks}个完整周里退群的人比新增的多（净减少至少{loss}人，且不少于全群的{share}），或活跃率（活跃成员 ÷ 成员数）连续{falls}周下降（累计至少{points}个百分点），社群就是在下滑。</translation>
    </message>
    <message>
        <source>Tick at least one checklist item every {days} days while the current stage still has open items.</source>
        <translation>当前阶段还有未完成的事项时，每{days}天至少勾掉一项。</translation>
    </message>
    <message>
        <source>Every community needs a welcome sequence: what a newcomer feels in the first 24 hours is what they still feel after 30 days.</source>
        <translation>每个社群都要有入群欢迎流程：新人入群24小时内的感受，就是他30天后的感受。</translation>
    </message>
    <message>
        <source>{items}, {item}</source>
        <translation>{items}、{item}</translation>
    </message>
    <message>
        <source>{title} ({day})</source>
        <translation>{title}（{day}）</translation>
    </message>
    <message>
        <source>{count} activity since {since} has no results: {activities}.</source>
        <translation>{since}以来，有{count}场活动没有记录结果：{activities}。</translation>
    </message>
    <message>
        <source>{count} activities since {since} have no results: {activities}.</source>
        <translation>{since}以来，有{count}场活动没有记录结果：{activities}。</translation>
    </message>
    <message>
        <source>{activities} and {more} more</source>
        <translation>{activities}，另有{more}场</translation>
    </message>
    <message>
        <source>No content starts from {first} to {last}.</source>
        <translation>{first}至{last}没有安排任何内容。</translation>
    </message>
    <message>
        <source>No content starts from {first} to {last} ({count} item was cancelled).</source>
        <translation>{first}至{last}没有安排任何内容（{count}项已取消）。</translation>
    </message>
    <message>
        <source>No content starts from {first} to {last} ({count} items were cancelled).</source>
        <translation>{first}至{last}没有安排任何内容（{count}项已取消）。</translation>
    </message>
    <message>
        <source>{left} members left and {joined} joined from {first} to {last}.</source>
        <translation>{first}至{last}，退群{left}人，新增{joined}人。</translation>
    </message>
    <message>
        <source>{rate} (W{week:02d})</source>
        <translation>{rate}（第{week:d}周）</translation>
    </message>
    <message>
        <source>{points} → {point}</source>
        <translation>{points} → {point}</translation>
    </message>
    <message>
        <source>The active rate fell {weeks} weeks in a row: {points}.</source>
        <translation>活跃率连续{weeks}周下降：{points}。</translation>
    </message>
    <message>
        <source>{members_left} {rate_fell}</source>
        <translation>{members_left}{rate_fell}</translation>
    </message>
    <message>
        <source>Nothing ticked for {days} days (last on {day})</source>
        <translation>已经{days}天没有勾掉任何事项（上次在{day}）</translation>
    </message>
    <message>
        <source>Nothing ticked since the community was created on {day}</source>
        <translation>社群{day}建立以来，还没有勾掉任何事项</translation>
    </message>
    <message>
        <source>{items} and {more} more</source>
        <translation>{items}，另有{more}项</translation>
    </message>
    <message>
        <source>{count} item of {stage} still open: {items}</source>
        <translation>“{stage}”阶段还有{count}项没完成：{items}</translation>
    </message>
    <message>
        <source>{count} items of {stage} still open: {items}</source>
        <translation>“{stage}”阶段还有{count}项没完成：{items}</translation>
    </message>
    <message>
        <source>{nothing_ticked}; {still_open}.</source>
        <translation>{nothing_ticked}；{still_open}。</translation>
    </message>
    <message>
        <source>No welcome sequence is linked; link a built-in one (such as “{example}”) or one of the workspace&apos;s own.</source>
        <translation>还没有关联入群欢迎流程；可以关联内置的（如“{example}”），或工作区自己的。</translation>
    </message>
    <message>
        <source>No welcome sequence is linked for its {count} member; link a built-in one (such as “{example}”) or one of the workspace&apos;s own.</source>
        <translation>群里已有{count}名成员，却还没有关联入群欢迎流程；可以关联内置的（如“{example}”），或工作区自己的。</translation>
    </message>
    <message>
        <source>No welcome sequence is linked for its {count} members; link a built-in one (such as “{example}”) or one of the workspace&apos;s own.</source>
        <translation>群里已有{count}名成员，却还没有关联入群欢迎流程；可以关联内置的（如“{example}”），或工作区自己的。</translation>
    </message>
    <message>
        <source>Record the results</source>
        <translation>录入结果</translation>
    </message>
    <message>
        <source>Plan content</source>
        <translation>安排内容</translation>
    </message>
    <message>
        <source>Enter this week&apos;s figures</source>
        <translation>录入本周数据</translation>
    </message>
    <message>
        <source>Open the checklist</source>
        <translation>打开清单</translation>
    </message>
    <message>
        <source>Link a welcome sequence</source>
        <translation>关联入群欢迎流程</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则：%1</translation>
    </message>
    <message>
        <source>Nothing to act on. The checks look for activities without results, a week with no content planned, a decline in the figures, a stalled checklist and a missing welcome sequence; some wait until the community has started.</source>
        <translation>暂时没有需要处理的事。检查项包括：没有结果的活动、整周没有安排内容、数据下滑、清单停滞、缺少入群欢迎流程；部分检查要等社群启动后才开始。</translation>
    </message>
    <message>
        <source>1 alert</source>
        <translation>1 个警报</translation>
    </message>
    <message>
        <source>%1 alerts</source>
        <translation>%1 个警报</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 个提醒</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 个提醒</translation>
    </message>
    <message>
        <source>no issues</source>
        <translation>没有问题</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康检查</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Hide</source>
        <translation>收起</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>展开</translation>
    </message>
    <message>
        <source>Fold the health cards away</source>
        <translation>收起健康检查卡片</translation>
    </message>
    <message>
        <source>Show the health cards</source>
        <translation>展开健康检查卡片</translation>
    </message>
</context>
<context>
    <name>Ics</name>
    <message>
        <source>No community with id {id}.</source>
        <translation>没有 ID 为 {id} 的社群。</translation>
    </message>
    <message>
        <source>“{zone}” is not a time zone.</source>
        <translation>“{zone}”不是时区。</translation>
    </message>
    <message>
        <source>another event in the file has the same UID.</source>
        <translation>文件中另一个事件的 UID 与它相同。</translation>
    </message>
    <message>
        <source>the same occurrence is changed twice in the file.</source>
        <translation>文件中同一次日程被修改了两次。</translation>
    </message>
</context>
<context>
    <name>IcsExport</name>
    <message>
        <source>No community with id {id}.</source>
        <translation>没有 ID 为 {id} 的社群。</translation>
    </message>
</context>
<context>
    <name>IcsExportJob</name>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>日历文件 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，没有写入文件。</translation>
    </message>
    <message>
        <source>The calendar could not be exported</source>
        <translation>无法导出日历</translation>
    </message>
    <message>
        <source>Exported the calendar to %1.</source>
        <translation>日历已导出到 %1。</translation>
    </message>
    <message>
        <source>Writing the calendar to %1…</source>
        <translation>正在将日历写入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>IcsImport</name>
    <message>
        <source>(No title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>{source}: {message}</source>
        <translation>{source}：{message}</translation>
    </message>
    <message>
        <source>the file is too large to be a calendar (over 50 MB).</source>
        <translation>文件太大，不像是日历文件（超过 50 MB）。</translation>
    </message>
    <message>
        <source>the file is empty; it is not an iCalendar (.ics) file.</source>
        <translation>文件是空的，不是 iCalendar (.ics) 文件。</translation>
    </message>
    <message>
        <source>not an iCalendar (.ics) file: it is not text in UTF-8.</source>
        <translation>不是 iCalendar (.ics) 文件：它不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>not an iCalendar (.ics) file: it is not text.</source>
        <translation>不是 iCalendar (.ics) 文件：它不是文本。</translation>
    </message>
    <message>
        <source>the calendar cannot be read ({detail}).</source>
        <translation>无法读取这个日历（{detail}）。</translation>
    </message>
    <message>
        <source>not an iCalendar (.ics) file (it does not begin with BEGIN:VCALENDAR).</source>
        <translation>不是 iCalendar (.ics) 文件（开头不是 BEGIN:VCALENDAR）。</translation>
    </message>
    <message>
        <source>not an iCalendar (.ics) file (line 1 is indented).</source>
        <translation>不是 iCalendar (.ics) 文件（第 1 行有缩进）。</translation>
    </message>
    <message>
        <source>line {number} is not an iCalendar line: “{line}”.</source>
        <translation>第 {number} 行不是 iCalendar 格式的行：“{line}”。</translation>
    </message>
    <message>
        <source>line {number} comes after END:VCALENDAR.</source>
        <translation>第 {number} 行出现在 END:VCALENDAR 之后。</translation>
    </message>
    <message>
        <source>line {number}: END:{end} does not close BEGIN:{begin}.</source>
        <translation>第 {number} 行：END:{end} 与 BEGIN:{begin} 不匹配。</translation>
    </message>
    <message>
        <source>not an iCalendar (.ics) file (it has no BEGIN:VCALENDAR).</source>
        <translation>不是 iCalendar (.ics) 文件（没有 BEGIN:VCALENDAR）。</translation>
    </message>
    <message>
        <source>the file ends before END:{end}; it may have been cut short.</source>
        <translation>文件在 END:{end} 之前就结束了，可能不完整。</translation>
    </message>
    <message>
        <source>its {name} is not a date or time.</source>
        <translation>它的{name}不是日期或时间。</translation>
    </message>
    <message>
        <source>cannot import the event “{name}” ({day}): {reason} Nothing was imported.</source>
        <translation>无法导入事件“{name}”（{day}）：{reason}没有导入任何内容。</translation>
    </message>
    <message>
        <source>cannot import the event “{name}”: {reason} Nothing was imported.</source>
        <translation>无法导入事件“{name}”：{reason}没有导入任何内容。</translation>
    </message>
    <message>
        <source>its {name} cannot be read ({detail}).</source>
        <translation>无法读取它的 {name}（{detail}）。</translation>
    </message>
    <message>
        <source>one of its lines cannot be read ({detail}).</source>
        <translation>它有一行无法读取（{detail}）。</translation>
    </message>
    <message>
        <source>it has no start (DTSTART).</source>
        <translation>它没有开始时间（DTSTART）。</translation>
    </message>
    <message>
        <source>start (DTSTART)</source>
        <translation>开始时间（DTSTART）</translation>
    </message>
    <message>
        <source>end (DTEND)</source>
        <translation>结束时间（DTEND）</translation>
    </message>
    <message>
        <source>its start and end are not both dates or both times.</source>
        <translation>它的开始和结束不是同为日期或同为时间。</translation>
    </message>
    <message>
        <source>its DURATION is not a duration.</source>
        <translation>它的 DURATION 不是有效的时长。</translation>
    </message>
    <message>
        <source>it ends before it starts.</source>
        <translation>它的结束早于开始。</translation>
    </message>
    <message>
        <source>it has more than one repeat rule (RRULE), which is not supported.</source>
        <translation>它有不止一条重复规则（RRULE），暂不支持。</translation>
    </message>
    <message>
        <source>EXDATE</source>
        <translation>排除日期（EXDATE）</translation>
    </message>
    <message>
        <source>it has more than one RECURRENCE-ID.</source>
        <translation>它有不止一个 RECURRENCE-ID。</translation>
    </message>
    <message>
        <source>changes to an occurrence “and all following” are not supported.</source>
        <translation>不支持对“此次及以后所有”日程的修改。</translation>
    </message>
    <message>
        <source>RECURRENCE-ID</source>
        <translation>原始时间（RECURRENCE-ID）</translation>
    </message>
    <message>
        <source>repeating events with extra dates (RDATE) are not supported.</source>
        <translation>不支持带额外日期（RDATE）的重复事件。</translation>
    </message>
    <message>
        <source>repeating events with EXRULE are not supported.</source>
        <translation>不支持带 EXRULE 的重复事件。</translation>
    </message>
    <message>
        <source>its repeat rule ends on “{value}”, which is not a date.</source>
        <translation>它的重复规则结束于“{value}”，这不是日期。</translation>
    </message>
    <message>
        <source>its repeat rule is not supported ({reason}).</source>
        <translation>不支持它的重复规则：{reason}</translation>
    </message>
    <message>
        <source>its repeat rule “{rule}” cannot be read.</source>
        <translation>无法读取它的重复规则“{rule}”。</translation>
    </message>
    <message>
        <source>its repeat rule “{rule}” would repeat differently here (weeks start on Monday in Community Planner).</source>
        <translation>它的重复规则“{rule}”在这里的重复方式会不一样（Community Planner 中每周从星期一开始）。</translation>
    </message>
    <message>
        <source>its {property} is not valid ({reason}).</source>
        <translation>它的 {property} 无效：{reason}</translation>
    </message>
</context>
<context>
    <name>IcsImportJob</name>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何内容。</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2).</source>
        <translation>%1：无法读取（%2）。</translation>
    </message>
    <message>
        <source>The calendar could not be imported</source>
        <translation>无法导入日历</translation>
    </message>
    <message>
        <source>Imported %1 new, %2 updated, %3 unchanged events from %4.</source>
        <translation>已从 %4 导入日程：新增 %1 条，更新 %2 条，%3 条未变。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation>导入日历</translation>
    </message>
</context>
<context>
    <name>IcsZones</name>
    <message>
        <source>it uses the time zone “{zone}”, which the file does not define.</source>
        <translation>它使用了时区“{zone}”，但文件中没有定义这个时区。</translation>
    </message>
    <message>
        <source>the time zone “{zone}” in the file cannot be read.</source>
        <translation>无法读取文件中的时区“{zone}”。</translation>
    </message>
</context>
<context>
    <name>Incoming</name>
    <message>
        <source>a {table} record points to a {parent} record that is not there</source>
        <translation>一条 {table} 记录指向了一条不存在的 {parent} 记录</translation>
    </message>
    <message>
        <source>it uses schema {version} and could not be read as schema {ours}: {reason}</source>
        <translation>它使用 schema {version}，无法按 schema {ours} 读取：{reason}</translation>
    </message>
</context>
<context>
    <name>IsoWeek</name>
    <message>
        <source>{year} is not a year this plan can show ({years}).</source>
        <translation>计划无法显示 {year} 年（只能显示 {years} 年）。</translation>
    </message>
    <message>
        <source>{year} has no week {week} (its weeks run W01–W{last}).</source>
        <translation>{year} 年没有第 {week} 周（这一年的周是 W01–W{last}）。</translation>
    </message>
    <message>
        <source>That week is out of range.</source>
        <translation>这一周超出了范围。</translation>
    </message>
    <message>
        <source>Give a week such as 2026-W48.</source>
        <translation>请填写一个周，例如 2026-W48。</translation>
    </message>
    <message>
        <source>“{text}” is not a week; write it like 2026-W48.</source>
        <translation>“{text}”不是周；请写成 2026-W48 的形式。</translation>
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
        <translation>新建日程</translation>
    </message>
    <message>
        <source>Edit item</source>
        <translation>编辑日程</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>Who prepares and runs it</source>
        <translation>谁来准备和执行</translation>
    </message>
    <message>
        <source>e.g. Morning digest, Live class: Growth 101</source>
        <translation>例如：每日早报、直播课：增长入门</translation>
    </message>
    <message>
        <source>e.g. Ms Li, a member who presents</source>
        <translation>例如：李老师、来分享的成员</translation>
    </message>
    <message>
        <source>e.g. the WeChat group, Zoom, a café</source>
        <translation>例如：微信群、腾讯会议、某家咖啡馆</translation>
    </message>
    <message>
        <source>Running order, materials, what to post, how to invite members</source>
        <translation>流程安排、所需物料、要发的内容、怎么邀请成员</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>社群(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>类型(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Guest / speaker</source>
        <translation>嘉宾 / 主讲(&amp;G)</translation>
    </message>
    <message>
        <source>P&amp;latform / location</source>
        <translation>平台 / 地点(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation>全天(&amp;A)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Sta&amp;rt</source>
        <translation>开始(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <source>Goals and res&amp;ults</source>
        <translation>目标与结果(&amp;U)</translation>
    </message>
    <message>
        <source>Show or hide planned and actual results</source>
        <translation>显示或隐藏计划与实际结果</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save and close (Ctrl+Return)</source>
        <translation>保存并关闭（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Times are in %1</source>
        <translation>时间按 %1 时区</translation>
    </message>
    <message>
        <source>%1 of 12 set · planned vs actual</source>
        <translation>已填 %1/12 项 · 计划对比实际</translation>
    </message>
    <message>
        <source>Planned vs actual; leave empty what you do not track</source>
        <translation>计划对比实际；不统计的项留空即可</translation>
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
        <translation>清单库</translation>
    </message>
    <message>
        <source>New communities get their checklist from this library. Communities that already have a checklist keep it: a community&apos;s checklist offers &lt;b&gt;Add … from the library&lt;/b&gt; to bring in what you add here.</source>
        <translation>新社群的清单来自这个清单库。已有清单的社群保留原清单：社群清单上的&lt;b&gt;从清单库添加…&lt;/b&gt;可以把你在这里新增的事项带过去。</translation>
    </message>
    <message>
        <source>This workspace is open read-only: you can look at the library, not change it.</source>
        <translation>这个工作区以只读方式打开：可以查看清单库，但不能修改。</translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation>添加事项(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Use built-in &amp;wording</source>
        <translation>使用内置文字(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>Put &amp;back</source>
        <translation>放回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Show removed built-in items</source>
        <translation>显示已移除的内置事项(&amp;S)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>The newest undone change, %1, is not in the library: redo it in the main window (Edit ▸ Redo).</source>
        <translation>最近撤销的修改（%1）不属于清单库：请在主窗口中用“编辑 ▸ 重做”重做。</translation>
    </message>
    <message>
        <source>The newest change, %1, is not in the library: undo it in the main window (Edit ▸ Undo).</source>
        <translation>最近的修改（%1）不属于清单库：请在主窗口中用“编辑 ▸ 撤销”撤销。</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <source>Select an item to edit or remove it, or add one to this stage.</source>
        <translation>选择一项来编辑或移除，也可以在这个阶段添加新事项。</translation>
    </message>
    <message>
        <source>Remove “%1” from the library? New communities will not get it; checklists that have it keep it. You can put it back with “Show removed built-in items”.</source>
        <translation>从清单库中移除“%1”？新社群将不会有这一项；已有这一项的清单会保留它。可以通过“显示已移除的内置事项”把它放回。</translation>
    </message>
    <message>
        <source>Remove “%1” from the library? New communities will not get it; checklists that have it keep it. Undo with Ctrl+Z.</source>
        <translation>从清单库中移除“%1”？新社群将不会有这一项；已有这一项的清单会保留它。可按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Remove from the library</source>
        <translation>从清单库移除</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Redid %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>Undid %1</source>
        <translation>已撤销：%1</translation>
    </message>
</context>
<context>
    <name>LibraryItemDialog</name>
    <message>
        <source>Edit library item</source>
        <translation>编辑清单库事项</translation>
    </message>
    <message>
        <source>Add library item</source>
        <translation>添加清单库事项</translation>
    </message>
    <message>
        <source>What to do, e.g. “Write the group rules”</source>
        <translation>要做什么，例如“写好群规”</translation>
    </message>
    <message>
        <source>Why it matters, in one line</source>
        <translation>为什么重要，一句话说明</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>阶段(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>事项(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Why it matters</source>
        <translation>为什么重要(&amp;W)</translation>
    </message>
    <message>
        <source>Built-in wording: “%1”. Leave a field empty to go back to it.</source>
        <translation>内置文字：“%1”。留空即可恢复为内置文字。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>为什么重要</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <source>Built-in, removed</source>
        <translation>内置，已移除</translation>
    </message>
    <message>
        <source>Added here</source>
        <translation>在此添加</translation>
    </message>
    <message>
        <source>Built-in, reworded</source>
        <translation>内置，已改写</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Community Planner workspace (*.cplan);;All files (*)</source>
        <translation>Community Planner 工作区 (*.cplan);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>日历文件 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>This workspace is open read-only: you can look around, but changes cannot be saved. Copy the file somewhere you can write to in order to edit it.</source>
        <translation>这个工作区以只读方式打开：可以随便看看，但改动无法保存。如需编辑，请把文件复制到有写入权限的位置。</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open the &amp;sample workspace</source>
        <translation>打开示例工作区(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import calendar (ICS)…</source>
        <translation>导入日历 (ICS)(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export calendar (ICS)…</source>
        <translation>导出日历 (ICS)(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;week as PDF…</source>
        <translation>导出周计划 PDF(&amp;W)…</translation>
    </message>
    <message>
        <source>Import &amp;figures (CSV)…</source>
        <translation>导入数据 (CSV)(&amp;F)…</translation>
    </message>
    <message>
        <source>Export figures and &amp;results (CSV)…</source>
        <translation>导出数据和结果 (CSV)(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Share a copy…</source>
        <translation>共享副本(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Merge from teammate&apos;s file…</source>
        <translation>合并同事的文件(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find community</source>
        <translation>查找社群(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;New community…</source>
        <translation>新建社群(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation>保存修改(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Move to trash</source>
        <translation>移到回收站(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>Checklist &amp;library…</source>
        <translation>清单库(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Replicate community…</source>
        <translation>复制社群(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>数据(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ission calculator</source>
        <translation>裂变计算器(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>周(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>日程(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Communities</source>
        <translation>社群(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>总览(&amp;O)</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>Go to &amp;today</source>
        <translation>回到今天(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Go to date…</source>
        <translation>跳到日期(&amp;G)…</translation>
    </message>
    <message>
        <source>New calendar &amp;item…</source>
        <translation>新建日程(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;About Community Planner</source>
        <translation>关于 Community Planner(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>C&amp;alendar</source>
        <translation>日历(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>社群(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Upgraded this workspace to the current format; the old file was kept as %1</source>
        <translation>已将这个工作区升级到当前格式，旧文件保留为 %1</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Move “%1” to the trash? You can restore it from the trash, or undo with Ctrl+Z.</source>
        <translation>把“%1”移到回收站？之后可以从回收站恢复，也可以用 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Moved “%1” to the trash.</source>
        <translation>已把“%1”移到回收站。</translation>
    </message>
    <message>
        <source>Undid %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <source>Redid %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <source>Exported the weekly plan to %1.</source>
        <translation>周计划已导出到 %1。</translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation>导入日历</translation>
    </message>
    <message>
        <source>Add the events of %1 to which community?</source>
        <translation>把 %1 里的日程添加到哪个社群？</translation>
    </message>
    <message>
        <source>“%1” has changes that cannot be saved yet; fix the fields marked in red or choose Revert.</source>
        <translation>“%1”有暂时无法保存的修改：请改正标红的字段，或选择“还原”。</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>&amp;Undo Typing</source>
        <translation>撤销输入(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销：%1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做：%1(&amp;R)</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>没有最近打开的工作区</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>About Community Planner</source>
        <translation>关于 Community Planner</translation>
    </message>
    <message>
        <source>&lt;b&gt;Community Planner %1&lt;/b&gt;&lt;p&gt;Plan, run and replicate online communities.&lt;/p&gt;&lt;p&gt;Log file: %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Community Planner %1&lt;/b&gt;&lt;p&gt;规划、运营和复制线上社群。&lt;/p&gt;&lt;p&gt;日志文件：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Some changes could not be saved: %1 Quit and lose them?</source>
        <translation>有些更改未能保存：%1 仍要退出并放弃这些更改吗？</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Some changes cannot be saved because fields are invalid. Quit and lose them?</source>
        <translation>有些字段填写有误，部分修改无法保存。仍要退出并放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Quit without saving</source>
        <translation>不保存，退出</translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message>
        <source>1 member</source>
        <translation>1 名成员</translation>
    </message>
    <message>
        <source>{count} members</source>
        <translation>{count} 名成员</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>已选</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>未选</translation>
    </message>
    <message>
        <source>%1, %2: %3 (%4)</source>
        <translation>%1，%2：%3（%4）</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Calendar item</source>
        <translation>日历事项</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Checklist library item</source>
        <translation>清单库事项</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>Template in use</source>
        <translation>使用中的模板</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Calendar items</source>
        <translation>日历事项</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Checklist library</source>
        <translation>清单库</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>Templates in use</source>
        <translation>使用中的模板</translation>
    </message>
    <message>
        <source>In the trash</source>
        <translation>在回收站中</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Common interest</source>
        <translation>共同兴趣</translation>
    </message>
    <message>
        <source>Value to members</source>
        <translation>给成员的价值</translation>
    </message>
    <message>
        <source>Differentiation</source>
        <translation>差异化</translation>
    </message>
    <message>
        <source>Built around</source>
        <translation>核心依托</translation>
    </message>
    <message>
        <source>Divided by</source>
        <translation>分层依据</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分人群</translation>
    </message>
    <message>
        <source>Joining principles</source>
        <translation>入群原则</translation>
    </message>
    <message>
        <source>Management norms</source>
        <translation>群规</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>群主</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Skipped dates</source>
        <translation>跳过的日期</translation>
    </message>
    <message>
        <source>Last occurrence ends</source>
        <translation>最后一次结束于</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>系列</translation>
    </message>
    <message>
        <source>Original start</source>
        <translation>原定开始时间</translation>
    </message>
    <message>
        <source>Calendar UID</source>
        <translation>日历 UID</translation>
    </message>
    <message>
        <source>Planned participants</source>
        <translation>计划参与人数</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <source>Planned new members</source>
        <translation>计划新增成员</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新增成员</translation>
    </message>
    <message>
        <source>Planned shares</source>
        <translation>计划分享数</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>分享数</translation>
    </message>
    <message>
        <source>Planned conversions</source>
        <translation>计划转化数</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化数</translation>
    </message>
    <message>
        <source>Planned revenue</source>
        <translation>计划收入</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Planned cost</source>
        <translation>计划成本</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Library key</source>
        <translation>清单库编号</translation>
    </message>
    <message>
        <source>Why it matters</source>
        <translation>为什么重要</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <source>From the library</source>
        <translation>来自清单库</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>a community not in this workspace</source>
        <translation>不在这个工作区中的社群</translation>
    </message>
    <message>
        <source>a template not in this workspace</source>
        <translation>不在这个工作区中的模板</translation>
    </message>
    <message>
        <source>deleted on your side</source>
        <translation>你这边已删除</translation>
    </message>
    <message>
        <source>deleted on their side</source>
        <translation>对方已删除</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>部分采用</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>海报</translation>
    </message>
    <message>
        <source>Welcome sequence</source>
        <translation>入群欢迎流程</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>+%1 min: %2</source>
        <translation>+%1 分钟：%2</translation>
    </message>
</context>
<context>
    <name>MergeApply</name>
    <message>
        <source>No conflict {conflict} in this merge.</source>
        <translation>这次合并中没有冲突 {conflict}。</translation>
    </message>
    <message>
        <source>{name} could not be merged ({reason}); nothing was changed.</source>
        <translation>无法合并 {name}（{reason}），没有改动任何内容。</translation>
    </message>
    <message>
        <source>The workspace changed while the merge was being prepared; nothing was changed. Merge the file again.</source>
        <translation>准备合并期间工作区发生了变化，没有改动任何内容。请重新合并这个文件。</translation>
    </message>
    <message>
        <source>“{field}” is not a field in conflict.</source>
        <translation>“{field}”不是有冲突的字段。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Your teammate</source>
        <translation>你的同事</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 和 %2</translation>
    </message>
    <message>
        <source>%1 and %2 others</source>
        <translation>%1 和另外 %2 人</translation>
    </message>
    <message>
        <source>Merge “%1”</source>
        <translation>合并“%1”</translation>
    </message>
    <message>
        <source>These records were changed in both copies since they last met, and the app cannot tell which of you changed each field, so every field that differs is shown. Until you choose, your version is kept. Choose per field with a click, Space, or ← (mine) and → (theirs).</source>
        <translation>这些记录自上次同步以来在两份副本中都被修改过，应用无法判断每个字段是谁改的，所以列出了所有不同的字段。在你做出选择之前，保留你的版本。可以逐个字段选择：点击、按空格键，或按 ←（我的）和 →（对方的）。</translation>
    </message>
    <message>
        <source>This file shares no records with your workspace: it is not a copy of it. Merging adds everything in it beside what you have. Cancel unless that is what you want.</source>
        <translation>这个文件和你的工作区没有任何共同记录：它不是你工作区的副本。合并会把其中的全部内容添加到你现有的内容旁边。除非你确实想这样做，否则请取消。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>All m&amp;ine</source>
        <translation>全部用我的(&amp;I)</translation>
    </message>
    <message>
        <source>Keep your version of every record</source>
        <translation>所有记录都保留你的版本</translation>
    </message>
    <message>
        <source>All t&amp;heirs</source>
        <translation>全部用对方的(&amp;H)</translation>
    </message>
    <message>
        <source>Take their version of every record</source>
        <translation>所有记录都采用对方的版本</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>保留我的(&amp;K)</translation>
    </message>
    <message>
        <source>Keep your version of this record</source>
        <translation>这条记录保留你的版本</translation>
    </message>
    <message>
        <source>&amp;Take theirs</source>
        <translation>采用对方的(&amp;T)</translation>
    </message>
    <message>
        <source>Take their version of this record</source>
        <translation>这条记录采用对方的版本</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>新增 %1 条</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>修改 %1 条</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>删除 %1 条</translation>
    </message>
    <message>
        <source>1 record changed on both sides</source>
        <translation>1 条记录双方都改过</translation>
    </message>
    <message>
        <source>%1 records changed on both sides</source>
        <translation>%1 条记录双方都改过</translation>
    </message>
    <message>
        <source>%1&apos;s copy brings nothing new: you already have everything in it.</source>
        <translation>%1 的副本没有新内容：其中的一切你都已经有了。</translation>
    </message>
    <message>
        <source>%1&apos;s copy brings %2</source>
        <translation>%1 的副本带来：%2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>，</translation>
    </message>
    <message>
        <source>%1 on both sides</source>
        <translation>%1 条双方都改过</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
    </message>
    <message>
        <source>Choose a record on the left</source>
        <translation>在左侧选择一条记录</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>对方的</translation>
    </message>
    <message>
        <source>%1 — mine</source>
        <translation>%1 — 我的</translation>
    </message>
    <message>
        <source>%1 — theirs</source>
        <translation>%1 — 对方的</translation>
    </message>
    <message>
        <source>&amp;Changed on both sides (%1) · %2 taking theirs</source>
        <translation>双方都改过（%1）· %2 条采用对方的(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Changed on both sides (%1)</source>
        <translation>双方都改过（%1）(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MergeFile</name>
    <message>
        <source>{name} is this workspace itself; choose a teammate&apos;s copy.</source>
        <translation>{name} 就是这个工作区本身；请选择同事发来的副本。</translation>
    </message>
    <message>
        <source>Could not write a backup before merging ({reason}); nothing was changed.</source>
        <translation>合并前无法写入备份（{reason}），没有改动任何内容。</translation>
    </message>
    <message>
        <source>{count} added</source>
        <translation>新增 {count} 项</translation>
    </message>
    <message>
        <source>{count} changed</source>
        <translation>修改 {count} 项</translation>
    </message>
    <message>
        <source>{count} deleted</source>
        <translation>删除 {count} 项</translation>
    </message>
    <message>
        <source>{count} conflict resolved</source>
        <translation>解决 {count} 处冲突</translation>
    </message>
    <message>
        <source>{count} conflicts resolved</source>
        <translation>解决 {count} 处冲突</translation>
    </message>
    <message>
        <source>{count} conflict</source>
        <translation>{count} 处冲突</translation>
    </message>
    <message>
        <source>{count} conflicts</source>
        <translation>{count} 处冲突</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>没有新内容</translation>
    </message>
    <message>
        <source>{list}, {item}</source>
        <translation>{list}，{item}</translation>
    </message>
</context>
<context>
    <name>MessageCard</name>
    <message>
        <source>Send after</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>after joining</source>
        <translation>后（从入群算起）</translation>
    </message>
    <message>
        <source>Send this text earlier (the times stay)</source>
        <translation>提前发送这段文字（时间不变）</translation>
    </message>
    <message>
        <source>Send this text later (the times stay)</source>
        <translation>推后发送这段文字（时间不变）</translation>
    </message>
    <message>
        <source>Remove this message</source>
        <translation>删除这条消息</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy this message, filled in for the community, to paste into the group</source>
        <translation>复制这条已按社群填好的消息，粘贴到群里</translation>
    </message>
    <message>
        <source>Message %1 of %2</source>
        <translation>第 %1 条，共 %2 条</translation>
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
    <name>Metrics</name>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>活跃成员</translation>
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
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Paid conversions</source>
        <translation>付费转化</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>Cannot be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>More active members than members.</source>
        <translation>活跃成员比成员数还多。</translation>
    </message>
    <message>
        <source>Choose a day between 2000 and 2099.</source>
        <translation>请选择2000年到2099年之间的日期。</translation>
    </message>
    <message>
        <source>The same day appears twice.</source>
        <translation>同一天出现了两次。</translation>
    </message>
    <message>
        <source>{day}, {figure}: {problem}</source>
        <translation>{day}，{figure}：{problem}</translation>
    </message>
    <message>
        <source>{day}: {problem}</source>
        <translation>{day}：{problem}</translation>
    </message>
</context>
<context>
    <name>MetricsCsv</name>
    <message>
        <source>column {number}</source>
        <translation>第{number}列</translation>
    </message>
    <message>
        <source>{file}: {problem}</source>
        <translation>{file}：{problem}</translation>
    </message>
    <message>
        <source>this is an Excel workbook, not a CSV file; in Excel choose Save As &gt; CSV UTF-8 and import that file.</source>
        <translation>这是 Excel 工作簿，不是 CSV 文件；请在 Excel 里选择“另存为 &gt; CSV UTF-8”，再导入那个文件。</translation>
    </message>
    <message>
        <source>the file starts like {encoding} text but is not; save it again as CSV UTF-8.</source>
        <translation>文件开头像是{encoding}文本，但其实不是；请重新另存为 CSV UTF-8。</translation>
    </message>
    <message>
        <source>not a CSV file: it is not text in UTF-8 or GBK. Save the spreadsheet as CSV UTF-8 and import that file.</source>
        <translation>不是 CSV 文件：内容不是 UTF-8 或 GBK 编码的文本。请把表格另存为 CSV UTF-8，再导入那个文件。</translation>
    </message>
    <message>
        <source>the file is too large for a table of figures (over {size} MB).</source>
        <translation>文件太大，不像是一张数据表（超过{size} MB）。</translation>
    </message>
    <message>
        <source>not a CSV file: it is not text.</source>
        <translation>不是 CSV 文件：内容不是文本。</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>line {line} cannot be read ({reason}).</source>
        <translation>第{line}行无法读取（{reason}）。</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>第{line}行：{problem}</translation>
    </message>
    <message>
        <source>{count} row ready to import</source>
        <translation>{count}行可以导入</translation>
    </message>
    <message>
        <source>{count} rows ready to import</source>
        <translation>{count}行可以导入</translation>
    </message>
    <message>
        <source>{count} row has problems</source>
        <translation>{count}行有问题</translation>
    </message>
    <message>
        <source>{count} rows have problems</source>
        <translation>{count}行有问题</translation>
    </message>
    <message>
        <source>{count} row skipped</source>
        <translation>跳过{count}行</translation>
    </message>
    <message>
        <source>{count} rows skipped</source>
        <translation>跳过{count}行</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}。</translation>
    </message>
    <message>
        <source>{first}; {then}</source>
        <translation>{first}；{then}</translation>
    </message>
    <message>
        <source>is a percentage, not an amount</source>
        <translation>是百分比，不是金额</translation>
    </message>
    <message>
        <source>is a percentage, not a count</source>
        <translation>是百分比，不是数量</translation>
    </message>
    <message>
        <source>is not an amount</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <source>is too large to be a count</source>
        <translation>太大了，不可能是数量</translation>
    </message>
    <message>
        <source>is too large to be an amount</source>
        <translation>太大了，不可能是金额</translation>
    </message>
    <message>
        <source>“{text}” {problem}.</source>
        <translation>“{text}”{problem}。</translation>
    </message>
    <message>
        <source>is not a date (no such day)</source>
        <translation>不是日期（没有这一天）</translation>
    </message>
    <message>
        <source>could be day/month or month/day; write it as year-month-day (2026-11-23)</source>
        <translation>既可能是“日/月”，也可能是“月/日”；请写成“年-月-日”（2026-11-23）</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>不是日期</translation>
    </message>
    <message>
        <source>has no year; write it as 2026-11-23</source>
        <translation>没有年份，请按 2026-11-23 的格式填写</translation>
    </message>
    <message>
        <source>is not a date; write it as 2026-11-23</source>
        <translation>不是日期，请按 2026-11-23 的格式填写</translation>
    </message>
    <message>
        <source>No column holds the date; choose which column has the day.</source>
        <translation>没有哪一列是日期，请选择日期所在的列。</translation>
    </message>
    <message>
        <source>No column holds figures; choose at least one column to import.</source>
        <translation>没有哪一列是数据，请至少选择一列来导入。</translation>
    </message>
    <message>
        <source>The column “{column}” is chosen for two figures; choose one for each.</source>
        <translation>“{column}”这一列被选给了两项数据；每项数据请各选一列。</translation>
    </message>
    <message>
        <source>“{text}” in {column} {problem}.</source>
        <translation>{column}中的“{text}”{problem}。</translation>
    </message>
    <message>
        <source>it has {cells} cells but the header has {columns} columns (a number with a comma that is not in quotes?).</source>
        <translation>这一行有{cells}个单元格，但表头只有{columns}列（是不是有带逗号的数字没加引号？）。</translation>
    </message>
    <message>
        <source>no date.</source>
        <translation>没有日期。</translation>
    </message>
    <message>
        <source>the note in {column} is too long.</source>
        <translation>{column}中的备注太长了。</translation>
    </message>
    <message>
        <source>{column}: {problem}</source>
        <translation>{column}：{problem}</translation>
    </message>
    <message>
        <source>{day} is already on line {line}.</source>
        <translation>{day}已经出现在第{line}行。</translation>
    </message>
    <message>
        <source>{count} row of the file has problems ({problem}); nothing was imported. Fix them, or import the other rows only.</source>
        <translation>文件中有{count}行有问题（{problem}），所以什么都没有导入。请修正这些行，或者只导入其他行。</translation>
    </message>
    <message>
        <source>{count} rows of the file have problems ({problem}); nothing was imported. Fix them, or import the other rows only.</source>
        <translation>文件中有{count}行有问题（{problem}），所以什么都没有导入。请修正这些行，或者只导入其他行。</translation>
    </message>
    <message>
        <source>The file has no rows of figures to import; nothing was imported.</source>
        <translation>文件中没有可导入的数据行，什么都没有导入。</translation>
    </message>
    <message>
        <source>The file has {rows} rows of figures; at most {most} can be imported at once. Is the right column chosen for the date?</source>
        <translation>文件中有{rows}行数据，一次最多只能导入{most}行。日期列选对了吗？</translation>
    </message>
    <message>
        <source>line {line}: {problem} (with the figures already recorded for {day}); nothing was imported.</source>
        <translation>第{line}行：{problem}（结合{day}已记录的数据），什么都没有导入。</translation>
    </message>
    <message>
        <source>{problem} Nothing was imported.</source>
        <translation>{problem}什么都没有导入。</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>W%1</source>
        <translation>第%1周</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+%1 more</source>
        <translation>还有 %1 项</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>NewCommunityDialog</name>
    <message>
        <source>New community</source>
        <translation>新建社群</translation>
    </message>
    <message>
        <source>e.g. Notion Users Group</source>
        <translation>例如：Notion 中文用户群</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>平台(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>阶段(&amp;T)</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Needs attention first</source>
        <translation>需要关注的优先</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Stage on the path</source>
        <translation>所处阶段</translation>
    </message>
    <message>
        <source>Least progress first</source>
        <translation>进度最少的优先</translation>
    </message>
    <message>
        <source>Next due date</source>
        <translation>下一个到期日</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>明天到期</translation>
    </message>
    <message>
        <source>due in %1 days</source>
        <translation>%1 天后到期</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>已逾期 1 天</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Nothing scheduled. Next in %1:</source>
        <translation>没有安排日期的事项。“%1”阶段接下来：</translation>
    </message>
    <message>
        <source>Nothing else scheduled. Next in %1:</source>
        <translation>没有其他安排日期的事项。“%1”阶段接下来：</translation>
    </message>
    <message>
        <source>No checklist items.</source>
        <translation>没有清单事项。</translation>
    </message>
    <message>
        <source>Nothing else scheduled.</source>
        <translation>没有其他安排日期的事项。</translation>
    </message>
    <message>
        <source>Every item of %1 is done.</source>
        <translation>“%1”阶段的事项已全部完成。</translation>
    </message>
    <message>
        <source>Nothing open in %1.</source>
        <translation>“%1”阶段没有未完成的事项。</translation>
    </message>
    <message>
        <source>Nothing overdue</source>
        <translation>没有逾期事项</translation>
    </message>
    <message>
        <source>1 overdue</source>
        <translation>1 项逾期</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 项逾期</translation>
    </message>
    <message>
        <source>%1 overdue (%2 more not shown)</source>
        <translation>%1 项逾期（另有 %2 项未显示）</translation>
    </message>
    <message>
        <source>No checklist items</source>
        <translation>没有清单事项</translation>
    </message>
    <message>
        <source>%1 of %2 done (%3%)</source>
        <translation>已完成 %1/%2（%3%）</translation>
    </message>
    <message>
        <source>Ready for %1</source>
        <translation>可进入“%1”</translation>
    </message>
    <message>
        <source>Community and stage</source>
        <translation>社群与阶段</translation>
    </message>
    <message>
        <source>Checklist progress</source>
        <translation>清单进度</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下一个到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Every item of %1 is done: open the community to move it to %2.</source>
        <translation>“%1”阶段的事项已全部完成：打开社群，把它推进到“%2”。</translation>
    </message>
</context>
<context>
    <name>OverviewDelegate</name>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1/%2</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1：%2/%3</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>总览</translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation>排序(&amp;S)</translation>
    </message>
    <message>
        <source>No communities yet. Create one with Community ▸ New community…: each gets a checklist for the path build → structure → output → operate → replicate, and shows here with its progress and what is due.</source>
        <translation>还没有社群。用“社群 ▸ 新建社群…”创建一个：每个社群都有一份清单，覆盖 建群 → 搭架构 → 做输出 → 做运营 → 做复制 的路径，并会在这里显示进度和到期事项。</translation>
    </message>
    <message>
        <source>Click an item (or press the Menu key) to open it on its checklist; double-click a community (or press Enter) to open its page.</source>
        <translation>点击事项（或按菜单键）在清单中打开它；双击社群（或按 Enter 键）打开社群页面。</translation>
    </message>
    <message>
        <source>1 community</source>
        <translation>1 个社群</translation>
    </message>
    <message>
        <source>%1 communities</source>
        <translation>%1 个社群</translation>
    </message>
    <message>
        <source>%1 overdue items in %2 of them</source>
        <translation>其中 %2 个社群共有 %1 项逾期</translation>
    </message>
    <message>
        <source>1 overdue item</source>
        <translation>1 项逾期</translation>
    </message>
    <message>
        <source>nothing overdue</source>
        <translation>没有逾期事项</translation>
    </message>
    <message>
        <source>1 ready for its next stage</source>
        <translation>1 个可进入下一阶段</translation>
    </message>
    <message>
        <source>%1 ready for their next stage</source>
        <translation>%1 个可进入下一阶段</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Open the community</source>
        <translation>打开社群</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Next due</source>
        <translation>下一个到期</translation>
    </message>
    <message>
        <source>Open “%1”</source>
        <translation>打开“%1”</translation>
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
    <name>Poster</name>
    <message>
        <source>The poster is not SVG (no &lt;svg&gt; element).</source>
        <translation>这张海报不是 SVG（没有 &lt;svg&gt; 元素）。</translation>
    </message>
    <message>
        <source>The poster has no size: give its &lt;svg&gt; a viewBox.</source>
        <translation>海报没有尺寸：请给它的 &lt;svg&gt; 加上 viewBox。</translation>
    </message>
    <message>
        <source>Qt could not read the poster&apos;s SVG.</source>
        <translation>无法读取这张海报的 SVG。</translation>
    </message>
    <message>
        <source>The width must be between 1 and {most} pixels.</source>
        <translation>宽度必须在 1 到 {most} 像素之间。</translation>
    </message>
    <message>
        <source>The image would be too large ({width} × {height} pixels).</source>
        <translation>图片会太大（{width} × {height} 像素）。</translation>
    </message>
    <message>
        <source>{path}: cannot be written.</source>
        <translation>{path}：无法写入。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>跟随系统（%1）</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The new language applies when you next start Community Planner.</source>
        <translation>新的语言将在下次启动 Community Planner 时生效。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Nothing is written until you click Replicate.</source>
        <translation>点击“复制”之前，不会写入任何内容。</translation>
    </message>
    <message>
        <source>&amp;Replicate</source>
        <translation>复制(&amp;R)</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>正在准备预览…</translation>
    </message>
    <message>
        <source>“%1” will be made with:</source>
        <translation>将创建“%1”，包含：</translation>
    </message>
    <message>
        <source>The preview could not be made</source>
        <translation>无法生成预览</translation>
    </message>
</context>
<context>
    <name>PreviewTree</name>
    <message>
        <source>Community “%1”</source>
        <translation>社群“%1”</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>0 (a new group)</source>
        <translation>0（新群）</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>群主</translation>
    </message>
    <message>
        <source>Common interest</source>
        <translation>共同兴趣</translation>
    </message>
    <message>
        <source>Value to members</source>
        <translation>给成员的价值</translation>
    </message>
    <message>
        <source>Differentiation</source>
        <translation>差异化</translation>
    </message>
    <message>
        <source>Built around</source>
        <translation>核心依托</translation>
    </message>
    <message>
        <source>Divided by</source>
        <translation>分层依据</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分人群</translation>
    </message>
    <message>
        <source>Joining principles</source>
        <translation>入群原则</translation>
    </message>
    <message>
        <source>Management norms</source>
        <translation>群规</translation>
    </message>
    <message>
        <source>Content series (%1)</source>
        <translation>内容系列（%1）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>from %1 · %2</source>
        <translation>%1 起 · %2</translation>
    </message>
    <message>
        <source>In “%1” it began on %2.</source>
        <translation>在“%1”中，它从 %2 开始。</translation>
    </message>
    <message>
        <source>Templates (%1)</source>
        <translation>模板（%1）</translation>
    </message>
    <message>
        <source>built-in, used as it is</source>
        <translation>内置模板，直接使用</translation>
    </message>
    <message>
        <source>copied as “%1”</source>
        <translation>复制为“%1”</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 项</translation>
    </message>
    <message>
        <source>from %1 · %2 · last on %3</source>
        <translation>%1 起 · %2 · 最后一次在 %3</translation>
    </message>
    <message>
        <source>%1 items, %2 hidden</source>
        <translation>%1 项，%2 项已隐藏</translation>
    </message>
    <message>
        <source>own item</source>
        <translation>自己添加的</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>Not copied</source>
        <translation>不复制的内容</translation>
    </message>
    <message>
        <source>%1 (the new community starts with 0)</source>
        <translation>%1（新社群从 0 开始）</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>about “%1” only</source>
        <translation>只与“%1”有关</translation>
    </message>
    <message>
        <source>One-off items and activities</source>
        <translation>一次性事项和活动</translation>
    </message>
    <message>
        <source>Recurring activities</source>
        <translation>周期性活动</translation>
    </message>
    <message>
        <source>Items with results recorded</source>
        <translation>已记录结果的事项</translation>
    </message>
    <message>
        <source>Changed or moved occurrences</source>
        <translation>修改过或挪动过的场次</translation>
    </message>
    <message>
        <source>Removed occurrences</source>
        <translation>删除的场次</translation>
    </message>
    <message>
        <source>Ticks and done dates</source>
        <translation>勾选和完成日期</translation>
    </message>
    <message>
        <source>Checklist notes</source>
        <translation>清单备注</translation>
    </message>
    <message>
        <source>Due dates</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Templates you chose not to copy</source>
        <translation>你选择不复制的模板</translation>
    </message>
    <message>
        <source>Linked templates that were deleted</source>
        <translation>已删除的关联模板</translation>
    </message>
    <message>
        <source>content series, not chosen</source>
        <translation>内容系列，未选择</translation>
    </message>
    <message>
        <source>content series, ended</source>
        <translation>内容系列，已结束</translation>
    </message>
    <message>
        <source>content series, cancelled</source>
        <translation>内容系列，已取消</translation>
    </message>
    <message>
        <source>content series, continued by a later one</source>
        <translation>内容系列，已由后来的系列接替</translation>
    </message>
    <message>
        <source>content series: %1</source>
        <translation>内容系列：%1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Qr</name>
    <message>
        <source>a QR code needs some text</source>
        <translation>二维码需要有内容</translation>
    </message>
    <message>
        <source>the QR text is too long to scan ({size} bytes; at most {most})</source>
        <translation>二维码内容太长，扫不出来（{size}字节，最多{most}字节）</translation>
    </message>
</context>
<context>
    <name>QuickAddDialog</name>
    <message>
        <source>Quick add</source>
        <translation>快速添加</translation>
    </message>
    <message>
        <source>What goes out? e.g. 早报 · Morning digest</source>
        <translation>要发什么？例如：早报</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Community</source>
        <translation>社群(&amp;C)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>类型(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>时间(&amp;W)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;More options…</source>
        <translation>更多选项(&amp;M)…</translation>
    </message>
    <message>
        <source>Open the full editor with what you entered</source>
        <translation>带着已填写的内容打开完整编辑器</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>1st</source>
        <translation>第 1 个</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>第 2 个</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>第 3 个</translation>
    </message>
    <message>
        <source>4th</source>
        <translation>第 4 个</translation>
    </message>
    <message>
        <source>5th</source>
        <translation>第 5 个</translation>
    </message>
    <message>
        <source>last</source>
        <translation>最后一个</translation>
    </message>
    <message>
        <source>The interval must be between 1 and {limit}.</source>
        <translation>间隔必须在 1 到 {limit} 之间。</translation>
    </message>
    <message>
        <source>Weekdays must be Monday to Sunday.</source>
        <translation>星期只能是星期一到星期日。</translation>
    </message>
    <message>
        <source>Choose at least one day of the week.</source>
        <translation>请至少选择一周中的一天。</translation>
    </message>
    <message>
        <source>A monthly rule repeats on one weekday such as the 2nd Tuesday, not every week; use a weekly rule for that.</source>
        <translation>按月重复只能选一个星期几，例如第 2 个星期二，而不是每周都重复；那种情况请用按周重复。</translation>
    </message>
    <message>
        <source>A monthly rule needs a day of the month or a weekday such as the 2nd Tuesday.</source>
        <translation>按月重复需要指定每月的某一天，或某个星期几，例如第 2 个星期二。</translation>
    </message>
    <message>
        <source>A monthly rule repeats on a date or on a weekday, not both.</source>
        <translation>按月重复要么按日期，要么按星期几，不能两者都选。</translation>
    </message>
    <message>
        <source>The day of the month must be 1 to 31, or the last day.</source>
        <translation>每月的日期必须是 1 到 31 日，或最后一天。</translation>
    </message>
    <message>
        <source>Choose the 1st to 5th or the last weekday of the month.</source>
        <translation>请选择当月的第 1 到第 5 个或最后一个星期几。</translation>
    </message>
    <message>
        <source>Only a monthly rule has a day of the month.</source>
        <translation>只有按月重复才能指定每月的日期。</translation>
    </message>
    <message>
        <source>A series ends on a date or after a number of times, not both.</source>
        <translation>系列要么在某个日期结束，要么在重复若干次后结束，不能两者都选。</translation>
    </message>
    <message>
        <source>The number of times must be between 1 and {limit}.</source>
        <translation>次数必须在 1 到 {limit} 之间。</translation>
    </message>
    <message>
        <source>The repeat rule is empty.</source>
        <translation>重复规则是空的。</translation>
    </message>
    <message>
        <source>“{part}” is not a NAME=VALUE part of a repeat rule.</source>
        <translation>“{part}”不是重复规则中 NAME=VALUE 形式的部分。</translation>
    </message>
    <message>
        <source>Repeating “{frequency}” is not supported; use daily, weekly or monthly.</source>
        <translation>不支持按“{frequency}”重复；请使用每天、每周或每月。</translation>
    </message>
    <message>
        <source>A number in the repeat rule is not a whole number.</source>
        <translation>重复规则中有一个数字不是整数。</translation>
    </message>
    <message>
        <source>Repeat rules with {names} are not supported.</source>
        <translation>不支持带 {names} 的重复规则。</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every {n} weeks</source>
        <translation>每 {n} 周</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Every {n} months</source>
        <translation>每 {n} 个月</translation>
    </message>
    <message>
        <source>Every weekday</source>
        <translation>每个工作日</translation>
    </message>
    <message>
        <source>{rule} on weekdays</source>
        <translation>{rule}（仅工作日）</translation>
    </message>
    <message>
        <source>{list}, {day}</source>
        <translation>{list}、{day}</translation>
    </message>
    <message>
        <source>{rule} on {days}</source>
        <translation>{rule}{days}</translation>
    </message>
    <message>
        <source>{rule} on the last day</source>
        <translation>{rule}最后一天</translation>
    </message>
    <message>
        <source>{rule} on day {day}</source>
        <translation>{rule} {day} 日</translation>
    </message>
    <message>
        <source>{rule} on the {ordinal} {weekday}</source>
        <translation>{rule}{ordinal}{weekday}</translation>
    </message>
    <message>
        <source>{rule}, until {date}</source>
        <translation>{rule}，直到 {date}</translation>
    </message>
    <message>
        <source>{rule}, {count} times</source>
        <translation>{rule}，共 {count} 次</translation>
    </message>
    <message>
        <source>“{value}” is not a date the repeat rule can end on.</source>
        <translation>“{value}”不是重复规则可以结束的日期。</translation>
    </message>
    <message>
        <source>“{token}” is not a day of the week.</source>
        <translation>“{token}”不是星期几。</translation>
    </message>
    <message>
        <source>Only a monthly rule can name one “nth weekday”.</source>
        <translation>只有按月重复才能指定一个“第几个星期几”。</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>&amp;Weekdays only (Monday to Friday)</source>
        <translation>仅工作日（周一至周五）(&amp;W)</translation>
    </message>
    <message>
        <source>Ne&amp;ver</source>
        <translation>永不(&amp;V)</translation>
    </message>
    <message>
        <source>O&amp;n</source>
        <translation>结束于(&amp;N)</translation>
    </message>
    <message>
        <source>Last day of the series</source>
        <translation>系列的最后一天</translation>
    </message>
    <message>
        <source>A&amp;fter</source>
        <translation>共(&amp;F)</translation>
    </message>
    <message>
        <source>Number of times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>times</source>
        <translation>次</translation>
    </message>
    <message>
        <source>This is one occurrence of a series: how it repeats and its community are set for the whole series. To change them, edit all occurrences.</source>
        <translation>这是重复系列中的一次：重复规则和所属社群由整个系列决定。如需修改，请编辑所有重复项。</translation>
    </message>
    <message>
        <source>Re&amp;peat</source>
        <translation>重复(&amp;P)</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>On</source>
        <translation>重复于</translation>
    </message>
    <message>
        <source>Series ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>On the last day of the month</source>
        <translation>每月最后一天</translation>
    </message>
    <message>
        <source>On day %1</source>
        <translation>每月 %1 日</translation>
    </message>
    <message>
        <source>On the first %1</source>
        <translation>每月第一个%1</translation>
    </message>
    <message>
        <source>On the second %1</source>
        <translation>每月第二个%1</translation>
    </message>
    <message>
        <source>On the third %1</source>
        <translation>每月第三个%1</translation>
    </message>
    <message>
        <source>On the fourth %1</source>
        <translation>每月第四个%1</translation>
    </message>
    <message>
        <source>On the fifth %1</source>
        <translation>每月第五个%1</translation>
    </message>
    <message>
        <source>On the last %1</source>
        <translation>每月最后一个%1</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>day</source>
        <translation>天</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>month</source>
        <translation>个月</translation>
    </message>
    <message>
        <source>Repeats on: %1</source>
        <translation>重复于：%1</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1. The last day is before the first.</source>
        <translation>%1。结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>%1. No date matches this rule.</source>
        <translation>%1。没有符合这条规则的日期。</translation>
    </message>
    <message>
        <source>%1
Next: %2</source>
        <translation>%1
接下来：%2</translation>
    </message>
</context>
<context>
    <name>Replicate</name>
    <message>
        <source>Planning the copy was cancelled.</source>
        <translation>已取消复制的规划。</translation>
    </message>
    <message>
        <source>“{name}” is in the trash; restore it to replicate it.</source>
        <translation>“{name}”在回收站里；请先恢复它，再复制社群。</translation>
    </message>
    <message>
        <source>Choose the date the new community starts.</source>
        <translation>请选择新社群的开始日期。</translation>
    </message>
    <message>
        <source>The new community starts between {first} and {last}; {day} is outside.</source>
        <translation>新社群的开始日期必须在 {first} 年到 {last} 年之间；{day} 不在这个范围内。</translation>
    </message>
    <message>
        <source>Another template is already called “{name}”.</source>
        <translation>已经有一个模板叫“{name}”了。</translation>
    </message>
    <message>
        <source>Replicating was cancelled; nothing was changed.</source>
        <translation>已取消复制社群，没有改动任何内容。</translation>
    </message>
</context>
<context>
    <name>ReplicatePreview</name>
    <message>
        <source>Checklist from the library (%1 items)</source>
        <translation>来自清单库的清单（%1 项）</translation>
    </message>
    <message>
        <source>Checklist (%1 items, unticked; %2 hidden)</source>
        <translation>清单（%1 项，全部不勾选；%2 项已隐藏）</translation>
    </message>
    <message>
        <source>Checklist (%1 items, unticked)</source>
        <translation>清单（%1 项，全部不勾选）</translation>
    </message>
</context>
<context>
    <name>ReplicateSeries</name>
    <message>
        <source>No day matches this repeat rule.</source>
        <translation>没有任何一天符合这个重复规则。</translation>
    </message>
</context>
<context>
    <name>ReplicateWizard</name>
    <message>
        <source>Replicate “%1”</source>
        <translation>复制社群“%1”</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Replicating</source>
        <translation>正在复制</translation>
    </message>
    <message>
        <source>Cancel stops it, and nothing is changed.</source>
        <translation>点击取消即可停止，不会改动任何内容。</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Making “%1”…</source>
        <translation>正在创建“%1”…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Edit ▸ Undo takes all of it back in one step.</source>
        <translation>用“编辑 ▸ 撤销”可以一步全部撤回。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，没有改动任何内容。</translation>
    </message>
    <message>
        <source>The community could not be replicated; nothing was changed</source>
        <translation>无法复制社群，没有改动任何内容</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有改动任何内容。</translation>
    </message>
    <message>
        <source>“%1” is ready in the sidebar, with %2 content series, %3 templates and a checklist of %4 items.</source>
        <translation>“%1”已出现在侧栏中，包含 %2 个内容系列、%3 个模板和一份 %4 项的清单。</translation>
    </message>
</context>
<context>
    <name>Sandbox</name>
    <message>
        <source>it took too long to render (over {seconds} seconds); is there a loop that never ends?</source>
        <translation>渲染时间太长（超过 {seconds} 秒）；是不是有一个永远不会结束的循环？</translation>
    </message>
    <message>
        <source>a value grew too large (over {limit} characters).</source>
        <translation>有一个值变得太大了（超过 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>the result would be too large ({size} characters; at most {limit}).</source>
        <translation>结果会太大（{size} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>a width of {width} is too large (at most {limit}).</source>
        <translation>宽度 {width} 太大了（最多 {limit}）。</translation>
    </message>
    <message>
        <source>the indentation is too long.</source>
        <translation>缩进太长了。</translation>
    </message>
    <message>
        <source>“*” widths are not allowed in % formatting.</source>
        <translation>% 格式化中不允许使用“*”宽度。</translation>
    </message>
    <message>
        <source>nested fields in a format specification are not allowed.</source>
        <translation>格式说明中不允许嵌套字段。</translation>
    </message>
    <message>
        <source>a helper cannot be shown as it is; call it with its arguments.</source>
        <translation>辅助函数不能直接显示，请带上参数调用它。</translation>
    </message>
    <message>
        <source>“{name}” cannot be used in a template (blocked for safety).</source>
        <translation>模板中不能使用“{name}”（出于安全考虑已禁止）。</translation>
    </message>
    <message>
        <source>“{name}()” cannot be called in a template (blocked for safety).</source>
        <translation>模板中不能调用“{name}()”（出于安全考虑已禁止）。</translation>
    </message>
    <message>
        <source>“{name}()” cannot be called in a template.</source>
        <translation>模板中不能调用“{name}()”。</translation>
    </message>
    <message>
        <source>the date format is too long.</source>
        <translation>日期格式太长了。</translation>
    </message>
    <message>
        <source>a number is too large.</source>
        <translation>数字太大了。</translation>
    </message>
    <message>
        <source>a number would be too large.</source>
        <translation>数字会变得太大。</translation>
    </message>
    <message>
        <source>a number written with more than 1,000 characters is too long.</source>
        <translation>超过 1,000 个字符的数字太长了。</translation>
    </message>
    <message>
        <source>sum() adds numbers only.</source>
        <translation>sum() 只能把数字相加。</translation>
    </message>
    <message>
        <source>the line break given to wordwrap is too long (at most 10 characters).</source>
        <translation>传给 wordwrap 的换行符太长了（最多 10 个字符）。</translation>
    </message>
    <message>
        <source>wordwrap takes at most 100,000 characters.</source>
        <translation>wordwrap 最多处理 100,000 个字符。</translation>
    </message>
    <message>
        <source>{value} is too large here (at most {limit}).</source>
        <translation>{value} 在这里太大了（最多 {limit}）。</translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>index</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>unknown {kind} “{name}”: not part of a Community Planner workspace</source>
        <translation>未知的{kind}“{name}”：不属于 Community Planner 工作区</translation>
    </message>
    <message>
        <source>missing {kind} “{name}”</source>
        <translation>缺少{kind}“{name}”</translation>
    </message>
    <message>
        <source>{kind} “{name}” has an unexpected definition</source>
        <translation>{kind}“{name}”的定义与预期不符</translation>
    </message>
    <message>
        <source>its list of applied upgrades does not match schema {version}</source>
        <translation>它记录的已应用升级与 schema {version} 不符</translation>
    </message>
    <message>
        <source>{count} {table} rows with stamps that are not numbers and names</source>
        <translation>{table} 中有 {count} 行的时间戳或设备名格式不对</translation>
    </message>
    <message>
        <source>{count} recorded versions that are not numbers and names</source>
        <translation>有 {count} 条版本记录的时间戳或设备名格式不对</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <source>Edit a repeating item</source>
        <translation>编辑重复日程</translation>
    </message>
    <message>
        <source>Which occurrences should the changes apply to?</source>
        <translation>这些修改要应用到哪些日程？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Move a repeating item</source>
        <translation>移动重复日程</translation>
    </message>
    <message>
        <source>Which occurrences should move?</source>
        <translation>要移动哪些日程？</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>Delete a repeating item</source>
        <translation>删除重复日程</translation>
    </message>
    <message>
        <source>Which occurrences do you want to delete?</source>
        <translation>要删除哪些日程？</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Which occurrences?</source>
        <translation>应用到哪些日程？</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <translation>共享副本</translation>
    </message>
    <message>
        <source>Community Planner workspaces (*.cplan)</source>
        <translation>Community Planner 工作区 (*.cplan)</translation>
    </message>
    <message>
        <source>Writing a copy to share…</source>
        <translation>正在写入要共享的副本…</translation>
    </message>
    <message>
        <source>The copy could not be written</source>
        <translation>无法写入副本</translation>
    </message>
    <message>
        <source>Wrote %1: a copy of this read-only workspace to send.</source>
        <translation>已写入 %1：这个只读工作区的副本，可以发送给别人。</translation>
    </message>
    <message>
        <source>Wrote %1: send it to your teammate, and merge their copy back with File ▸ Merge from teammate&apos;s file.</source>
        <translation>已写入 %1：把它发给同事，之后用“文件 ▸ 合并同事的文件”把对方的副本合并回来。</translation>
    </message>
    <message>
        <source>Merge from teammate&apos;s file</source>
        <translation>合并同事的文件</translation>
    </message>
    <message>
        <source>This workspace is open read-only, so nothing can be merged into it.</source>
        <translation>这个工作区以只读方式打开，不能合并任何内容。</translation>
    </message>
    <message>
        <source>Checking %1 and comparing it with this workspace…</source>
        <translation>正在检查 %1 并与这个工作区比较…</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>%1 has nothing new: this workspace already holds every change in it.</source>
        <translation>%1 没有新内容：其中的每项修改这个工作区都已经有了。</translation>
    </message>
    <message>
        <source>Merging %1…</source>
        <translation>正在合并 %1…</translation>
    </message>
    <message>
        <source>Merged %1: %2. Edit ▸ Undo takes it back (backup: %3).</source>
        <translation>已合并 %1：%2。用“编辑 ▸ 撤销”可以撤回（备份：%3）。</translation>
    </message>
    <message>
        <source>Merge cancelled; nothing was changed.</source>
        <translation>已取消合并，没有改动任何内容。</translation>
    </message>
    <message>
        <source>The file could not be merged</source>
        <translation>无法合并该文件</translation>
    </message>
    <message>
        <source>Workspace in a synced folder</source>
        <translation>工作区在同步文件夹中</translation>
    </message>
    <message>
        <source>This workspace is in %1.</source>
        <translation>这个工作区位于%1中。</translation>
    </message>
    <message>
        <source>This workspace is in a %1 folder.</source>
        <translation>这个工作区位于 %1 文件夹中。</translation>
    </message>
    <message>
        <source>Sync tools copy a workspace while it is being written, and make conflicted copies when two people edit it. Work on a copy on this computer instead (it goes to %1), share it with File ▸ Share a copy, and merge what teammates send back with File ▸ Merge from teammate&apos;s file.</source>
        <translation>同步工具会在工作区写入过程中复制它，两个人同时编辑时还会生成冲突副本。建议改用这台电脑上的副本工作（存放在 %1），用“文件 ▸ 共享副本”共享出去，再用“文件 ▸ 合并同事的文件”合并同事发回的内容。</translation>
    </message>
    <message>
        <source>Work on a local copy</source>
        <translation>使用本地副本</translation>
    </message>
    <message>
        <source>Keep working here</source>
        <translation>继续在这里工作</translation>
    </message>
    <message>
        <source>Don&apos;t warn me again for this workspace</source>
        <translation>这个工作区不再提醒</translation>
    </message>
    <message>
        <source>Working on a local copy: %1. The synced file stays as it was.</source>
        <translation>正在使用本地副本：%1。同步文件夹中的文件保持不变。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Checklist: %1 of %2 done</source>
        <translation>清单：已完成 %1/%2</translation>
    </message>
    <message>
        <source>Search communities</source>
        <translation>搜索社群</translation>
    </message>
    <message>
        <source>New community</source>
        <translation>新建社群</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>Trash (%1)</source>
        <translation>回收站（%1）</translation>
    </message>
</context>
<context>
    <name>Snapshot</name>
    <message>
        <source>{name} (shared {day}).cplan</source>
        <translation>{name}（{day} 共享）.cplan</translation>
    </message>
    <message>
        <source>{path}: the copy could not be written ({reason}).</source>
        <translation>{path}：无法写入副本（{reason}）。</translation>
    </message>
    <message>
        <source>{path}: that is the workspace itself; choose another file.</source>
        <translation>{path}：这就是工作区本身；请选择另一个文件。</translation>
    </message>
    <message>
        <source>{path}: a workspace in use is there (its {suffix} file is beside it); choose another file.</source>
        <translation>{path}：那里有一个正在使用的工作区（旁边有它的 {suffix} 文件）；请选择另一个文件。</translation>
    </message>
    <message>
        <source>{path}: the copy failed its check ({problem}); try again.</source>
        <translation>{path}：副本没有通过检查（{problem}）；请重试。</translation>
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
        <translation>清单：已完成 %1/%2</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>Create your first community</source>
        <translation>创建第一个社群</translation>
    </message>
    <message>
        <source>Open the sample workspace</source>
        <translation>打开示例工作区</translation>
    </message>
    <message>
        <source>New workspace…</source>
        <translation>新建工作区…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>Welcome to Community Planner</source>
        <translation>欢迎使用 Community Planner</translation>
    </message>
    <message>
        <source>This workspace has no communities, and it is open read-only.</source>
        <translation>这个工作区没有社群，而且是以只读方式打开的。</translation>
    </message>
    <message>
        <source>Start with one group you run: write down who it is for, what value it brings and where it stands on the path build → structure → output → operate → replicate. Or look around the sample workspace first.</source>
        <translation>从你正在运营的一个群开始：写下它面向谁、给成员带来什么价值，以及它走到了哪一步：建群 → 搭架构 → 做输出 → 做运营 → 做复制。也可以先看看示例工作区。</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>没有打开的工作区</translation>
    </message>
    <message>
        <source>A workspace is one file that holds your communities and their plans. Create one, open one a teammate sent you, or open the sample workspace.</source>
        <translation>工作区是一个文件，里面保存你的社群和它们的计划。可以新建一个，打开同事发给你的工作区，或者打开示例工作区。</translation>
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
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Every %1 item is done. Move %2 to %3?</source>
        <translation>“%1”阶段的事项已全部完成。把 %2 推进到“%3”？</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>推进到“%1”</translation>
    </message>
</context>
<context>
    <name>SyncFolders</name>
    <message>
        <source>a network folder</source>
        <translation>网络文件夹</translation>
    </message>
    <message>
        <source>a cloud storage folder</source>
        <translation>云存储文件夹</translation>
    </message>
</context>
<context>
    <name>TemplateContext</name>
    <message>
        <source>“{name}” is in the trash.</source>
        <translation>“{name}”在回收站里。</translation>
    </message>
    <message>
        <source>The calendar item “{title}” was deleted.</source>
        <translation>日历事项“{title}”已被删除。</translation>
    </message>
</context>
<context>
    <name>TemplateLibrary</name>
    <message>
        <source>First 24 hours welcome</source>
        <translation>新人 24 小时欢迎</translation>
    </message>
    <message>
        <source>Paid member welcome</source>
        <translation>付费会员入群欢迎</translation>
    </message>
    <message>
        <source>No built-in template {stem} in language {language}.</source>
        <translation>没有语言为{language}的内置模板{stem}。</translation>
    </message>
    <message>
        <source>No built-in template {name}.</source>
        <translation>没有内置模板{name}。</translation>
    </message>
    <message>
        <source>No template with id {id}.</source>
        <translation>没有 ID 为{id}的模板。</translation>
    </message>
    <message>
        <source>The template “{name}” was deleted.</source>
        <translation>模板“{name}”已被删除。</translation>
    </message>
    <message>
        <source>No template called “{name}”. `planner templates` lists them.</source>
        <translation>没有名为“{name}”的模板。运行 `planner templates` 可以列出所有模板。</translation>
    </message>
    <message>
        <source>A template needs a name.</source>
        <translation>模板需要一个名字。</translation>
    </message>
    <message>
        <source>The name is too long ({count} characters; at most {most}).</source>
        <translation>名字太长了（{count}个字符，最多{most}个）。</translation>
    </message>
    <message>
        <source>Another template is already called “{name}”.</source>
        <translation>已经有另一个模板叫“{name}”了。</translation>
    </message>
    <message>
        <source>“{language}” is not a template language (zh or en).</source>
        <translation>“{language}”不是模板语言（只能是 zh 或 en）。</translation>
    </message>
    <message>
        <source>The description is too long (at most {most}).</source>
        <translation>描述太长了（最多{most}个字）。</translation>
    </message>
    <message>
        <source>A welcome sequence keeps its text in its messages.</source>
        <translation>入群欢迎流程的文字要写在各条消息里。</translation>
    </message>
    <message>
        <source>The template is too large (at most {most} bytes).</source>
        <translation>模板太大了（最多{most}字节）。</translation>
    </message>
    <message>
        <source>A poster has no messages.</source>
        <translation>海报没有消息。</translation>
    </message>
    <message>
        <source>Too many messages ({count}; at most {most}).</source>
        <translation>消息太多了（{count}条，最多{most}条）。</translation>
    </message>
    <message>
        <source>Send offsets go from T+0 to T+30d.</source>
        <translation>发送时间只能在 T+0 到 T+30d 之间。</translation>
    </message>
    <message>
        <source>A message is too large (at most {most} bytes).</source>
        <translation>有一条消息太大了（最多{most}字节）。</translation>
    </message>
    <message>
        <source>Built-in templates are read-only; duplicate it to edit.</source>
        <translation>内置模板是只读的；请复制一份再编辑。</translation>
    </message>
    <message>
        <source>Built-in templates are part of the app and cannot be deleted.</source>
        <translation>内置模板是应用自带的，不能删除。</translation>
    </message>
</context>
<context>
    <name>TemplateLinks</name>
    <message>
        <source>Welcome sequence</source>
        <translation>入群欢迎流程</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>海报</translation>
    </message>
    <message>
        <source>A template that was deleted</source>
        <translation>已删除的模板</translation>
    </message>
    <message>
        <source>This template was deleted; remove the link or undo the deletion.</source>
        <translation>这个模板已被删除；请移除关联，或撤销删除。</translation>
    </message>
    <message>
        <source>Deleted: remove the link, or undo the deletion</source>
        <translation>已删除：移除关联，或撤销删除</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>your copy</source>
        <translation>你的副本</translation>
    </message>
    <message>
        <source>Double-click a template to open it on the Templates page</source>
        <translation>双击模板，在模板页面打开</translation>
    </message>
    <message>
        <source>The welcome sequence and posters this community uses. Replicating the community copies them to the new group.</source>
        <translation>这个社群使用的入群欢迎流程和海报。复制社群时会一并复制到新群。</translation>
    </message>
    <message>
        <source>No welcome sequence: what newcomers get in their first 24 hours is not planned. What they feel then is what they still feel after 30 days.</source>
        <translation>没有入群欢迎流程：新成员入群 24 小时内会收到什么还没有安排。那时的感受，30 天后依然会留在他们心里。</translation>
    </message>
    <message>
        <source>Choose a welcome sequence…</source>
        <translation>选择入群欢迎流程…</translation>
    </message>
    <message>
        <source>This community uses no templates yet.</source>
        <translation>这个社群还没有使用模板。</translation>
    </message>
    <message>
        <source>Use a template…</source>
        <translation>使用模板…</translation>
    </message>
    <message>
        <source>Stop using</source>
        <translation>停止使用</translation>
    </message>
    <message>
        <source>The template itself stays in the library</source>
        <translation>模板本身仍保留在模板库中</translation>
    </message>
    <message>
        <source>Open the Templates page →</source>
        <translation>打开模板页面 →</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <source>Posters</source>
        <translation>海报</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎语</translation>
    </message>
    <message>
        <source>Welcome sequences for newcomers</source>
        <translation>给新成员的入群欢迎流程</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>所有语言</translation>
    </message>
    <message>
        <source>Show templates in one language</source>
        <translation>只显示某一种语言的模板</translation>
    </message>
    <message>
        <source>No templates in this language. Choose All languages above.</source>
        <translation>没有这种语言的模板。请在上方选择“所有语言”。</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制一份</translation>
    </message>
    <message>
        <source>Make a copy of this template that you can edit</source>
        <translation>复制一份可以编辑的模板</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this template (Delete)</source>
        <translation>删除这个模板（Delete）</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The language of the template&apos;s text</source>
        <translation>模板文字所用的语言</translation>
    </message>
    <message>
        <source>What this template is for</source>
        <translation>这个模板的用途</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Throw away the changes not saved yet</source>
        <translation>放弃尚未保存的修改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the template (Ctrl+S)</source>
        <translation>保存模板（Ctrl+S）</translation>
    </message>
    <message>
        <source>A built-in template: read-only. Duplicate it to make your own copy, then edit the copy.</source>
        <translation>内置模板：只读。复制一份成为你自己的副本，再编辑这个副本。</translation>
    </message>
    <message>
        <source>Duplicate to edit</source>
        <translation>复制一份再编辑</translation>
    </message>
    <message>
        <source>The community the preview is filled in for</source>
        <translation>预览按哪个社群填写</translation>
    </message>
    <message>
        <source>A calendar item whose title, time and speaker fill the poster</source>
        <translation>用这个日历事项的标题、时间和主讲人填写海报</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>预览对象</translation>
    </message>
    <message>
        <source>Choose a template on the left to see it here.

Built-in templates are read-only: Duplicate to edit makes your own copy, saved in this workspace.</source>
        <translation>在左侧选择一个模板，在这里查看。

内置模板是只读的：“复制一份再编辑”会生成你自己的副本，保存在这个工作区中。</translation>
    </message>
    <message>
        <source>SVG template source</source>
        <translation>SVG 模板源码</translation>
    </message>
    <message>
        <source>Click to go to the line</source>
        <translation>点击跳到这一行</translation>
    </message>
    <message>
        <source>Variables and helpers</source>
        <translation>变量和辅助函数</translation>
    </message>
    <message>
        <source>Variables and helpers (click one to insert it)</source>
        <translation>变量和辅助函数（点击即可插入）</translation>
    </message>
    <message>
        <source>The preview appears here.</source>
        <translation>预览显示在这里。</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Export a picture to post (PNG)</source>
        <translation>导出可发布的图片（PNG）</translation>
    </message>
    <message>
        <source>Width of the PNG picture</source>
        <translation>PNG 图片的宽度</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 像素</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export for print (PDF, text stays selectable)</source>
        <translation>导出用于打印（PDF，文字仍可选中）</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Export the SVG, for a designer or the web</source>
        <translation>导出 SVG，给设计师或用于网页</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>This sequence has no messages yet. Add message adds the first one, sent when someone joins (T+0).</source>
        <translation>这个流程还没有消息。点击“添加消息”添加第一条，在成员入群时发送（T+0）。</translation>
    </message>
    <message>
        <source>Add message</source>
        <translation>添加消息</translation>
    </message>
    <message>
        <source>Add a message after the last one</source>
        <translation>在最后一条之后添加消息</translation>
    </message>
    <message>
        <source>Operators paste these by hand: Copy puts a message, filled in for the community, on the clipboard.</source>
        <translation>运营者手动粘贴这些消息：“复制”会把按社群填好的消息放到剪贴板。</translation>
    </message>
    <message>
        <source>Built-in templates are read-only: choose Duplicate to edit.</source>
        <translation>内置模板是只读的：请选择“复制一份再编辑”。</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Made a copy of “%1” that you can edit.</source>
        <translation>已复制一份可编辑的“%1”。</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>Delete the template “%1”? You can undo this with Ctrl+Z.</source>
        <translation>删除模板“%1”？可以按 Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>Deleted the template “%1”.</source>
        <translation>已删除模板“%1”。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Copied message %1 (%2): paste it into the group.</source>
        <translation>已复制第 %1 条消息（%2）：粘贴到群里吧。</translation>
    </message>
    <message>
        <source>Sample community</source>
        <translation>示例社群</translation>
    </message>
    <message>
        <source>No communities yet: the preview uses sample values.</source>
        <translation>还没有社群：预览使用示例数据。</translation>
    </message>
    <message>
        <source>No calendar item</source>
        <translation>不选日历事项</translation>
    </message>
    <message>
        <source>Choose a file name ending in .png, .pdf or .svg.</source>
        <translation>请使用以 .png、.pdf 或 .svg 结尾的文件名。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported the poster to %1.</source>
        <translation>已将海报导出到 %1。</translation>
    </message>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>Export poster</source>
        <translation>导出海报</translation>
    </message>
    <message>
        <source>中文</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Built-in: read-only. Duplicate it to make a copy you can edit.</source>
        <translation>内置：只读。复制一份即可得到可编辑的副本。</translation>
    </message>
    <message>
        <source>Made by %1 and received in a shared workspace.</source>
        <translation>由 %1 制作，来自共享的工作区。</translation>
    </message>
    <message>
        <source>Built-in · %1</source>
        <translation>内置 · %1</translation>
    </message>
    <message>
        <source>From %1 · %2</source>
        <translation>来自 %1 · %2</translation>
    </message>
    <message>
        <source>Your copy · %1</source>
        <translation>你的副本 · %1</translation>
    </message>
</context>
<context>
    <name>TemplatePicker</name>
    <message>
        <source>Use a template</source>
        <translation>使用模板</translation>
    </message>
    <message>
        <source>Welcome sequences</source>
        <translation>入群欢迎流程</translation>
    </message>
    <message>
        <source>Posters</source>
        <translation>海报</translation>
    </message>
    <message>
        <source>The community already uses every template of this kind.</source>
        <translation>这个社群已经用上了这类模板的全部。</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
</context>
<context>
    <name>Templating</name>
    <message>
        <source>“{text}” is not a colour written as #RRGGBB.</source>
        <translation>“{text}”不是 #RRGGBB 格式的颜色。</translation>
    </message>
    <message>
        <source>the QR code&apos;s {what} must be a number, not “{value}”.</source>
        <translation>二维码的 {what} 必须是数字，不能是“{value}”。</translation>
    </message>
    <message>
        <source>the QR code&apos;s {what} must be between {low} and {high}.</source>
        <translation>二维码的 {what} 必须在{low}到{high}之间。</translation>
    </message>
    <message>
        <source>{problem}.</source>
        <translation>{problem}。</translation>
    </message>
    <message>
        <source>a width must be a whole number, not “{width}”.</source>
        <translation>宽度必须是整数，不能是“{width}”。</translation>
    </message>
    <message>
        <source>a width must be between 1 and {most}.</source>
        <translation>宽度必须在1到{most}之间。</translation>
    </message>
    <message>
        <source>add_days() needs a date, not “{value}”.</source>
        <translation>add_days() 需要一个日期，而不是“{value}”。</translation>
    </message>
    <message>
        <source>that date is out of range.</source>
        <translation>这个日期超出了范围。</translation>
    </message>
    <message>
        <source>format_date() needs a date, not “{value}”.</source>
        <translation>format_date() 需要一个日期，而不是“{value}”。</translation>
    </message>
    <message>
        <source>format_time() needs a date and time, not “{value}”.</source>
        <translation>format_time() 需要日期和时间，而不是“{value}”。</translation>
    </message>
    <message>
        <source>The community&apos;s name</source>
        <translation>社群的名称</translation>
    </message>
    <message>
        <source>Its platform, in the template&apos;s language (platform: the code)</source>
        <translation>所在平台，用模板的语言显示（platform：平台代码）</translation>
    </message>
    <message>
        <source>Its stage on the path (stage: the code, stage_number: 1-5)</source>
        <translation>所处阶段（stage：阶段代码，stage_number：1-5）</translation>
    </message>
    <message>
        <source>The common interest that gathers people</source>
        <translation>把大家聚在一起的共同兴趣</translation>
    </message>
    <message>
        <source>The value members get (split it with points())</source>
        <translation>给成员的价值（可以用 points() 拆成要点）</translation>
    </message>
    <message>
        <source>How it differs from other groups of its kind</source>
        <translation>和同类社群相比的差异化</translation>
    </message>
    <message>
        <source>What it is built around (soul figure, product...)</source>
        <translation>社群围绕什么建立（灵魂人物、核心产品……）</translation>
    </message>
    <message>
        <source>The segment it serves (segment_basis_label: how it is divided)</source>
        <translation>服务的细分人群（segment_basis_label：分层方式）</translation>
    </message>
    <message>
        <source>Who may join, how, fee or invitation</source>
        <translation>入群原则：谁能加入、怎么加入、收费还是邀请</translation>
    </message>
    <message>
        <source>The group rules</source>
        <translation>群规</translation>
    </message>
    <message>
        <source>How many members it has</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Who runs it</source>
        <translation>负责运营的人</translation>
    </message>
    <message>
        <source>Its colour, #RRGGBB: use it as the poster&apos;s accent</source>
        <translation>社群的颜色（#RRGGBB）：可用作海报的强调色</translation>
    </message>
    <message>
        <source>The operator&apos;s notes</source>
        <translation>运营者的备注</translation>
    </message>
    <message>
        <source>The calendar item the poster is made from, or none: test with {% if item %}</source>
        <translation>生成海报所用的日历事项，也可能没有：用 {% if item %} 判断</translation>
    </message>
    <message>
        <source>The item&apos;s title</source>
        <translation>事项的标题</translation>
    </message>
    <message>
        <source>Its type: live class, guest share, paid activity...</source>
        <translation>事项类型：直播课、嘉宾分享、付费活动……</translation>
    </message>
    <message>
        <source>When it starts and ends (date and time)</source>
        <translation>开始和结束的日期与时间</translation>
    </message>
    <message>
        <source>Its start, written out: 11月25日（周三）20:00 / Wed 25 Nov 20:00</source>
        <translation>开始时间的文字写法：11月25日（周三）20:00 / Wed 25 Nov 20:00</translation>
    </message>
    <message>
        <source>Its day (or days): 11月25日（周三） / Wed 25 Nov</source>
        <translation>日期（跨天时为多天）：11月25日（周三） / Wed 25 Nov</translation>
    </message>
    <message>
        <source>Its hours: 20:00–21:30, or 全天 / All day</source>
        <translation>时段：20:00–21:30，或 全天 / All day</translation>
    </message>
    <message>
        <source>Its time zone&apos;s offset, such as GMT+8</source>
        <translation>所在时区的时差，如 GMT+8</translation>
    </message>
    <message>
        <source>Who speaks or hosts it</source>
        <translation>主讲人或主持人</translation>
    </message>
    <message>
        <source>Where: a room, a city, a live-stream or meeting link</source>
        <translation>地点：会议室、城市、直播或会议链接</translation>
    </message>
    <message>
        <source>Its description (split it with points())</source>
        <translation>事项说明（可以用 points() 拆成要点）</translation>
    </message>
    <message>
        <source>A goal: planned_/actual_ participants, new_members, shares, conversions, revenue, cost</source>
        <translation>一项目标：planned_（计划）/ actual_（实际）加 participants、new_members、shares、conversions、revenue、cost</translation>
    </message>
    <message>
        <source>The community&apos;s next activities in the coming two weeks (items as above)</source>
        <translation>社群未来两周的活动（每项和上面的 item 一样）</translation>
    </message>
    <message>
        <source>Who sends or posts this: the operator&apos;s name</source>
        <translation>发送或发布的人：运营者的名字</translation>
    </message>
    <message>
        <source>Today&apos;s date</source>
        <translation>今天的日期</translation>
    </message>
    <message>
        <source>The template&apos;s language: zh or en</source>
        <translation>模板的语言：zh 或 en</translation>
    </message>
    <message>
        <source>What the QR code carries: a link found in the item or the community, or a sentence saying whom to add</source>
        <translation>二维码里的内容：在事项或社群里找到的链接，或者一句说明该加谁的话</translation>
    </message>
    <message>
        <source>A standard QR code for text in the square at x, y with side size, quiet zone included; optional color, background</source>
        <translation>标准二维码：画在左上角为 x, y、边长为 size 的正方形里（含留白）；可选 color、background</translation>
    </message>
    <message>
        <source>Text broken into lines of at most width columns (a Chinese character is 2 columns); the last line ends in … when cut; draw one &lt;text&gt; per line</source>
        <translation>把文字断成每行最多 width 列（一个汉字占 2 列），被截断时最后一行以 … 结尾；每行画一个 &lt;text&gt;</translation>
    </message>
    <message>
        <source>Text on one line of at most width columns, cut with …</source>
        <translation>把文字放在一行内，最多 width 列，超出部分用 … 截断</translation>
    </message>
    <message>
        <source>How many columns text takes (to size a badge around it)</source>
        <translation>文字占多少列（用来确定外框的尺寸）</translation>
    </message>
    <message>
        <source>The date n days after day (before it when n is negative)</source>
        <translation>day 之后第 n 天的日期（n 为负数时是之前）</translation>
    </message>
    <message>
        <source>Bullet points from a text: split at line breaks and ；。！？</source>
        <translation>把文字拆成要点：按换行和；。！？拆分</translation>
    </message>
    <message>
        <source>A date written out in the template&apos;s language</source>
        <translation>用模板语言写出的日期</translation>
    </message>
    <message>
        <source>A time of day: 20:00</source>
        <translation>一天中的时刻：20:00</translation>
    </message>
    <message>
        <source>A send offset: T+0, T+2h, T+1d</source>
        <translation>发送时间：T+0、T+2h、T+1d</translation>
    </message>
    <message>
        <source>A colour mixed with white: tint(community.color, 0.9)</source>
        <translation>颜色混入白色：tint(community.color, 0.9)</translation>
    </message>
    <message>
        <source>A colour mixed with black</source>
        <translation>颜色混入黑色</translation>
    </message>
    <message>
        <source>White or near-black, whichever reads better on the colour</source>
        <translation>白色或近黑色，哪个在该颜色上更清楚就用哪个</translation>
    </message>
    <message>
        <source>something went wrong.</source>
        <translation>出了点问题。</translation>
    </message>
    <message>
        <source>“{name}” is not defined.</source>
        <translation>“{name}”没有定义。</translation>
    </message>
    <message>
        <source>templates cannot include, import or extend other templates.</source>
        <translation>模板不能 include、import 或 extend 其他模板。</translation>
    </message>
    <message>
        <source>“{name}” needs a calendar item, and there is none here: make it from a calendar item, or check with {check}.</source>
        <translation>“{name}”需要日历事项，但这里没有：请从日历事项生成，或先用 {check} 判断。</translation>
    </message>
    <message>
        <source>there is no element {key}.</source>
        <translation>没有元素 {key}。</translation>
    </message>
    <message>
        <source>macros call each other too deeply.</source>
        <translation>宏之间的调用层次太深。</translation>
    </message>
    <message>
        <source>the template needs too much memory.</source>
        <translation>模板需要的内存太多。</translation>
    </message>
    <message>
        <source>the template&apos;s source is not text.</source>
        <translation>模板的源码不是文本。</translation>
    </message>
    <message>
        <source>the template is too large ({size} bytes; at most {most}).</source>
        <translation>模板太大了（{size}字节，最多{most}字节）。</translation>
    </message>
    <message>
        <source>the result is too large (over {most} characters).</source>
        <translation>生成结果太大了（超过{most}个字符）。</translation>
    </message>
    <message>
        <source>syntax error: {detail}</source>
        <translation>语法错误：{detail}</translation>
    </message>
    <message>
        <source>this is a welcome sequence, not a poster.</source>
        <translation>这是入群欢迎流程，不是海报。</translation>
    </message>
    <message>
        <source>this is a poster, not a welcome sequence.</source>
        <translation>这是海报，不是入群欢迎流程。</translation>
    </message>
    <message>
        <source>{name} ({offset}, message {number})</source>
        <translation>{name}（{offset}，第{number}条消息）</translation>
    </message>
    <message>
        <source>a poster may not declare a DOCTYPE or entities.</source>
        <translation>海报不能声明 DOCTYPE 或实体。</translation>
    </message>
    <message>
        <source>the result is not well-formed SVG ({reason}, line {line} of the result).</source>
        <translation>生成结果不是格式正确的 SVG（{reason}，在结果的第{line}行）。</translation>
    </message>
    <message>
        <source>a poster must be one &lt;svg xmlns=&quot;http://www.w3.org/2000/svg&quot;&gt; element.</source>
        <translation>海报必须是一个 &lt;svg xmlns=&quot;http://www.w3.org/2000/svg&quot;&gt; 元素。</translation>
    </message>
    <message>
        <source>&lt;{tag}&gt; is not allowed in a poster.</source>
        <translation>海报里不能用 &lt;{tag}&gt;。</translation>
    </message>
    <message>
        <source>a style may not load anything from outside the poster.</source>
        <translation>样式不能从海报外部加载任何东西。</translation>
    </message>
    <message>
        <source>a poster may not animate a link.</source>
        <translation>海报不能给链接加动画。</translation>
    </message>
    <message>
        <source>event handlers ({name}) are not allowed in a poster.</source>
        <translation>海报里不能有事件处理器（{name}）。</translation>
    </message>
    <message>
        <source>escapes are not allowed in a poster&apos;s styles.</source>
        <translation>海报的样式里不能用转义符。</translation>
    </message>
    <message>
        <source>a poster may not refer to files or web addresses (“{address}”); embed images as data:image/… instead.</source>
        <translation>海报不能引用文件或网址（“{address}”）；请改用 data:image/… 嵌入图片。</translation>
    </message>
    <message>
        <source>“{name}” may only refer to something inside the poster (url(#id)).</source>
        <translation>“{name}”只能引用海报内部的东西（url(#id)）。</translation>
    </message>
</context>
<context>
    <name>TimeRange</name>
    <message>
        <source>The last day cannot be before the first day.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>The trash is empty. Communities you delete wait here until you restore them.</source>
        <translation>回收站是空的。删除的社群会放在这里，可以随时恢复。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Deleted %1</source>
        <translation>删除于 %1</translation>
    </message>
</context>
<context>
    <name>WeekExport</name>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>The PDF could not be drawn: {reason}</source>
        <translation>无法生成 PDF：{reason}</translation>
    </message>
    <message>
        <source>The printer could not start printing.</source>
        <translation>打印机无法开始打印。</translation>
    </message>
</context>
<context>
    <name>WeekPicker</name>
    <message>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <source>Any day of the week to export</source>
        <translation>要导出的那一周中的任意一天</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>本周(&amp;W)</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>a day, then a time range</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Part of a series</source>
        <translation>属于重复系列</translation>
    </message>
    <message>
        <source>W%1</source>
        <translation>第%1周</translation>
    </message>
    <message>
        <source>All day</source>
        <translation>全天</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>还有 %1 项</translation>
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
    <name>WeeklyPdf</name>
    <message>
        <source>Unknown paper size {paper}: choose a4 or letter.</source>
        <translation>未知的纸张尺寸 {paper}：请选择 a4 或 letter。</translation>
    </message>
    <message>
        <source>A resolution of {dpi} dpi is out of range (72 to 2400).</source>
        <translation>分辨率 {dpi} dpi 超出范围（72 到 2400）。</translation>
    </message>
    <message>
        <source>The document has no pages: lay it out with layout_document.</source>
        <translation>文档没有页面：请先用 layout_document 排版。</translation>
    </message>
    <message>
        <source>Qt could not start the PDF.</source>
        <translation>无法开始生成 PDF。</translation>
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
    <message>
        <source>“{name}” is in the trash; restore it first.</source>
        <translation>“{name}”在回收站里，请先恢复。</translation>
    </message>
    <message>
        <source>No community called “{name}” in this workspace.</source>
        <translation>这个工作区里没有叫“{name}”的社群。</translation>
    </message>
    <message>
        <source>“{lang}” is not a language of the plan (zh or en).</source>
        <translation>“{lang}”不是周计划支持的语言（zh 或 en）。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>{path}: is a folder, not a workspace file.</source>
        <translation>{path}：这是一个文件夹，不是工作区文件。</translation>
    </message>
    <message>
        <source>{path}: the file is empty (0 bytes), not a workspace.</source>
        <translation>{path}：文件是空的（0 字节），不是工作区。</translation>
    </message>
    <message>
        <source>{path}: not a Community Planner workspace (not an SQLite database).</source>
        <translation>{path}：不是 Community Planner 工作区（不是 SQLite 数据库）。</translation>
    </message>
    <message>
        <source>its header is damaged</source>
        <translation>文件头已损坏</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason}).</source>
        <translation>{path}：无法读取（{reason}）。</translation>
    </message>
    <message>
        <source>{path}: an SQLite database, but not a Community Planner workspace.</source>
        <translation>{path}：这是一个 SQLite 数据库，但不是 Community Planner 工作区。</translation>
    </message>
    <message>
        <source>it holds text that is not UTF-8</source>
        <translation>其中有不是 UTF-8 编码的文字</translation>
    </message>
    <message>
        <source>it has no schema version</source>
        <translation>它没有 schema 版本号</translation>
    </message>
    <message>
        <source>{problem} and {count} more</source>
        <translation>{problem}，另有 {count} 处问题</translation>
    </message>
    <message>
        <source>integrity check failed</source>
        <translation>完整性检查未通过</translation>
    </message>
    <message>
        <source>{path}: this workspace is open read-only; nothing was changed.</source>
        <translation>{path}：这个工作区以只读方式打开，没有改动任何内容。</translation>
    </message>
    <message>
        <source>{name} is busy with another change (a copy or an import still running); nothing was changed. Try again in a moment. ({reason})</source>
        <translation>{name} 正在进行另一项修改（复制或导入还在进行中），没有改动任何内容。请稍后再试。（{reason}）</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>没有可以撤销的操作。</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>没有可以重做的操作。</translation>
    </message>
    <message>
        <source>{path}: this workspace is open read-only.</source>
        <translation>{path}：这个工作区以只读方式打开。</translation>
    </message>
    <message>
        <source>“{subject}” cannot be undone: a record it brought in is used by a later one. Nothing was changed.</source>
        <translation>无法撤销“{subject}”：它带来的一条记录正被之后的记录使用。没有改动任何内容。</translation>
    </message>
    <message>
        <source>{path}: a file with that name already exists.</source>
        <translation>{path}：已经有同名文件了。</translation>
    </message>
    <message>
        <source>{folder}: no such folder.</source>
        <translation>{folder}：没有这个文件夹。</translation>
    </message>
    <message>
        <source>{path}: cannot be opened for writing ({reason}).</source>
        <translation>{path}：无法以写入方式打开（{reason}）。</translation>
    </message>
    <message>
        <source>{path}: its newest changes are in {name}-wal, which cannot be read in a read-only folder. Copy both files to a folder you can write to and open the copy.</source>
        <translation>{path}：最新的更改在 {name}-wal 中，而只读文件夹里无法读取它。请把这两个文件复制到可写入的文件夹，再打开副本。</translation>
    </message>
    <message>
        <source>{path}: this workspace uses an older format (schema {version}) and is read-only, so it cannot be upgraded. Copy it to a folder you can write to and open the copy.</source>
        <translation>{path}：这个工作区使用旧格式（schema {version}），而且是只读的，所以无法升级。请把它复制到一个可以写入的文件夹，再打开那个副本。</translation>
    </message>
    <message>
        <source>{path}: could not write a backup copy before upgrading it ({reason}); the file was left as it was.</source>
        <translation>{path}：升级前无法写入备份副本（{reason}）；文件保持原样。</translation>
    </message>
    <message>
        <source>{path}: upgrading the workspace from schema {version} failed ({reason}); the file was left as it was.</source>
        <translation>{path}：从 schema {version} 升级工作区失败（{reason}）；文件保持原样。</translation>
    </message>
</context>
<context>
    <name>WorkspaceLibrary</name>
    <message>
        <source>The title is too long ({count} characters; at most {most}).</source>
        <translation>标题太长了（{count}个字符，最多{most}个）。</translation>
    </message>
    <message>
        <source>The reason is too long ({count} characters; at most {most}).</source>
        <translation>原因太长了（{count}个字符，最多{most}个）。</translation>
    </message>
    <message>
        <source>The note is too long ({count} characters; at most {most}).</source>
        <translation>备注太长了（{count}个字符，最多{most}个）。</translation>
    </message>
    <message>
        <source>The name is too long ({count} characters; at most {most}).</source>
        <translation>名字太长了（{count}个字符，最多{most}个）。</translation>
    </message>
    <message>
        <source>A checklist item needs a title.</source>
        <translation>清单事项需要一个标题。</translation>
    </message>
    <message>
        <source>That library item no longer exists.</source>
        <translation>这个清单库事项已经不存在了。</translation>
    </message>
    <message>
        <source>“{title}” is already out of the library.</source>
        <translation>“{title}”已经不在清单库里了。</translation>
    </message>
    <message>
        <source>That item is not out of the library.</source>
        <translation>这个事项并没有从清单库中移除。</translation>
    </message>
</context>
</TS>
