<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ckb">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>زیادکردنی کار</translation>
    </message>
    <message>
        <source>Institutions, separated by commas</source>
        <translation>دامەزراوەکان، بە فاریزە لێکیان جیا بکەرەوە</translation>
    </message>
    <message>
        <source>Suggested: %1 (gap of %2 at level %3)</source>
        <translation>پێشنیارکراو: %1 (کەلێن %2 لە ئاستی %3)</translation>
    </message>
    <message>
        <source>by a date:</source>
        <translation>تا بەرواری:</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>نەخەمڵێنراوە</translation>
    </message>
    <message>
        <source>What will be done *</source>
        <translation>چی دەکرێت *</translation>
    </message>
    <message>
        <source>Indicators it addresses</source>
        <translation>ئەو پێوەرانەی چارەسەریان دەکات</translation>
    </message>
    <message>
        <source>Responsible institution</source>
        <translation>دامەزراوەی بەرپرسیار</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>هاوبەشەکان</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ئەولەویەت</translation>
    </message>
    <message>
        <source>Timeframe</source>
        <translation>ماوەی کات</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>تێچووی خەمڵێنراو</translation>
    </message>
    <message>
        <source>Resources needed</source>
        <translation>سەرچاوە پێویستەکان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>دۆخ</translation>
    </message>
    <message>
        <source>Say what will be done.</source>
        <translation>بنووسە چی دەکرێت.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The database %1 was damaged. It was moved to %2 (nothing was deleted) and a new, empty database was started.</source>
        <translation>بنکەدراوەی %1 تێکچووبوو. گوازرایەوە بۆ %2 (هیچ شتێک نەسڕایەوە) و بنکەدراوەیەکی نوێی بەتاڵ دروستکرا.</translation>
    </message>
    <message>
        <source>The database %1 was upgraded for this version of HBM Assess. A copy of it as it was is kept at %2.</source>
        <translation>بنکەدراوەی %1 بۆ ئەم وەشانەی HBM Assess نوێکرایەوە. کۆپییەکی وەک خۆی لە %2 هەڵگیراوە.</translation>
    </message>
</context>
<context>
    <name>AssessmentListModel</name>
    <message>
        <source>Site</source>
        <translation>شوێن</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>پرسیارنامە</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>بەروار</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>دۆخ</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>تەواوبوون</translation>
    </message>
    <message>
        <source>Mean level</source>
        <translation>تێکڕای ئاست</translation>
    </message>
    <message>
        <source>%1 of %2 indicators answered</source>
        <translation>وەڵامی %1 لە %2 پێوەر دراوەتەوە</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <source>Find an indicator by id or words (Ctrl+F)</source>
        <translation>پێوەرێک بە ناسنامە یان وشە بدۆزەرەوە (Ctrl+F)</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>%v لە %m وەڵام دراوەتەوە</translation>
    </message>
    <message>
        <source>◀ Previous (Alt+Up)</source>
        <translation>▶ پێشوو (Alt+Up)</translation>
    </message>
    <message>
        <source>Next (Alt+Down) ▶</source>
        <translation>دواتر (Alt+Down) ◀</translation>
    </message>
    <message>
        <source>Review &amp;&amp; finish…</source>
        <translation>پێداچوونەوە &amp;&amp; تەواوکردن…</translation>
    </message>
    <message>
        <source>All assessments</source>
        <translation>هەموو هەڵسەنگاندنەکان</translation>
    </message>
    <message>
        <source>&amp;Questionnaire</source>
        <translation>&amp;پرسیارنامە</translation>
    </message>
    <message>
        <source>Re&amp;sults</source>
        <translation>ئە&amp;نجامەکان</translation>
    </message>
    <message>
        <source>&amp;Plan of action</source>
        <translation>&amp;پلانی کار</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>&amp;وۆرکشۆپ</translation>
    </message>
    <message>
        <source>Workshop &amp;outputs</source>
        <translation>&amp;دەرئەنجامەکانی وۆرکشۆپ</translation>
    </message>
    <message>
        <source>This assessment is final; reopen it as a draft to change its method.</source>
        <translation>ئەم هەڵسەنگاندنە کۆتاییە؛ وەک ڕەشنووس بیکەرەوە بۆ گۆڕینی ڕێبازەکەی.</translation>
    </message>
    <message>
        <source>Change the target policy and scope</source>
        <translation>گۆڕینی سیاسەتی ئامانج و مەودا</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Choose on a calendar</source>
        <translation>لە ساڵنامەکە هەڵیبژێرە</translation>
    </message>
    <message>
        <source>Type the date as YYYY-MM-DD, for example 2025-03-15.</source>
        <translation>بەروار بەم شێوەیە بنووسە: YYYY-MM-DD (ساڵ-مانگ-ڕۆژ)، بۆ نموونە ‎2025-03-15‎.</translation>
    </message>
</context>
<context>
    <name>GapsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 لە %2</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Workshop groups</source>
        <translation>گرووپەکانی وۆرکشۆپ</translation>
    </message>
    <message>
        <source>No groups yet. Press Add group for each break-out group, name it, then tick the indicators it scores.</source>
        <translation>هێشتا هیچ گرووپێک نییە. بۆ هەر گرووپێکی کار «زیادکردنی گرووپ» دابگرە، ناوی لێ بنێ، پاشان ئەو پێوەرانە نیشان بکە کە هەڵیاندەسەنگێنێت.</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>زیادکردنی گرووپ</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>لابردنی گرووپ</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>ناوەکان، بە فاریزە لێکیان جیا بکەرەوە</translation>
    </message>
    <message>
        <source>Institutions, separated by commas</source>
        <translation>دامەزراوەکان، بە فاریزە لێکیان جیا بکەرەوە</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>ناوی گرووپ</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>ئەندامان</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>دامەزراوەکان</translation>
    </message>
    <message>
        <source>Indicators it scores</source>
        <translation>ئەو پێوەرانەی هەڵیاندەسەنگێنێت</translation>
    </message>
    <message>
        <source>%1 (%2 indicators)</source>
        <translation>%1 (%2 پێوەر)</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>گرووپی %1</translation>
    </message>
    <message>
        <source>Every group needs a name of its own.</source>
        <translation>هەر گرووپێک پێویستی بە ناوێکی تایبەت بە خۆی هەیە.</translation>
    </message>
    <message>
        <source>Discard the changes to the groups (%1)? They have not been saved.</source>
        <translation>گۆڕانکارییەکانی گرووپەکان (%1) فڕێ بدرێن؟ هێشتا پاشەکەوت نەکراون.</translation>
    </message>
    <message>
        <source>groups removed</source>
        <translation>گرووپە لابراوەکان</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>فڕێدان</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>بەردەوامبوون لە دەستکاری</translation>
    </message>
</context>
<context>
    <name>HeatmapPanel</name>
    <message>
        <source>Double-click an assessment to open it.</source>
        <translation>دوو کلیک لە هەڵسەنگاندنێک بکە بۆ کردنەوەی.</translation>
    </message>
    <message>
        <source>Click a cell of the heatmap to list the assessments behind it.</source>
        <translation>کلیک لە خانەیەکی نەخشەی گەرمی بکە بۆ پیشاندانی ئەو هەڵسەنگاندنانەی لەسەریان بنیات نراوە.</translation>
    </message>
    <message>
        <source>Mean level by site and indicator</source>
        <translation>تێکڕای ئاست بەپێی شوێن و پێوەر</translation>
    </message>
    <message>
        <source>Mean level by site and area</source>
        <translation>تێکڕای ئاست بەپێی شوێن و بوار</translation>
    </message>
    <message>
        <source>%1: no scored answers</source>
        <translation>%1: هیچ وەڵامێکی هەڵسەنگێنراو نییە</translation>
    </message>
    <message>
        <source>%1: mean level %2 · assessments: %3</source>
        <translation>%1: تێکڕای ئاست %2 · هەڵسەنگاندنەکان: %3</translation>
    </message>
    <message>
        <source>Assessments behind %1: %2</source>
        <translation>هەڵسەنگاندنەکانی %1: %2</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Search by site, questionnaire, date or status (Ctrl+F)</source>
        <translation>گەڕان بەپێی شوێن، پرسیارنامە، بەروار یان دۆخ (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>هەڵسەنگاندنی &amp;نوێ…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;کردنەوە</translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation>&amp;بەدواداچوون…</translation>
    </message>
    <message>
        <source>Start a follow-up assessment from the selected one</source>
        <translation>دەستپێکردنی هەڵسەنگاندنێکی بەدواداچوون لەسەر بنەمای هەڵسەنگاندنی دیاریکراو</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;سڕینەوە</translation>
    </message>
    <message>
        <source>Mean level</source>
        <translation>تێکڕای ئاست</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No assessments yet&lt;/h2&gt;&lt;p&gt;Start by creating an assessment of a border crossing point, or open a demo assessment to see how it works.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;هێشتا هیچ هەڵسەنگاندنێک نییە&lt;/h2&gt;&lt;p&gt;بە دروستکردنی هەڵسەنگاندنێک بۆ دەروازەیەکی سنووری دەست پێ بکە، یان هەڵسەنگاندنێکی نموونەیی بکەرەوە بۆ ئەوەی ببینیت چۆن کار دەکات.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Create an assessment…</source>
        <translation>دروستکردنی هەڵسەنگاندن…</translation>
    </message>
    <message>
        <source>Open a demo assessment</source>
        <translation>کردنەوەی هەڵسەنگاندنێکی نموونەیی</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>ڕاپۆرتی هاوردەکردن</translation>
    </message>
    <message>
        <source>No workbooks were found.</source>
        <translation>هیچ فایلێکی Excel نەدۆزرایەوە.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>ئەنجام</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>وردەکاری</translation>
    </message>
    <message>
        <source>Changed cells: %1</source>
        <translation>خانە گۆڕاوەکان: %1</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Target level</source>
        <translation>ئاستی ئامانج</translation>
    </message>
    <message>
        <source>Evidence type</source>
        <translation>جۆری بەڵگە</translation>
    </message>
    <message>
        <source>Evidence reference</source>
        <translation>سەرچاوەی بەڵگە</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>بەڵگە</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>متمانە</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>تێبینی</translation>
    </message>
    <message>
        <source>Not applicable (N)</source>
        <translation>پەیوەندیدار نییە (N)</translation>
    </message>
    <message>
        <source>Unknown (U)</source>
        <translation>نەزانراو (U)</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>سڕینەوەی وەڵام</translation>
    </message>
    <message>
        <source>Document title, article, file name…</source>
        <translation>ناونیشانی بەڵگەنامە، ماددە، ناوی فایل…</translation>
    </message>
    <message>
        <source>What was seen, read or heard, and where</source>
        <translation>چی بینرا، خوێندرایەوە یان بیسترا، و لە کوێ</translation>
    </message>
    <message>
        <source>Anything else the team should know</source>
        <translation>هەر شتێکی تر کە پێویستە تیمەکە بیزانێت</translation>
    </message>
    <message>
        <source>This indicator is not yet translated into your language; it is shown in English.</source>
        <translation>ئەم پێوەرە هێشتا وەرنەگێڕدراوەتە سەر زمانەکەت؛ بۆیە بە ئینگلیزی پیشان دەدرێت.</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— هیچ —</translation>
    </message>
    <message>
        <source>— not said —</source>
        <translation>— دیاری نەکراوە —</translation>
    </message>
    <message>
        <source>⚠ Level %1 claims capacity used in a crisis or exercise: add the evidence that shows it.</source>
        <translation>⚠ ئاستی %1 واتە توانایەک لە قەیرانێک یان مەشقێکدا بەکارهاتووە: ئەو بەڵگەیە زیاد بکە کە ئەمە نیشان دەدات.</translation>
    </message>
    <message>
        <source>%1 — settle it under Workshop → Settle disagreements.</source>
        <translation>%1 — لە وۆرکشۆپ ← یەکلاکردنەوەی ناکۆکییەکان یەکلای بکەرەوە.</translation>
    </message>
    <message>
        <source>This assessment is final. Reopen it as a draft to change answers.</source>
        <translation>ئەم هەڵسەنگاندنە کۆتاییە. بۆ گۆڕینی وەڵامەکان، وەک ڕەشنووس دووبارە بیکەرەوە.</translation>
    </message>
    <message>
        <source>Level %1 for %2</source>
        <translation>ئاستی %1 بۆ %2</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 بۆ %2</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>سڕینەوەی %1</translation>
    </message>
    <message>
        <source>Target for %1</source>
        <translation>ئاستی ئامانج بۆ %1</translation>
    </message>
    <message>
        <source>Evidence type for %1</source>
        <translation>جۆری بەڵگە بۆ %1</translation>
    </message>
    <message>
        <source>Confidence for %1</source>
        <translation>متمانە بۆ %1</translation>
    </message>
    <message>
        <source>This text is longer than %1 characters, the most a spreadsheet cell can hold. Shorten it; it has not been saved.</source>
        <translation>ئەم دەقە لە %1 پیت درێژترە، کە زۆرترین ژمارەیە خانەیەکی خشتە دەتوانێت هەڵیبگرێت. کورتی بکەرەوە؛ پاشەکەوت نەکراوە.</translation>
    </message>
    <message>
        <source>This text contains an invisible control character (at position %1), often copied from a PDF, that spreadsheet files cannot hold. Delete it; the text has not been saved.</source>
        <translation>ئەم دەقە نیشانەیەکی کۆنترۆڵی نادیار لەخۆ دەگرێت (لە شوێنی %1)، کە زۆرجار لە فایلێکی PDF کۆپی دەکرێت و فایلی خشتەکان ناتوانن هەڵیبگرن. بیسڕەوە؛ دەقەکە پاشەکەوت نەکراوە.</translation>
    </message>
    <message>
        <source>Edit text of %1</source>
        <translation>دەستکاریکردنی دەقی %1</translation>
    </message>
    <message>
        <source>A level counts only when every element of it is met; otherwise score the level below. In doubt between two levels, give the lower one.</source>
        <translation>ئاستێک تەنها کاتێک دەژمێردرێت کە هەموو توخمەکانی بەدی هاتبن؛ ئەگینا ئاستی خوارتر دابنێ. لە کاتی دوودڵی لە نێوان دوو ئاستدا، ئاستە نزمترەکە دابنێ.</translation>
    </message>
    <message>
        <source>The level to reach; by default the assessment&apos;s target policy sets it</source>
        <translation>ئەو ئاستەی دەبێت پێی بگەیت؛ بە شێوەی بنەڕەت سیاسەتی ئامانجی هەڵسەنگاندنەکە دیاری دەکات</translation>
    </message>
    <message>
        <source>Open the national assessment</source>
        <translation>کردنەوەی هەڵسەنگاندنی نیشتمانی</translation>
    </message>
    <message>
        <source>National indicator — from the national assessment of %1: %2. It is scored once for the country and shown here for context.</source>
        <translation>پێوەری نیشتمانی — لە هەڵسەنگاندنی نیشتمانیی ڕێکەوتی %1: %2. یەک جار بۆ هەموو وڵات هەڵدەسەنگێنرێت و لێرەدا بۆ ئاگاداری پیشان دەدرێت.</translation>
    </message>
    <message>
        <source>National indicator — the national assessment of %1 has not scored it yet. A score given here is a post-level view of a national matter.</source>
        <translation>پێوەری نیشتمانی — هەڵسەنگاندنی نیشتمانیی ڕێکەوتی %1 هێشتا هەڵی نەسەنگاندووە. ئەو نمرەیەی لێرەدا دەدرێت دیدێکی ئاستی دەروازەیە بۆ بابەتێکی نیشتمانی.</translation>
    </message>
    <message>
        <source>National indicator — there is no national assessment of this country yet. A score given here is a post-level view of a national matter.</source>
        <translation>پێوەری نیشتمانی — هێشتا هیچ هەڵسەنگاندنێکی نیشتمانی بۆ ئەم وڵاتە نییە. ئەو نمرەیەی لێرەدا دەدرێت دیدێکی ئاستی دەروازەیە بۆ بابەتێکی نیشتمانی.</translation>
    </message>
    <message>
        <source>Primary phase: %1</source>
        <translation>قۆناغی سەرەکی: %1</translation>
    </message>
    <message>
        <source>also: %1</source>
        <translation>هەروەها: %1</translation>
    </message>
    <message>
        <source>Another group scores this indicator; it is shown for reference. Your group, %1, scores the indicators in bold.</source>
        <translation>گرووپێکی تر ئەم پێوەرە هەڵدەسەنگێنێت؛ تەنها بۆ ئاگاداری پیشان دراوە. گرووپەکەت، %1، ئەو پێوەرانە هەڵدەسەنگێنێت کە بە قەڵەو نووسراون.</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>Not answered yet</source>
        <translation>هێشتا وەڵام نەدراوەتەوە</translation>
    </message>
    <message>
        <source>%1 — needs evidence</source>
        <translation>%1 — پێویستی بە بەڵگەیە</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation>هەڵوەشاندنەوە</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>دوای فایلی ئێستا ڕادەگیرێت…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HBM Assess</source>
        <translation>HBM Assess</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;فایل</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>هەڵسەنگاندنی &amp;نوێ…</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>کردنەوەی &amp;بنکەدراوە…</translation>
    </message>
    <message>
        <source>New encrypted data&amp;base…</source>
        <translation>بنکەدراوەی &amp;نوێی شفرەکراو…</translation>
    </message>
    <message>
        <source>Encr&amp;ypt this database…</source>
        <translation>&amp;شفرەکردنی ئەم بنکەدراوەیە…</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>&amp;دوایین بنکەدراوەکان</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>هەناردەکردن بۆ &amp;Excel…</translation>
    </message>
    <message>
        <source>Export &amp;all to Excel…</source>
        <translation>هەناردەکردنی &amp;هەموو بۆ Excel…</translation>
    </message>
    <message>
        <source>Export to Excel with a &amp;password…</source>
        <translation>هەناردەکردن بۆ Excel بە &amp;وشەی نهێنی…</translation>
    </message>
    <message>
        <source>Export all to Excel with a pass&amp;word…</source>
        <translation>هەناردەکردنی هەموو بۆ Excel بە وشەی &amp;نهێنی…</translation>
    </message>
    <message>
        <source>Export &amp;report (PDF)…</source>
        <translation>هەناردەکردنی &amp;ڕاپۆرت (PDF)…</translation>
    </message>
    <message>
        <source>Export questionnaire as &amp;XLSForm (Kobo, ODK)…</source>
        <translation>هەناردەکردنی پرسیارنامە وەک &amp;XLSForm ‏(Kobo، ODK)…</translation>
    </message>
    <message>
        <source>&amp;Import workbooks…</source>
        <translation>ها&amp;وردەکردنی فایلەکانی Excel…</translation>
    </message>
    <message>
        <source>Import a &amp;folder of workbooks…</source>
        <translation>هاوردەکردنی &amp;فۆڵدەرێکی فایلی Excel…</translation>
    </message>
    <message>
        <source>&amp;Close assessment</source>
        <translation>&amp;داخستنی هەڵسەنگاندن</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>د&amp;ەرچوون</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;دەستکاری</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;گەڕانەوە</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>دووبارە&amp;کردنەوە</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;پیشاندان</translation>
    </message>
    <message>
        <source>&amp;All assessments</source>
        <translation>&amp;هەموو هەڵسەنگاندنەکان</translation>
    </message>
    <message>
        <source>&amp;Portfolio: compare posts</source>
        <translation>&amp;بەراوردی دەروازەکان</translation>
    </message>
    <message>
        <source>&amp;Review and finish</source>
        <translation>&amp;پێداچوونەوە و تەواوکردن</translation>
    </message>
    <message>
        <source>&amp;Target policy and scope…</source>
        <translation>سیاسەتی ئامانج و مەودا…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;زمان</translation>
    </message>
    <message>
        <source>&amp;Outputs: challenges, strategy, contributions</source>
        <translation>&amp;دەرئەنجامەکان: ئاستەنگەکان، ستراتیژی، بەشدارییەکان</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;یارمەتی</translation>
    </message>
    <message>
        <source>&amp;About HBM Assess</source>
        <translation>&amp;دەربارەی HBM Assess</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(هێشتا هیچ)</translation>
    </message>
    <message>
        <source>HBM Assess — %1</source>
        <translation>HBM Assess — %1</translation>
    </message>
    <message>
        <source>Follow-up started from the earlier assessment; its answers are the starting point. Change what has changed.</source>
        <translation>هەڵسەنگاندنی بەدواداچوون لەسەر بنەمای هەڵسەنگاندنی پێشوو دەستی پێکرد؛ وەڵامەکانی ئەو خاڵی دەستپێکن. ئەوەی گۆڕاوە بیگۆڕە.</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>سڕینەوەی هەڵسەنگاندن</translation>
    </message>
    <message>
        <source>Delete the assessment of %1 dated %2? You can undo this with Ctrl+Z.</source>
        <translation>هەڵسەنگاندنی %1 بە بەرواری %2 بسڕدرێتەوە؟ دەتوانیت بە Ctrl+Z بیگەڕێنیتەوە.</translation>
    </message>
    <message>
        <source>Assessment deleted. Edit → Undo brings it back.</source>
        <translation>هەڵسەنگاندنەکە سڕایەوە. دەستکاری ← گەڕانەوە دەیگەڕێنێتەوە.</translation>
    </message>
    <message>
        <source>%1 — HBM Assess</source>
        <translation>%1 — HBM Assess</translation>
    </message>
    <message>
        <source>Select or open an assessment to export.</source>
        <translation>هەڵسەنگاندنێک دیاری بکە یان بیکەرەوە بۆ هەناردەکردن.</translation>
    </message>
    <message>
        <source>Select or open an assessment for its report.</source>
        <translation>هەڵسەنگاندنێک دیاری بکە یان بیکەرەوە بۆ ڕاپۆرتەکەی.</translation>
    </message>
    <message>
        <source>Export questionnaire as XLSForm</source>
        <translation>هەناردەکردنی پرسیارنامە وەک XLSForm</translation>
    </message>
    <message>
        <source>Questionnaire:</source>
        <translation>پرسیارنامە:</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>پاشەکەوت کرا %1</translation>
    </message>
    <message>
        <source>Saving… the database is busy; changes kept and retried: %1</source>
        <translation>پاشەکەوتکردن… بنکەی زانیاری سەرقاڵە؛ گۆڕانکارییەکان هەڵگیراون و دووبارە هەوڵ دەدرێتەوە: %1</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>هێشتا پاشەکەوت نەکراوە</translation>
    </message>
    <message>
        <source>Changes not saved yet: %1. Another program has held the database locked for several seconds. Retry to keep waiting, or discard them.</source>
        <translation>گۆڕانکاریی پاشەکەوت نەکراو: %1. بەرنامەیەکی تر چەند چرکەیەکە بنکەی زانیارییەکەی داخستووە. دووبارە هەوڵبدەرەوە بۆ چاوەڕوانیکردن، یان وازیان لێ بهێنە.</translation>
    </message>
    <message>
        <source>NOT SAVED</source>
        <translation>پاشەکەوت نەکرا!</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>پاشەکەوت نەکرا</translation>
    </message>
    <message>
        <source>The last change could not be saved: %1</source>
        <translation>دوایین گۆڕانکاری پاشەکەوت نەکرا: %1</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>کردنەوەی بنکەدراوە</translation>
    </message>
    <message>
        <source>HBM Assess databases (*.sqlite *.db);;All files (*)</source>
        <translation>بنکەدراوەکانی HBM Assess (*.sqlite *.db);;هەموو فایلەکان (*)</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>بنکەدراوەکە ناکرێتەوە</translation>
    </message>
    <message>
        <source>New encrypted database</source>
        <translation>بنکەدراوەی نوێی شفرەکراو</translation>
    </message>
    <message>
        <source>%1 already exists. Choose a new file name, or open it and use File → Encrypt this database….</source>
        <translation>%1 پێشتر هەیە. ناوێکی نوێ بۆ فایلەکە هەڵبژێرە، یان بیکەرەوە و فایل ← شفرەکردنی ئەم بنکەدراوەیە… بەکاربهێنە.</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>شفرەکردنی ئەم بنکەدراوەیە</translation>
    </message>
    <message>
        <source>This database is already encrypted.</source>
        <translation>ئەم بنکەدراوەیە پێشتر شفرە کراوە.</translation>
    </message>
    <message>
        <source>Wait until the export or import under way has finished.</source>
        <translation>چاوەڕێ بکە تا هەناردەکردن یان هاوردەکردنی ئێستا تەواو دەبێت.</translation>
    </message>
    <message>
        <source>The database was not encrypted: %1</source>
        <translation>بنکەدراوەکە شفرە نەکرا: %1</translation>
    </message>
    <message>
        <source>The database is now encrypted. HBM Assess will ask for its passphrase at every start.</source>
        <translation>بنکەدراوەکە ئێستا شفرە کراوە. HBM Assess لە هەر دەستپێکردنێکدا دەستەواژەی نهێنییەکەی دەپرسێت.</translation>
    </message>
    <message>
        <source>These older copies were made before and are not encrypted; delete them once you no longer need them:</source>
        <translation>ئەم کۆپییە کۆنانە پێش شفرەکردن دروست کراون و شفرە نەکراون؛ کاتێک پێویستت پێیان نەما بیانسڕەوە:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>HBM Assess will use the new language after a restart. Nothing is lost: every answer is already saved. Restart now?</source>
        <translation>HBM Assess دوای دەستپێکردنەوە زمانە نوێیەکە بەکاردەهێنێت. هیچ شتێک ون نابێت: هەموو وەڵامێک پێشتر پاشەکەوت کراوە. ئێستا دەستپێبکرێتەوە؟</translation>
    </message>
    <message>
        <source>About HBM Assess</source>
        <translation>دەربارەی HBM Assess</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HBM Assess %1&lt;/h3&gt;&lt;p&gt;Humanitarian Border Management capacity assessments.&lt;/p&gt;&lt;p&gt;Data is kept in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HBM Assess %1&lt;/h3&gt;&lt;p&gt;هەڵسەنگاندنی توانای بەڕێوەبردنی مرۆیی سنوور.&lt;/p&gt;&lt;p&gt;داتاکان لێرە هەڵدەگیرێن:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>&amp;وۆرکشۆپ</translation>
    </message>
    <message>
        <source>Delete assessment of %1</source>
        <translation>سڕینەوەی هەڵسەنگاندنی %1</translation>
    </message>
    <message>
        <source>&amp;Groups and assignments…</source>
        <translation>&amp;گرووپەکان و دابەشکردنی پێوەرەکان…</translation>
    </message>
    <message>
        <source>&amp;Prepare group files…</source>
        <translation>&amp;ئامادەکردنی فایلەکانی گرووپ…</translation>
    </message>
    <message>
        <source>&amp;Import group files…</source>
        <translation>ها&amp;وردەکردنی فایلەکانی گرووپ…</translation>
    </message>
    <message>
        <source>&amp;Settle disagreements</source>
        <translation>&amp;یەکلاکردنەوەی ناکۆکییەکان</translation>
    </message>
    <message>
        <source>Pro&amp;jector view</source>
        <translation>پیشاندانی &amp;پرۆجێکتەر</translation>
    </message>
    <message>
        <source>Open the workshop assessment first.</source>
        <translation>سەرەتا هەڵسەنگاندنی وۆرکشۆپەکە بکەرەوە.</translation>
    </message>
    <message>
        <source>Reopened after an unexpected stop</source>
        <translation>دووبارە کرایەوە دوای وەستانێکی چاوەڕواننەکراو</translation>
    </message>
    <message>
        <source>HBM Assess did not close properly last time. The assessment of %1 was open; it has been reopened at indicator %2. Every answer shown as saved was kept.</source>
        <translation>HBM Assess جاری پێشوو بە دروستی دانەخرا. هەڵسەنگاندنی %1 کراوە بوو؛ لە پێوەری %2 دووبارە کرایەوە. هەموو وەڵامێک کە وەک پاشەکەوتکراو پیشان درابوو پارێزراوە.</translation>
    </message>
</context>
<context>
    <name>MethodDialog</name>
    <message>
        <source>Target policy and scope</source>
        <translation>سیاسەتی ئامانج و مەودا</translation>
    </message>
    <message>
        <source>Each indicator one level above where it stands (or the questionnaire&apos;s own target, when higher).</source>
        <translation>هەر پێوەرێک ئاستێک سەرووی ئاستی ئێستای (یان ئامانجی خودی پرسیارنامەکە، ئەگەر بەرزتر بێت).</translation>
    </message>
    <message>
        <source>Every indicator below 3 aims at developed capacity: documented and in place.</source>
        <translation>هەر پێوەرێک لە خوار 3 ئامانجی توانای پەرەپێدراوە: بەڵگەدارکراو و لە کاردا.</translation>
    </message>
    <message>
        <source>Indicators whose primary phase is the emergency aim at 4, tested in practice; the others at 3.</source>
        <translation>ئەو پێوەرانەی قۆناغی سەرەکییان فریاکەوتنە ئامانجیان 4ە، واتە لە کرداردا تاقیکراوەتەوە؛ ئەوانی تر 3.</translation>
    </message>
    <message numerus="yes">
        <source>A target typed for one indicator stays as typed (%n indicators here); every other target, the gaps, the suggested priorities and the report follow the policy.</source>
        <translation>
            <numerusform>ئامانجێک کە بۆ یەک پێوەر نووسراوە وەک خۆی دەمێنێتەوە (ژمارەی ئەو پێوەرانە لێرە: %n)؛ ئامانجەکانی تر و کەلێنەکان و ئەولەویەتە پێشنیارکراوەکان و ڕاپۆرتەکە پەیڕەوی سیاسەتەکە دەکەن.</numerusform>
        </translation>
    </message>
    <message>
        <source>Target policy</source>
        <translation>سیاسەتی ئامانج</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>مەودا</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>هەڵسەنگاندنی نوێ</translation>
    </message>
    <message>
        <source>%1 (%2 indicators)</source>
        <translation>%1 (%2 پێوەر)</translation>
    </message>
    <message>
        <source>A national assessment covers the country&apos;s laws, coordination and data systems, scored once; it needs no crossing point.</source>
        <translation>هەڵسەنگاندنی نیشتمانی یاسا و هەماهەنگی و سیستەمەکانی داتای وڵات دەگرێتەوە و یەک جار هەڵدەسەنگێنرێت؛ پێویستی بە خاڵی سنووری نییە.</translation>
    </message>
    <message>
        <source>The level each indicator should reach; a target typed for one indicator overrides it</source>
        <translation>ئەو ئاستەی هەر پێوەرێک دەبێت پێی بگات؛ ئامانجێک کە بۆ یەک پێوەر بنووسرێت لە پێشترە</translation>
    </message>
    <message>
        <source>— a new site —</source>
        <translation>— شوێنێکی نوێ —</translation>
    </message>
    <message>
        <source>Two-letter ISO country code, e.g. IQ</source>
        <translation>کۆدی ISOی دوو پیتیی وڵات، بۆ نموونە IQ</translation>
    </message>
    <message>
        <source>optional, e.g. IQG03</source>
        <translation>ئارەزوومەندانە، بۆ نموونە IQG03</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>ناوەکان، بە فاریزە لێکیان جیا بکەرەوە</translation>
    </message>
    <message>
        <source>Another institution</source>
        <translation>دامەزراوەیەکی تر</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>زیادکردن</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>پرسیارنامە</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>مەودا</translation>
    </message>
    <message>
        <source>Target policy</source>
        <translation>سیاسەتی ئامانج</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>شوێن</translation>
    </message>
    <message>
        <source>Site name *</source>
        <translation>ناوی شوێن *</translation>
    </message>
    <message>
        <source>Country *</source>
        <translation>وڵات *</translation>
    </message>
    <message>
        <source>Site type</source>
        <translation>جۆری شوێن</translation>
    </message>
    <message>
        <source>P-code</source>
        <translation>کۆدی شوێن (P-code)</translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation>هێڵی پانی، هێڵی درێژی</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>بەروار *</translation>
    </message>
    <message>
        <source>Assessors *</source>
        <translation>هەڵسەنگێنەران *</translation>
    </message>
    <message>
        <source>Participating institutions</source>
        <translation>دامەزراوە بەشداربووەکان</translation>
    </message>
    <message>
        <source>Create and start</source>
        <translation>دروستکردن و دەستپێکردن</translation>
    </message>
    <message>
        <source>Governorate *</source>
        <translation>پارێزگا *</translation>
    </message>
    <message>
        <source>Country or meeting *</source>
        <translation>وڵات یان کۆبوونەوە *</translation>
    </message>
    <message>
        <source>e.g. Iraq national workshop, Erbil</source>
        <translation>بۆ نموونە: وۆرکشۆپی نیشتمانیی عێراق، هەولێر</translation>
    </message>
    <message>
        <source>Give the site&apos;s name, or choose one from the list above.</source>
        <translation>ناوی شوێنەکە بنووسە، یان یەکێک لە لیستەکەی سەرەوە هەڵبژێرە.</translation>
    </message>
    <message>
        <source>Give the governorate&apos;s name.</source>
        <translation>ناوی پارێزگاکە بنووسە.</translation>
    </message>
    <message>
        <source>Name the country or the meeting.</source>
        <translation>ناوی وڵات یان کۆبوونەوەکە بنووسە.</translation>
    </message>
    <message>
        <source>Two capital letters, e.g. IQ.</source>
        <translation>دوو پیتی گەورەی لاتینی، بۆ نموونە IQ.</translation>
    </message>
    <message>
        <source>A P-code starts with the country letters, e.g. IQG03.</source>
        <translation>کۆدی شوێن (P-code) بە پیتەکانی وڵات دەست پێدەکات، بۆ نموونە IQG03.</translation>
    </message>
    <message>
        <source>Name at least one assessor.</source>
        <translation>لانیکەم ناوی یەک هەڵسەنگێنەر بنووسە.</translation>
    </message>
</context>
<context>
    <name>OutputsView</name>
    <message>
        <source>What the group said, in its own words</source>
        <translation>ئەوەی گرووپەکە گوتی، بە وشەکانی خۆی</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>زیادکردن</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>بوار</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>جۆر</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>دامەزراوە</translation>
    </message>
    <message>
        <source>Indicators it concerns</source>
        <translation>ئەو پێوەرانەی پەیوەندییان پێوەیەتی</translation>
    </message>
    <message>
        <source>Plan actions it supports</source>
        <translation>ئەو کارانەی پلان کە پشتگیری دەکات</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>دەق</translation>
    </message>
    <message>
        <source>Group %1 writes here.</source>
        <translation>گرووپی %1 لێرە دەنووسێت.</translation>
    </message>
    <message>
        <source>The facilitator writes here; each group&apos;s outputs arrive with its file.</source>
        <translation>ڕێکخەر لێرە دەنووسێت؛ دەرئەنجامەکانی هەر گرووپێک لەگەڵ فایلەکەی دێن.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>دەرئەنجام</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>گرووپ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>سڕینەوە</translation>
    </message>
    <message>
        <source>A contribution names the institution that offers it.</source>
        <translation>بەشداری ناوی ئەو دامەزراوەیە دەهێنێت کە پێشکەشی دەکات.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;وشەی نهێنی:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;دەستەواژەی نهێنی:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;دووبارە:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>دوو وشە نهێنییەکە وەک یەک نین.</translation>
    </message>
    <message>
        <source>Protect with a password</source>
        <translation>پاراستن بە وشەی نهێنی</translation>
    </message>
    <message>
        <source>Excel and LibreOffice will ask for this password to open the workbook. Tell it to the recipient another way than the workbook itself (a call, another messenger): a lost password cannot be recovered.</source>
        <translation>Excel و LibreOffice ئەم وشە نهێنییە دەپرسن بۆ کردنەوەی فایلەکە. بە ڕێگایەکی تر جگە لە خودی فایلەکە بە وەرگرەکەی بڵێ (پەیوەندی تەلەفۆنی، نامەنێرێکی تر): وشەی نهێنی ونبوو ناگەڕێتەوە.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>وشەی نهێنی</translation>
    </message>
    <message numerus="yes">
        <source>%n workbook(s) to import are protected with a password. Type the password the sender gave you; a workbook it does not open is rejected and the others are imported.</source>
        <translation>
            <numerusform>%n فایلی Excel بۆ هاوردەکردن بە وشەی نهێنی پارێزراون. ئەو وشە نهێنییە بنووسە کە نێرەرەکە پێی داویت؛ هەر فایلێک کە نەیکاتەوە ڕەت دەکرێتەوە و ئەوانی تر هاوردە دەکرێن.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>شفرەکردنی ئەم بنکەدراوەیە</translation>
    </message>
    <message>
        <source>The database will be encrypted: without this passphrase nobody can read it, not even you. HBM Assess asks for it at every start and never stores it. Keep it in your office&apos;s password manager: a lost passphrase cannot be recovered. Use four or more random words.</source>
        <translation>بنکەدراوەکە شفرە دەکرێت: بەبێ ئەم دەستەواژە نهێنییە کەس ناتوانێت بیخوێنێتەوە، تەنانەت خۆشت. HBM Assess لە هەر دەستپێکردنێکدا دەیپرسێت و هەرگیز هەڵیناگرێت. لە بەڕێوەبەری وشە نهێنییەکانی نووسینگەکەتدا بیپارێزە: دەستەواژەی نهێنی ونبوو ناگەڕێتەوە. چوار وشەی هەڕەمەکی یان زیاتر بەکاربهێنە.</translation>
    </message>
    <message>
        <source>The database %1 is encrypted. Type its passphrase to open it.</source>
        <translation>بنکەدراوەی %1 شفرە کراوە. دەستەواژە نهێنییەکەی بنووسە بۆ کردنەوەی.</translation>
    </message>
    <message>
        <source>That passphrase does not open the database %1; nothing was changed. Try again.</source>
        <translation>ئەو دەستەواژە نهێنییە بنکەدراوەی %1 ناکاتەوە؛ هیچ نەگۆڕا. دووبارە هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>Encrypted database</source>
        <translation>بنکەدراوەی شفرەکراو</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Filter actions by any word: institution, indicator, status…</source>
        <translation>پاڵاوتنی کارەکان بە هەر وشەیەک: دامەزراوە، پێوەر، دۆخ…</translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation>زیادکردنی کار…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>دەستکاری…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>سڕینەوە</translation>
    </message>
    <message>
        <source>(no institution named)</source>
        <translation>(هیچ دامەزراوەیەک دیاری نەکراوە)</translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>%n کار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n institutions</source>
        <translation>
            <numerusform>%n دامەزراوە</numerusform>
        </translation>
    </message>
    <message>
        <source>Raise %1 to level %2</source>
        <translation>بەرزکردنەوەی %1 بۆ ئاستی %2</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>سڕینەوەی کار</translation>
    </message>
    <message>
        <source>Delete the action “%1”?</source>
        <translation>کاری «%1» بسڕدرێتەوە؟</translation>
    </message>
</context>
<context>
    <name>PortfolioFilters</name>
    <message>
        <source>All countries</source>
        <translation>هەموو وڵاتەکان</translation>
    </message>
    <message>
        <source>All site types</source>
        <translation>هەموو جۆرەکانی شوێن</translation>
    </message>
    <message>
        <source>All questionnaires</source>
        <translation>هەموو پرسیارنامەکان</translation>
    </message>
    <message>
        <source>All versions</source>
        <translation>هەموو وەشانەکان</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>هەموو دۆخەکان</translation>
    </message>
    <message>
        <source>Include drafts</source>
        <translation>ڕەشنووسەکانیش تێدا بێت</translation>
    </message>
    <message>
        <source>Include other versions and questionnaires</source>
        <translation>وەشان و پرسیارنامەکانی تریش تێدا بێت</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>هەموو بوارەکان</translation>
    </message>
    <message>
        <source>Only the latest assessment of each site</source>
        <translation>تەنها دوایین هەڵسەنگاندنی هەر شوێنێک</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>وڵات:</translation>
    </message>
    <message>
        <source>Site type:</source>
        <translation>جۆری شوێن:</translation>
    </message>
    <message>
        <source>Questionnaire:</source>
        <translation>پرسیارنامە:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>وەشان:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>لە:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>تا:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>دۆخ:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>بوار:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>هەر بەروارێک</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>Export to Excel…</source>
        <translation>هەناردەکردن بۆ Excel…</translation>
    </message>
    <message>
        <source>Export as CSV tables…</source>
        <translation>هەناردەکردن وەک خشتەی CSV…</translation>
    </message>
    <message>
        <source>A long table of answers and the tables it refers to, at any size, for Power BI, pandas or DuckDB (docs/hq-data.md)</source>
        <translation>خشتەیەکی درێژی وەڵامەکان و ئەو خشتانەی ئاماژەیان پێدەکات، بە هەر قەبارەیەک، بۆ Power BI یان pandas یان DuckDB (docs/hq-data.md)</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>نوێ دەکرێتەوە…</translation>
    </message>
    <message>
        <source>Loading the portfolio…</source>
        <translation>بەراوردی دەروازەکان بار دەکرێت…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>ژمارەکان هەژمار نەکران: %1</translation>
    </message>
    <message>
        <source>Assessments: %1 · sites: %2.</source>
        <translation>هەڵسەنگاندنەکان: %1 · شوێنەکان: %2.</translation>
    </message>
    <message>
        <source>Posts are compared on post-level indicators; national indicators are shown once per country in the National tab (national assessments selected: %1).</source>
        <translation>خاڵە سنوورییەکان لەسەر پێوەرەکانی ئاستی خاڵی سنووری بەراورد دەکرێن؛ پێوەرە نیشتمانییەکان بۆ هەر وڵاتێک یەک جار لە بەشی «نیشتمانی» پیشان دەدرێن (هەڵسەنگاندنە نیشتمانییە هەڵبژێردراوەکان: %1).</translation>
    </message>
    <message>
        <source>Left out, so that like is compared with like — drafts: %1; assessments of other questionnaires or versions: %2.</source>
        <translation>لابراون بۆ ئەوەی هاوشێوە لەگەڵ هاوشێوە بەراورد بکرێت — ڕەشنووسەکان: %1؛ هەڵسەنگاندنەکانی پرسیارنامە یان وەشانی تر: %2.</translation>
    </message>
    <message>
        <source>%1 (not in version %2)</source>
        <translation>%1 (لە وەشانی %2دا نییە)</translation>
    </message>
    <message>
        <source>Indicators left out of the comparison: %1, because not every version of the questionnaire asks them — %2.</source>
        <translation>پێوەرە لابراوەکان لە بەراوردەکە: %1، چونکە لە هەموو وەشانەکانی پرسیارنامەکەدا نین — %2.</translation>
    </message>
    <message>
        <source>Renamed indicators lined up with the newest version: %1.</source>
        <translation>پێوەرە ناوگۆڕاوەکان کە لەگەڵ نوێترین وەشان یەکخراون: %1.</translation>
    </message>
    <message>
        <source>Not counted as scores: %1 Not applicable and %2 Unknown answers.</source>
        <translation>وەک نمرە نەژمێردراون: %1 وەڵامی «پەیوەندیدار نییە» و %2 وەڵامی «نەزانراو».</translation>
    </message>
    <message>
        <source>Laws, national bodies and national systems are scored once per country, not post by post: they are left out of the heatmap, the ranking and the common gaps. Each level comes from the country&apos;s newest final national assessment; where there is none, it is the mean of the posts&apos; own views of the national matter, and says so.</source>
        <translation>یاسا، دەزگا نیشتمانییەکان و سیستەمە نیشتمانییەکان بۆ هەر وڵاتێک یەک جار هەڵدەسەنگێنرێن، نەک خاڵ بە خاڵ: بۆیە لە نەخشەی گەرمی، ڕیزبەندی و کەلێنە هاوبەشەکان دەرهێنراون. هەر ئاستێک لە نوێترین هەڵسەنگاندنی نیشتمانیی کۆتایی وڵاتەکە وەردەگیرێت؛ ئەگەر نەبێت، تێکڕای هەڵسەنگاندنی خاڵە سنوورییەکان خۆیانە بۆ ئەو بابەتە نیشتمانییە، و ئەمە دەگوترێت.</translation>
    </message>
    <message>
        <source>Mean level over every scored answer of the site; gap = target − level, the target being the one entered, else the indicator&apos;s default, else one level up.</source>
        <translation>تێکڕای ئاست لەسەر هەموو وەڵامە هەڵسەنگێنراوەکانی شوێنەکە؛ کەلێن = ئامانج − ئاست، ئامانج ئەوەیە کە تۆمار کراوە، ئەگەر نا ئامانجی بنەڕەتی پێوەرەکە، ئەگەر نا یەک ئاست سەرووی ئاستی ئێستا.</translation>
    </message>
    <message>
        <source>A site is weak on an indicator at level 1 or 2 in its latest assessment. An indicator weak almost everywhere calls for a national action rather than one post&apos;s.</source>
        <translation>شوێنێک لە پێوەرێکدا لاوازە ئەگەر لە دوایین هەڵسەنگاندنیدا لە ئاستی 1 یان 2 بێت. پێوەرێک کە نزیکەی لە هەموو شوێنێک لاواز بێت، پێویستی بە کارێکی نیشتمانییە نەک کاری تەنها یەک دەروازە.</translation>
    </message>
    <message>
        <source>Export the portfolio</source>
        <translation>هەناردەکردنی بەراوردی دەروازەکان</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>فایلی Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose a folder for the CSV tables</source>
        <translation>بوخچەیەک بۆ خشتەکانی CSV هەڵبژێرە</translation>
    </message>
    <message>
        <source>Exporting the portfolio…</source>
        <translation>بەراوردی دەروازەکان هەناردە دەکرێت…</translation>
    </message>
    <message>
        <source>Exported to %1 (rows of data: %2)</source>
        <translation>هەناردە کرا بۆ %1 (ڕیزەکانی داتا: %2)</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>هەناردەکردن سەرنەکەوت: %1</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Show:</source>
        <translation>پیشاندان:</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>نوێ دەکرێتەوە…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>ژمارەکان هەژمار نەکران: %1</translation>
    </message>
    <message>
        <source>No site was assessed more than once with these filters.</source>
        <translation>بەم پاڵاوتنانە هیچ شوێنێک زیاتر لە جارێک هەڵنەسەنگێنراوە.</translation>
    </message>
    <message>
        <source>Sites assessed more than once: %1. Indicators from the baseline to the latest assessment — improved: %2, same: %3, worse: %4, not comparable: %5.</source>
        <translation>ئەو شوێنانەی زیاتر لە جارێک هەڵسەنگێنراون: %1. پێوەرەکان لە هێڵی بنەڕەتەوە تا دوایین هەڵسەنگاندن — باشتر بووە: %2، وەک خۆیەتی: %3، خراپتر بووە: %4، بەراوردنەکراو: %5.</translation>
    </message>
    <message>
        <source>Rapid against detailed (sites with a rapid baseline and a detailed follow-up: %1): %2 indicators compared through what each rapid item summarises, %3 left out — improved: %4, same: %5, worse: %6, not comparable: %7.</source>
        <translation>خێرا بەرامبەر ورد (ئەو شوێنانەی هێڵی بنەڕەتی خێرا و بەدواداچوونی وردیان هەیە: %1): پێوەرە بەراوردکراوەکان لە ڕێگەی ئەوەی هەر بڕگەیەکی خێرا پوختەی دەکاتەوە: %2، لە دەرەوە: %3 — باشتر بووە: %4، وەک خۆیەتی: %5، خراپتر بووە: %6، بەراوردنەکراو: %7.</translation>
    </message>
    <message>
        <source>All sites: baseline and follow-ups</source>
        <translation>هەموو شوێنەکان: هێڵی بنەڕەت و بەدواداچوونەکان</translation>
    </message>
    <message>
        <source>Mean level by area at each assessment of %1</source>
        <translation>تێکڕای ئاست بەپێی بوار لە هەر هەڵسەنگاندنێکی %1</translation>
    </message>
    <message>
        <source>Mean level by area: baseline and follow-ups of every site</source>
        <translation>تێکڕای ئاست بەپێی بوار: هێڵی بنەڕەت و بەدواداچوونەکانی هەموو شوێنەکان</translation>
    </message>
    <message>
        <source>No scored answers</source>
        <translation>هیچ وەڵامێکی هەڵسەنگێنراو نییە</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>هێڵی بنەڕەت</translation>
    </message>
    <message>
        <source>Follow-up %1</source>
        <translation>بەدواداچوونی %1</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <source>Projector view</source>
        <translation>پیشاندانی پرۆجێکتەر</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>ناکۆکییەکان</translation>
    </message>
    <message>
        <source>The groups agree on every shared indicator.</source>
        <translation>گرووپەکان لەسەر هەموو پێوەرە هاوبەشەکان کۆکن.</translation>
    </message>
    <message>
        <source>Next area</source>
        <translation>بواری دواتر</translation>
    </message>
    <message>
        <source>No outputs for this area yet.</source>
        <translation>هێشتا هیچ دەرئەنجامێک بۆ ئەم بوارە نییە.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>پەڕەی %1 لە %2</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>وڵات</translation>
    </message>
    <message>
        <source>Type of site</source>
        <translation>جۆری شوێن</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>بەرواری هەڵسەنگاندن</translation>
    </message>
    <message>
        <source>Assessors</source>
        <translation>هەڵسەنگێنەران</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>دامەزراوەکان</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>پرسیارنامە</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>عێراق</translation>
    </message>
    <message>
        <source>Türkiye</source>
        <translation>تورکیا</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>سووریا</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>ئوردن</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>عەرەبستانی سعوودی</translation>
    </message>
    <message>
        <source>Kuwait</source>
        <translation>کوەیت</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>ئێران</translation>
    </message>
    <message>
        <source>Provisional — draft: the scores may still change</source>
        <translation>کاتی — ڕەشنووس: لەوانەیە نمرەکان هێشتا بگۆڕێن</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>پارێزگا</translation>
    </message>
    <message>
        <source>Workshop groups</source>
        <translation>گرووپەکانی وۆرکشۆپ</translation>
    </message>
    <message>
        <source>Target policy</source>
        <translation>سیاسەتی ئامانج</translation>
    </message>
    <message>
        <source>%1, revision %2</source>
        <translation>%1، پێداچوونەوەی %2</translation>
    </message>
    <message>
        <source>Overall mean level: %1 of 5</source>
        <translation>تێکڕای ئاستی گشتی: %1 لە 5</translation>
    </message>
    <message>
        <source>Report written on %1 by HBM Assess %2.</source>
        <translation>ئەم ڕاپۆرتە لە %1 بە HBM Assess %2 نووسراوە.</translation>
    </message>
    <message>
        <source>Humanitarian Border Management capacity assessment</source>
        <translation>هەڵسەنگاندنی توانای بەڕێوەبردنی مرۆیی سنوور</translation>
    </message>
    <message>
        <source>Mean level %1 over %2 scored indicators of %3. Not counted: %4 not applicable and %5 unknown; %6 not answered.</source>
        <translation>تێکڕای ئاست %1، لەسەر پێوەرە هەڵسەنگێنراوەکان (%2 لە %3). نەژمێردراو: پەیوەندیدار نییە %4، نەزانراو %5؛ بێ وەڵام %6.</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>پوختەی جێبەجێکاری</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>خاڵە بەهێزەکان</translation>
    </message>
    <message>
        <source>The five largest gaps</source>
        <translation>پێنج گەورەترین کەلێن</translation>
    </message>
    <message>
        <source>No indicator reaches developed capacity (3) yet.</source>
        <translation>هێشتا هیچ پێوەرێک نەگەیشتووەتە توانای پەرەپێدراو (3).</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>پێوەر</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>ئاست</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>بەڵگە</translation>
    </message>
    <message>
        <source>Compared with the assessment of %1: %2 indicators improved, %3 stayed the same, %4 got worse; %5 could not be compared.</source>
        <translation>بەراورد لەگەڵ هەڵسەنگاندنی %1، ژمارەی پێوەرەکان: باشتربوو %2، وەک خۆی ماوەتەوە %3، خراپتربوو %4؛ بەراوردنەکراو %5.</translation>
    </message>
    <message>
        <source>The earlier assessment was rapid and this one detailed (or the reverse): each indicator is set against the rapid item that summarises it; %1 indicators were left out.</source>
        <translation>هەڵسەنگاندنی پێشوو خێرا بوو و ئەمەیان ورد (یان بە پێچەوانەوە): هەر پێوەرێک بەراورد دەکرێت لەگەڵ ئەو بڕگە خێرایەی پوختەی دەکاتەوە؛ %1 پێوەر لە دەرەوە مانەوە.</translation>
    </message>
    <message>
        <source>The two assessments use different versions of the questionnaire: %1 indicators only one version asks were left out.</source>
        <translation>دوو هەڵسەنگاندنەکە دوو وەشانی جیاوازی فۆرمەکە بەکاردێنن: %1 پێوەر کە تەنها یەکێک لە وەشانەکان دەیانپرسێت لە دەرەوە مانەوە.</translation>
    </message>
    <message>
        <source>No gaps: every scored indicator is at its target.</source>
        <translation>هیچ کەلێنێک نییە: هەموو پێوەرە هەڵسەنگێنراوەکان گەیشتوونەتە ئامانج.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>هێڵکارییەکان</translation>
    </message>
    <message>
        <source>Plan of action by responsible institution</source>
        <translation>پلانی کار بەپێی دامەزراوەی بەرپرسیار</translation>
    </message>
    <message>
        <source>No actions in the plan yet.</source>
        <translation>هێشتا هیچ کارێک لە پلاندا نییە.</translation>
    </message>
    <message>
        <source>Not yet assigned</source>
        <translation>هێشتا دیاری نەکراوە</translation>
    </message>
    <message>
        <source>With: %1</source>
        <translation>لەگەڵ: %1</translation>
    </message>
    <message>
        <source>Not in place.</source>
        <translation>بوونی نییە.</translation>
    </message>
    <message>
        <source>Partial or ad hoc; development has started.</source>
        <translation>بەشەکی یان کاتی؛ پەرەپێدانی دەستی پێکردووە.</translation>
    </message>
    <message>
        <source>Documented and in place, not yet exercised or funded.</source>
        <translation>بەڵگەدار کراوە و بوونی هەیە، بەڵام هێشتا تاقی نەکراوەتەوە و پارەی بۆ دابین نەکراوە.</translation>
    </message>
    <message>
        <source>Used in a real crisis or a simulation in the last 3 years; budgeted.</source>
        <translation>لە قەیرانێکی ڕاستەقینە یان لە مەشقێکی لاسایی‌کردنەوەدا لە سێ ساڵی ڕابردوودا بەکارهاتووە؛ بودجەی هەیە.</translation>
    </message>
    <message>
        <source>Reviewed after each use, sustainably funded, can support neighbours.</source>
        <translation>دوای هەر بەکارهێنانێک پێداچوونەوەی پێدا دەکرێت، پارەی بەردەوامی هەیە، دەتوانێت پشتگیری دراوسێکان بکات.</translation>
    </message>
    <message>
        <source>detailed: indicator by indicator</source>
        <translation>ورد: پێوەر بە پێوەر</translation>
    </message>
    <message>
        <source>rapid: one score per capacity area</source>
        <translation>خێرا: یەک نمرە بۆ هەر بوارێکی توانا</translation>
    </message>
    <message>
        <source>How the assessment was done</source>
        <translation>هەڵسەنگاندنەکە چۆن کرا</translation>
    </message>
    <message>
        <source>Questionnaire: %1, version %2 (%3); %4 indicators in %5 areas.</source>
        <translation>پرسیارنامە: %1، وەشانی %2 (%3)؛ %4 پێوەر لە %5 بواردا.</translation>
    </message>
    <message>
        <source>The scale</source>
        <translation>پێوەری ئاستەکان</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ناو</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>واتاکەی</translation>
    </message>
    <message>
        <source>Never counted as a score; means leave it out.</source>
        <translation>هەرگیز وەک نمرە ناژمێردرێت؛ لە تێکڕاکاندا لادەبرێت.</translation>
    </message>
    <message>
        <source>Each indicator has its own five level descriptors, written for it. Scoring rule: a level counts only when every element of it is met; otherwise score the level below. In doubt between two levels, the lower one was given.</source>
        <translation>هەر پێوەرێک پێنج وەسفی ئاستی تایبەت بە خۆی هەیە. ڕێسای نمرەدان: ئاستێک تەنها کاتێک دەژمێردرێت کە هەموو توخمەکانی بەدی هاتبن؛ ئەگینا ئاستی خوارتر دەدرێت. لە کاتی دوودڵی لە نێوان دوو ئاستدا، ئاستە نزمترەکە دراوە.</translation>
    </message>
    <message>
        <source>Scope and phases</source>
        <translation>بوار و قۆناغەکان</translation>
    </message>
    <message>
        <source>Each indicator has one primary MCOF phase (pre-crisis, emergency or post-crisis); the phase chart counts it there only.</source>
        <translation>هەر پێوەرێک یەک قۆناغی سەرەکیی MCOF ی هەیە (پێش قەیران، فریاکەوتن یان دوای قەیران)؛ هێڵکاری قۆناغەکان تەنها لەوێدا دەیژمێرێت.</translation>
    </message>
    <message>
        <source>Targets and priorities</source>
        <translation>ئامانج و ئەولەویەتەکان</translation>
    </message>
    <message>
        <source>Target policy: %1. A target typed for one indicator replaces it (%2 indicators here). Gap = target - current level.</source>
        <translation>سیاسەتی ئامانج: %1. ئامانجێک کە بۆ یەک پێوەر نووسرابێت جێگەی دەگرێتەوە (لێرەدا %2 پێوەر). کەلێن = ئامانج - ئاستی ئێستا.</translation>
    </message>
    <message>
        <source>Gaps are ranked by size, then by how far the level is below developed capacity (3), then emergency-phase indicators first. The suggested priority follows the same ranking by thirds: the first third High, the second Medium, the last Low; equally urgent gaps share one priority.</source>
        <translation>کەلێنەکان بەپێی قەبارەیان ڕیز دەکرێن، پاشان بەپێی ئەوەی ئاستەکە چەند لە خوار توانای پەرەپێدراوەوەیە (3)، پاشان پێوەرەکانی قۆناغی فریاکەوتن پێش دەخرێن. ئەولەویەتی پێشنیارکراو هەمان ڕیزبەندی بە سێیەک پەیڕەو دەکات: سێیەکی یەکەم بەرز، دووەم مامناوەند، کۆتایی نزم؛ کەلێنە هاوتا بەپەلەکان یەک ئەولەویەتیان هەیە.</translation>
    </message>
    <message>
        <source>Evidence is shortened in the tables; the annex gives every answer with its evidence and notes in full.</source>
        <translation>بەڵگەکان لە خشتەکاندا کورت کراونەتەوە؛ پاشکۆکە هەموو وەڵامێک بە تەواوی لەگەڵ بەڵگە و تێبینییەکانی پیشان دەدات.</translation>
    </message>
    <message>
        <source>A national assessment: laws, national coordination and national data systems are scored here once for the country; crossing-point assessments show these scores for context.</source>
        <translation>هەڵسەنگاندنی نیشتمانی: یاساکان، هەماهەنگیی نیشتمانی و سیستەمە نیشتمانییەکانی داتا لێرەدا یەک جار بۆ هەموو وڵات هەڵدەسەنگێنرێن؛ هەڵسەنگاندنی دەروازە سنوورییەکان ئەم نمرانە بۆ ئاگاداری پیشان دەدەن.</translation>
    </message>
    <message>
        <source>A governorate assessment: national indicators (marked N) are a governorate view of national matters.</source>
        <translation>هەڵسەنگاندنی پارێزگا: پێوەرە نیشتمانییەکان (بە N نیشانە کراون) دیدێکی ئاستی پارێزگان بۆ بابەتە نیشتمانییەکان.</translation>
    </message>
    <message>
        <source>A crossing-point assessment. National indicators (marked N: laws, national coordination, national data systems) are scored once per country; the tables show them from the national assessment of %1 where it scored them.</source>
        <translation>هەڵسەنگاندنی دەروازەیەکی سنووری. پێوەرە نیشتمانییەکان (بە N نیشانە کراون: یاساکان، هەماهەنگیی نیشتمانی، سیستەمە نیشتمانییەکانی داتا) بۆ هەر وڵاتێک یەک جار هەڵدەسەنگێنرێن؛ خشتەکان لە هەڵسەنگاندنی نیشتمانیی ڕێکەوتی %1 پیشانیان دەدەن لەو شوێنانەی هەڵیسەنگاندوون.</translation>
    </message>
    <message>
        <source>A crossing-point assessment. National indicators (marked N: laws, national coordination, national data systems) are scored once per country; no national assessment of this country was found, so the scores given here are a post-level view of national matters.</source>
        <translation>هەڵسەنگاندنی دەروازەیەکی سنووری. پێوەرە نیشتمانییەکان (بە N نیشانە کراون: یاساکان، هەماهەنگیی نیشتمانی، سیستەمە نیشتمانییەکانی داتا) بۆ هەر وڵاتێک یەک جار هەڵدەسەنگێنرێن؛ هیچ هەڵسەنگاندنێکی نیشتمانی بۆ ئەم وڵاتە نەدۆزرایەوە، بۆیە ئەو نمرانەی لێرەدا دراون دیدێکی ئاستی دەروازەن بۆ بابەتە نیشتمانییەکان.</translation>
    </message>
    <message>
        <source>Findings by area</source>
        <translation>دەرئەنجامەکان بەپێی بوار</translation>
    </message>
    <message>
        <source>Level colours: 1 red, 2–3 yellow, 4–5 green; grey: not scored. N: a national indicator. ✓ evidence recorded; ⚠ a level of 4 or 5 without evidence.</source>
        <translation>ڕەنگی ئاستەکان: 1 سوور، 2–3 زەرد، 4–5 سەوز؛ خۆڵەمێشی: هەڵنەسەنگێنراو. N: پێوەری نیشتمانی. ✓ بەڵگە تۆمار کراوە؛ ⚠ ئاستی 4 یان 5 بێ بەڵگە.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>ئاستی ئامانج</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>کەلێن</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>ئەولەویەت</translation>
    </message>
    <message>
        <source>%1 — mean level %2</source>
        <translation>%1 — تێکڕای ئاست %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>تێبینی: %1</translation>
    </message>
    <message>
        <source>No evidence text or notes were recorded in this area.</source>
        <translation>لەم بوارەدا هیچ دەقی بەڵگە یان تێبینییەک تۆمار نەکراوە.</translation>
    </message>
    <message>
        <source>national — from the national assessment of %1</source>
        <translation>نیشتمانی — لە هەڵسەنگاندنی نیشتمانیی ڕێکەوتی %1</translation>
    </message>
    <message>
        <source>Annex: the answers in full</source>
        <translation>پاشکۆ: وەڵامەکان بە تەواوی</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>سەرچاوە</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>متمانە</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>تێبینییەکان</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>بێ وەڵام</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>وەڵام</translation>
    </message>
    <message>
        <source>Workshop: where the groups differed</source>
        <translation>وۆرکشۆپ: ئەو شوێنانەی گرووپەکان جیاواز بوون</translation>
    </message>
    <message>
        <source>No indicator was scored two levels apart or more by different groups.</source>
        <translation>هیچ پێوەرێک لەلایەن گرووپە جیاوازەکانەوە بە دوو ئاست یان زیاتر جیاواز هەڵنەسەنگێنراوە.</translation>
    </message>
    <message>
        <source>Agreed level: %1</source>
        <translation>ئاستی ڕێککەوتوو: %1</translation>
    </message>
    <message>
        <source>Workshop outputs</source>
        <translation>دەرئەنجامەکانی وۆرکشۆپ</translation>
    </message>
    <message>
        <source>No challenges, strategy or contributions recorded.</source>
        <translation>هیچ ئاستەنگ، ستراتیژی یان بەشدارییەک تۆمار نەکراوە.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Change the target policy…</source>
        <translation>گۆڕینی سیاسەتی ئامانج…</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>هێڵکارییەکان دەکێشرێن…</translation>
    </message>
    <message>
        <source>Add action for the selected gap…</source>
        <translation>زیادکردنی کار بۆ کەلێن دیاریکراو…</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>بەراورد لەگەڵ:</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>These two questionnaires do not compare.</source>
        <translation>ئەم دوو فۆرمە بەراورد ناکرێن.</translation>
    </message>
    <message>
        <source>Improved %1 · same %2 · worse %3 · not comparable %4</source>
        <translation>باشتر بووە %1 · وەک خۆیەتی %2 · خراپتر بووە %3 · بەراوردنەکراو %4</translation>
    </message>
    <message>
        <source>Rapid against detailed, through what each rapid item summarises: %1 · %2 left out</source>
        <translation>خێرا بەرامبەر ورد، لە ڕێگەی ئەوەی هەر بڕگەیەکی خێرا پوختەی دەکاتەوە: %1 · لە دەرەوە: %2</translation>
    </message>
    <message>
        <source>%1 · %2 left out: only one of the two versions asks them</source>
        <translation>%1 · لە دەرەوە: %2، چونکە تەنها یەکێک لە دوو وەشانەکە دەیانپرسێت</translation>
    </message>
    <message>
        <source>Targets set by the policy: %1 (scope: %2). A target typed for one indicator stays.</source>
        <translation>ئامانجەکان بە سیاسەتەکە دیاری دەکرێن: %1 (مەودا: %2). ئامانجێک کە بۆ یەک پێوەر نووسراوە وەک خۆی دەمێنێتەوە.</translation>
    </message>
    <message>
        <source>Mean level %1 over %2 scored indicators; %3 not applicable and %4 unknown are not counted; %5 unanswered.</source>
        <translation>تێکڕای ئاست %1 لەسەر %2 پێوەری هەڵسەنگێنراو؛ %3 پەیوەندیدار نییە و %4 نەزانراو ناژمێردرێن؛ %5 بێ وەڵام.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review before marking final</source>
        <translation>پێداچوونەوە پێش کۆتایی پێهێنان</translation>
    </message>
    <message>
        <source>%1 of %2 indicators answered. Mean level %3 over %4 scored indicators; %5 not applicable or unknown are not counted.</source>
        <translation>وەڵامی %1 لە %2 پێوەر دراوەتەوە. تێکڕای ئاست %3 لەسەر %4 پێوەری هەڵسەنگێنراو؛ %5 پەیوەندیدار نییە یان نەزانراو ناژمێردرێن.</translation>
    </message>
    <message>
        <source>Unanswered (%1)</source>
        <translation>بێ وەڵام (%1)</translation>
    </message>
    <message>
        <source>Level 4 or 5 without evidence (%1)</source>
        <translation>ئاستی 4 یان 5 بێ بەڵگە (%1)</translation>
    </message>
    <message>
        <source>Reopen as draft…</source>
        <translation>دووبارە کردنەوە وەک ڕەشنووس…</translation>
    </message>
    <message>
        <source>Mark final</source>
        <translation>نیشانکردن وەک کۆتایی</translation>
    </message>
    <message>
        <source>Reopen as draft</source>
        <translation>دووبارە کردنەوە وەک ڕەشنووس</translation>
    </message>
    <message>
        <source>Why is this assessment reopened? The note is kept with it.</source>
        <translation>بۆچی ئەم هەڵسەنگاندنە دووبارە دەکرێتەوە؟ تێبینییەکە لەگەڵیدا هەڵدەگیرێت.</translation>
    </message>
    <message>
        <source>%1 indicators are still unanswered. Mark the assessment final anyway?</source>
        <translation>%1 پێوەر هێشتا وەڵامیان نەدراوەتەوە. لەگەڵ ئەوەشدا هەڵسەنگاندنەکە وەک کۆتایی نیشان بکرێت؟</translation>
    </message>
</context>
<context>
    <name>ScoredTableModel</name>
    <message>
        <source>Change</source>
        <translation>گۆڕانکاری</translation>
    </message>
    <message>
        <source>⚠ needed</source>
        <translation>⚠ پێویستە</translation>
    </message>
</context>
<context>
    <name>SettleView</name>
    <message>
        <source>— choose the agreed level —</source>
        <translation>— ئاستی ڕێککەوتوو هەڵبژێرە —</translation>
    </message>
    <message>
        <source>Why the plenary agreed on this level</source>
        <translation>بۆچی کۆبوونەوە گشتییەکە لەسەر ئەم ئاستە ڕێککەوت</translation>
    </message>
    <message>
        <source>Record agreed level</source>
        <translation>تۆمارکردنی ئاستی ڕێککەوتن لەسەرکراو</translation>
    </message>
    <message>
        <source>Conflict settled: move the file&apos;s copy to the bin</source>
        <translation>ناتەبایی یەکلا کرایەوە: کۆپیی فایلەکە بگوازەرەوە بۆ سەبەتەی سڕاوەکان</translation>
    </message>
    <message>
        <source>Agreed level</source>
        <translation>ئاستی ڕێککەوتن لەسەرکراو</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>تێبینی</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>گرووپ</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>ئاست</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>بەڵگە</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>تێبینی</translation>
    </message>
    <message>
        <source>%1 indicators were scored by more than one group; %2 differ by two levels or more; %3 still to settle.</source>
        <translation>%1 پێوەر لەلایەن زیاتر لە یەک گرووپەوە هەڵسەنگێنراون؛ لە %2یاندا جیاوازییەکە دوو ئاست یان زیاترە؛ %3 هێشتا یەکلا نەکراونەتەوە.</translation>
    </message>
    <message>
        <source>Nothing to settle: no indicator was scored by two groups.</source>
        <translation>هیچ شتێک بۆ یەکلاکردنەوە نییە: هیچ پێوەرێک لەلایەن دوو گرووپەوە هەڵنەسەنگێنراوە.</translation>
    </message>
    <message>
        <source> — the groups differ by %1 levels</source>
        <translation> — گرووپەکان %1 ئاست جیاوازن</translation>
    </message>
    <message>
        <source>The groups differ by %1 levels: write in the note why the plenary agreed on this level.</source>
        <translation>گرووپەکان %1 ئاست جیاوازن: لە تێبینییەکەدا بنووسە بۆچی کۆبوونەوەی گشتی لەسەر ئەم ئاستە ڕێککەوت.</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>ئەم بنکەدراوەیە</translation>
    </message>
    <message>
        <source>Imported copy %1</source>
        <translation>کۆپیی هاوردەکراو %1</translation>
    </message>
</context>
<context>
    <name>Workbooks</name>
    <message>
        <source>Imported</source>
        <translation>هاوردە کرا</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>نوێ کرایەوە</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>نەگۆڕاوە</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>تێپەڕێنرا</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ڕەت کرایەوە</translation>
    </message>
    <message>
        <source>Conflict kept</source>
        <translation>ناتەبایی: هەردوو کۆپی هەڵگیران</translation>
    </message>
    <message>
        <source>Import workbooks</source>
        <translation>هاوردەکردنی فایلەکانی Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>فایلەکانی Excel (*.xlsx);;هەموو فایلەکان (*)</translation>
    </message>
    <message>
        <source>Import every workbook in a folder</source>
        <translation>هاوردەکردنی هەموو فایلەکانی Excel لە فۆڵدەرێکدا</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 هاوردە دەکرێت</translation>
    </message>
    <message>
        <source>Importing workbooks</source>
        <translation>فایلەکانی Excel هاوردە دەکرێن</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>هەناردەکردن بۆ Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>فایلی Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to Excel</source>
        <translation>بۆ Excel هەناردە دەکرێت</translation>
    </message>
    <message>
        <source>Export questionnaire as XLSForm</source>
        <translation>هەناردەکردنی پرسیارنامە وەک XLSForm</translation>
    </message>
    <message>
        <source>Export every assessment to a folder</source>
        <translation>هەناردەکردنی هەموو هەڵسەنگاندنەکان بۆ فۆڵدەرێک</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>هەناردەکردنی ڕاپۆرت</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>بەڵگەنامەی PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>پاشەکەوت کرا: %1</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>و %n فایلی تر</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the group files</source>
        <translation>فۆڵدەری فایلەکانی گرووپ</translation>
    </message>
    <message>
        <source>Preparing group files</source>
        <translation>فایلەکانی گرووپ ئامادە دەکرێن</translation>
    </message>
</context>
</TS>
