<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Action</source>
        <translation>إجراء</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>إضافة إجراء</translation>
    </message>
    <message>
        <source>Institutions, separated by commas</source>
        <translation>الجهات، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>Suggested: %1 (gap of %2 at level %3)</source>
        <translation>المقترح: %1 (فجوة قدرها %2 عند المستوى %3)</translation>
    </message>
    <message>
        <source>by a date:</source>
        <translation>بحلول تاريخ:</translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation>لم تُقدَّر</translation>
    </message>
    <message>
        <source>What will be done *</source>
        <translation>ما الذي سيُنفَّذ *</translation>
    </message>
    <message>
        <source>Indicators it addresses</source>
        <translation>المؤشرات التي يعالجها</translation>
    </message>
    <message>
        <source>Responsible institution</source>
        <translation>الجهة المسؤولة</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>الشركاء</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Timeframe</source>
        <translation>الإطار الزمني</translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation>التكلفة التقديرية</translation>
    </message>
    <message>
        <source>Resources needed</source>
        <translation>الموارد المطلوبة</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Say what will be done.</source>
        <translation>اذكر ما الذي سيُنفَّذ.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The database %1 was damaged. It was moved to %2 (nothing was deleted) and a new, empty database was started.</source>
        <translation>قاعدة البيانات %1 كانت تالفة. نُقلت إلى %2 (لم يُحذف أي شيء) وأُنشئت قاعدة بيانات جديدة فارغة.</translation>
    </message>
    <message>
        <source>The database %1 was upgraded for this version of HBM Assess. A copy of it as it was is kept at %2.</source>
        <translation>رُقّيت قاعدة البيانات %1 لتعمل مع هذا الإصدار من HBM Assess. وحُفظت نسخة منها كما كانت في %2.</translation>
    </message>
</context>
<context>
    <name>AssessmentListModel</name>
    <message>
        <source>Site</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>الاستبيان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>الاكتمال</translation>
    </message>
    <message>
        <source>Mean level</source>
        <translation>متوسط المستوى</translation>
    </message>
    <message>
        <source>%1 of %2 indicators answered</source>
        <translation>المؤشرات المُجاب عنها: %1 من %2</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <source>Find an indicator by id or words (Ctrl+F)</source>
        <translation>ابحث عن مؤشر برمزه أو بكلمات منه (Ctrl+F)</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>أُجيب عن %v من %m</translation>
    </message>
    <message>
        <source>◀ Previous (Alt+Up)</source>
        <translation>▶ السابق (Alt+Up)</translation>
    </message>
    <message>
        <source>Next (Alt+Down) ▶</source>
        <translation>التالي (Alt+Down) ◀</translation>
    </message>
    <message>
        <source>Review &amp;&amp; finish…</source>
        <translation>مراجعة &amp;&amp; إنهاء…</translation>
    </message>
    <message>
        <source>All assessments</source>
        <translation>جميع التقييمات</translation>
    </message>
    <message>
        <source>&amp;Questionnaire</source>
        <translation>&amp;الاستبيان</translation>
    </message>
    <message>
        <source>Re&amp;sults</source>
        <translation>ال&amp;نتائج</translation>
    </message>
    <message>
        <source>&amp;Plan of action</source>
        <translation>&amp;خطة العمل</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>&amp;ورشة العمل</translation>
    </message>
    <message>
        <source>Workshop &amp;outputs</source>
        <translation>&amp;مخرجات الورشة</translation>
    </message>
    <message>
        <source>This assessment is final; reopen it as a draft to change its method.</source>
        <translation>هذا التقييم نهائي؛ أعد فتحه كمسودة لتغيير منهجيته.</translation>
    </message>
    <message>
        <source>Change the target policy and scope</source>
        <translation>تغيير سياسة الأهداف والنطاق</translation>
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
        <translation>اختر من التقويم</translation>
    </message>
    <message>
        <source>Type the date as YYYY-MM-DD, for example 2025-03-15.</source>
        <translation>اكتب التاريخ بالشكل YYYY-MM-DD (سنة-شهر-يوم)، مثل ‎2025-03-15‎.</translation>
    </message>
</context>
<context>
    <name>GapsModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>GroupsDialog</name>
    <message>
        <source>Workshop groups</source>
        <translation>مجموعات ورشة العمل</translation>
    </message>
    <message>
        <source>No groups yet. Press Add group for each break-out group, name it, then tick the indicators it scores.</source>
        <translation>لا توجد مجموعات بعد. اضغط «إضافة مجموعة» لكل مجموعة عمل، وسمّها، ثم ضع علامة على المؤشرات التي تقيّمها.</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>إضافة مجموعة</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>إزالة المجموعة</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>الأسماء، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>Institutions, separated by commas</source>
        <translation>الجهات، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>اسم المجموعة</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>الأعضاء</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>الجهات</translation>
    </message>
    <message>
        <source>Indicators it scores</source>
        <translation>المؤشرات التي تقيّمها</translation>
    </message>
    <message>
        <source>%1 (%2 indicators)</source>
        <translation>%1 (عدد المؤشرات: %2)</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>المجموعة %1</translation>
    </message>
    <message>
        <source>Every group needs a name of its own.</source>
        <translation>يجب أن يكون لكل مجموعة اسم خاص بها.</translation>
    </message>
    <message>
        <source>Discard the changes to the groups (%1)? They have not been saved.</source>
        <translation>هل تريد تجاهل التغييرات على المجموعات (%1)؟ لم تُحفظ بعد.</translation>
    </message>
    <message>
        <source>groups removed</source>
        <translation>مجموعات أُزيلت</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>تجاهل</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>متابعة التحرير</translation>
    </message>
</context>
<context>
    <name>HeatmapPanel</name>
    <message>
        <source>Double-click an assessment to open it.</source>
        <translation>انقر نقرًا مزدوجًا على تقييم لفتحه.</translation>
    </message>
    <message>
        <source>Click a cell of the heatmap to list the assessments behind it.</source>
        <translation>انقر على خلية في الخريطة الحرارية لعرض التقييمات التي بُنيت عليها.</translation>
    </message>
    <message>
        <source>Mean level by site and indicator</source>
        <translation>متوسط المستوى حسب الموقع والمؤشر</translation>
    </message>
    <message>
        <source>Mean level by site and area</source>
        <translation>متوسط المستوى حسب الموقع والمجال</translation>
    </message>
    <message>
        <source>%1: no scored answers</source>
        <translation>%1: لا توجد إجابات مُقيَّمة</translation>
    </message>
    <message>
        <source>%1: mean level %2 · assessments: %3</source>
        <translation>%1: متوسط المستوى %2 · التقييمات: %3</translation>
    </message>
    <message>
        <source>Assessments behind %1: %2</source>
        <translation>تقييمات %1: %2</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Search by site, questionnaire, date or status (Ctrl+F)</source>
        <translation>ابحث حسب الموقع أو الاستبيان أو التاريخ أو الحالة (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>تقييم &amp;جديد…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation>تقييم &amp;متابعة…</translation>
    </message>
    <message>
        <source>Start a follow-up assessment from the selected one</source>
        <translation>بدء تقييم متابعة انطلاقًا من التقييم المحدد</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>Mean level</source>
        <translation>متوسط المستوى</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No assessments yet&lt;/h2&gt;&lt;p&gt;Start by creating an assessment of a border crossing point, or open a demo assessment to see how it works.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;لا توجد تقييمات بعد&lt;/h2&gt;&lt;p&gt;ابدأ بإنشاء تقييم لمنفذ حدودي، أو افتح تقييمًا تجريبيًا لترى كيف يعمل البرنامج.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Create an assessment…</source>
        <translation>إنشاء تقييم…</translation>
    </message>
    <message>
        <source>Open a demo assessment</source>
        <translation>فتح تقييم تجريبي</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>تقرير الاستيراد</translation>
    </message>
    <message>
        <source>No workbooks were found.</source>
        <translation>لم يُعثر على أي ملف Excel.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Changed cells: %1</source>
        <translation>الخلايا المعدّلة: %1</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Target level</source>
        <translation>المستوى المستهدف</translation>
    </message>
    <message>
        <source>Evidence type</source>
        <translation>نوع الدليل</translation>
    </message>
    <message>
        <source>Evidence reference</source>
        <translation>مرجع الدليل</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الدليل</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>درجة الثقة</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Not applicable (N)</source>
        <translation>لا ينطبق (N)</translation>
    </message>
    <message>
        <source>Unknown (U)</source>
        <translation>غير معروف (U)</translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation>مسح الإجابة</translation>
    </message>
    <message>
        <source>Document title, article, file name…</source>
        <translation>عنوان الوثيقة، المادة، اسم الملف…</translation>
    </message>
    <message>
        <source>What was seen, read or heard, and where</source>
        <translation>ما الذي شوهد أو قُرئ أو سُمع، وأين</translation>
    </message>
    <message>
        <source>Anything else the team should know</source>
        <translation>أي شيء آخر ينبغي أن يعرفه الفريق</translation>
    </message>
    <message>
        <source>This indicator is not yet translated into your language; it is shown in English.</source>
        <translation>لم يُترجَم هذا المؤشر إلى لغتك بعد؛ لذا يُعرض باللغة الإنجليزية.</translation>
    </message>
    <message>
        <source>A level counts only when every element of it is met; otherwise score the level below. In doubt between two levels, give the lower one.</source>
        <translation>لا يُحتسب المستوى إلا إذا تحققت جميع عناصره؛ وإلا فاختر المستوى الأدنى منه. عند التردد بين مستويين، اختر الأدنى.</translation>
    </message>
    <message>
        <source>The level to reach; by default the assessment&apos;s target policy sets it</source>
        <translation>المستوى المطلوب بلوغه؛ تحدده افتراضيًا سياسة الأهداف للتقييم</translation>
    </message>
    <message>
        <source>Open the national assessment</source>
        <translation>فتح التقييم الوطني</translation>
    </message>
    <message>
        <source>National indicator — from the national assessment of %1: %2. It is scored once for the country and shown here for context.</source>
        <translation>مؤشر وطني — من التقييم الوطني بتاريخ %1: %2. يُقيَّم مرة واحدة على مستوى البلد ويُعرض هنا للاطلاع.</translation>
    </message>
    <message>
        <source>National indicator — the national assessment of %1 has not scored it yet. A score given here is a post-level view of a national matter.</source>
        <translation>مؤشر وطني — لم يُقيِّمه التقييم الوطني بتاريخ %1 بعد. التقييم المُعطى هنا هو رؤية على مستوى المنفذ لمسألة وطنية.</translation>
    </message>
    <message>
        <source>National indicator — there is no national assessment of this country yet. A score given here is a post-level view of a national matter.</source>
        <translation>مؤشر وطني — لا يوجد تقييم وطني لهذا البلد بعد. التقييم المُعطى هنا هو رؤية على مستوى المنفذ لمسألة وطنية.</translation>
    </message>
    <message>
        <source>Primary phase: %1</source>
        <translation>المرحلة الرئيسية: %1</translation>
    </message>
    <message>
        <source>also: %1</source>
        <translation>وأيضًا: %1</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— لا شيء —</translation>
    </message>
    <message>
        <source>— not said —</source>
        <translation>— غير محدد —</translation>
    </message>
    <message>
        <source>⚠ Level %1 claims capacity used in a crisis or exercise: add the evidence that shows it.</source>
        <translation>⚠ المستوى %1 يعني أن القدرة استُخدمت في أزمة أو تمرين: أضف الدليل الذي يثبت ذلك.</translation>
    </message>
    <message>
        <source>Another group scores this indicator; it is shown for reference. Your group, %1, scores the indicators in bold.</source>
        <translation>تُقيِّم مجموعة أخرى هذا المؤشر، وهو معروض للاطلاع فقط. مجموعتك، %1، تُقيِّم المؤشرات المكتوبة بخط عريض.</translation>
    </message>
    <message>
        <source>%1 — settle it under Workshop → Settle disagreements.</source>
        <translation>%1 — احسمه من ورشة العمل ← حسم الخلافات.</translation>
    </message>
    <message>
        <source>This assessment is final. Reopen it as a draft to change answers.</source>
        <translation>هذا التقييم نهائي. أعد فتحه كمسودة لتغيير الإجابات.</translation>
    </message>
    <message>
        <source>Level %1 for %2</source>
        <translation>المستوى %1 للمؤشر %2</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 للمؤشر %2</translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation>مسح %1</translation>
    </message>
    <message>
        <source>Target for %1</source>
        <translation>المستوى المستهدف للمؤشر %1</translation>
    </message>
    <message>
        <source>Evidence type for %1</source>
        <translation>نوع الدليل للمؤشر %1</translation>
    </message>
    <message>
        <source>Confidence for %1</source>
        <translation>درجة الثقة للمؤشر %1</translation>
    </message>
    <message>
        <source>This text is longer than %1 characters, the most a spreadsheet cell can hold. Shorten it; it has not been saved.</source>
        <translation>هذا النص أطول من %1 حرفًا، وهو أقصى ما تتسع له خلية في جدول البيانات. اختصره؛ فهو لم يُحفظ.</translation>
    </message>
    <message>
        <source>This text contains an invisible control character (at position %1), often copied from a PDF, that spreadsheet files cannot hold. Delete it; the text has not been saved.</source>
        <translation>يحتوي هذا النص على حرف تحكم غير مرئي (في الموضع %1)، يُنسخ غالبًا من ملف PDF، ولا تستطيع ملفات الجداول حفظه. احذفه؛ لم يُحفظ النص.</translation>
    </message>
    <message>
        <source>Edit text of %1</source>
        <translation>تعديل نص %1</translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>Not answered yet</source>
        <translation>لم تتم الإجابة بعد</translation>
    </message>
    <message>
        <source>%1 — needs evidence</source>
        <translation>%1 — يحتاج إلى دليل</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation>جارٍ الإيقاف بعد الملف الحالي…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Delete assessment of %1</source>
        <translation>حذف تقييم %1</translation>
    </message>
    <message>
        <source>HBM Assess</source>
        <translation>HBM Assess</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation>تقييم &amp;جديد…</translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation>فتح &amp;قاعدة بيانات…</translation>
    </message>
    <message>
        <source>New encrypted data&amp;base…</source>
        <translation>قاعدة بيانات &amp;جديدة مشفّرة…</translation>
    </message>
    <message>
        <source>Encr&amp;ypt this database…</source>
        <translation>&amp;تشفير قاعدة البيانات هذه…</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>&amp;قواعد البيانات الأخيرة</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;تصدير إلى Excel…</translation>
    </message>
    <message>
        <source>Export &amp;all to Excel…</source>
        <translation>تصدير ال&amp;كل إلى Excel…</translation>
    </message>
    <message>
        <source>Export to Excel with a &amp;password…</source>
        <translation>تصدير إلى Excel بكلمة &amp;مرور…</translation>
    </message>
    <message>
        <source>Export all to Excel with a pass&amp;word…</source>
        <translation>تصدير الكل إلى Excel بكلمة مرو&amp;ر…</translation>
    </message>
    <message>
        <source>Export &amp;report (PDF)…</source>
        <translation>تصدير تق&amp;رير (PDF)…</translation>
    </message>
    <message>
        <source>Export questionnaire as &amp;XLSForm (Kobo, ODK)…</source>
        <translation>تصدير الاستبيان بصيغة &amp;XLSForm ‏(Kobo، ODK)…</translation>
    </message>
    <message>
        <source>&amp;Import workbooks…</source>
        <translation>ا&amp;ستيراد ملفات Excel…</translation>
    </message>
    <message>
        <source>Import a &amp;folder of workbooks…</source>
        <translation>استيراد &amp;مجلد ملفات Excel…</translation>
    </message>
    <message>
        <source>&amp;Close assessment</source>
        <translation>&amp;إغلاق التقييم</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;All assessments</source>
        <translation>&amp;جميع التقييمات</translation>
    </message>
    <message>
        <source>&amp;Portfolio: compare posts</source>
        <translation>م&amp;قارنة المنافذ</translation>
    </message>
    <message>
        <source>&amp;Review and finish</source>
        <translation>&amp;مراجعة وإنهاء</translation>
    </message>
    <message>
        <source>&amp;Target policy and scope…</source>
        <translation>سياسة الأهداف والنطاق…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;اللغة</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>&amp;ورشة العمل</translation>
    </message>
    <message>
        <source>&amp;Groups and assignments…</source>
        <translation>&amp;المجموعات وتوزيع المؤشرات…</translation>
    </message>
    <message>
        <source>&amp;Prepare group files…</source>
        <translation>&amp;إعداد ملفات المجموعات…</translation>
    </message>
    <message>
        <source>&amp;Import group files…</source>
        <translation>ا&amp;ستيراد ملفات المجموعات…</translation>
    </message>
    <message>
        <source>&amp;Settle disagreements</source>
        <translation>&amp;حسم الخلافات</translation>
    </message>
    <message>
        <source>&amp;Outputs: challenges, strategy, contributions</source>
        <translation>&amp;المخرجات: التحديات والاستراتيجية والمساهمات</translation>
    </message>
    <message>
        <source>Pro&amp;jector view</source>
        <translation>&amp;عرض جهاز الإسقاط</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <source>&amp;About HBM Assess</source>
        <translation>&amp;حول HBM Assess</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(لا يوجد بعد)</translation>
    </message>
    <message>
        <source>HBM Assess — %1</source>
        <translation>HBM Assess — %1</translation>
    </message>
    <message>
        <source>Follow-up started from the earlier assessment; its answers are the starting point. Change what has changed.</source>
        <translation>بدأ تقييم المتابعة انطلاقًا من التقييم السابق، وإجاباته هي نقطة البداية. غيّر ما تغيّر.</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>حذف التقييم</translation>
    </message>
    <message>
        <source>Delete the assessment of %1 dated %2? You can undo this with Ctrl+Z.</source>
        <translation>هل تريد حذف تقييم %1 المؤرخ %2؟ يمكنك التراجع عن ذلك بالضغط على Ctrl+Z.</translation>
    </message>
    <message>
        <source>Assessment deleted. Edit → Undo brings it back.</source>
        <translation>حُذف التقييم. يمكن استعادته من تحرير ← تراجع.</translation>
    </message>
    <message>
        <source>%1 — HBM Assess</source>
        <translation>%1 — HBM Assess</translation>
    </message>
    <message>
        <source>Open the workshop assessment first.</source>
        <translation>افتح تقييم ورشة العمل أولًا.</translation>
    </message>
    <message>
        <source>Select or open an assessment to export.</source>
        <translation>حدّد تقييمًا أو افتحه لتصديره.</translation>
    </message>
    <message>
        <source>Select or open an assessment for its report.</source>
        <translation>حدّد تقييمًا أو افتحه لإعداد تقريره.</translation>
    </message>
    <message>
        <source>Export questionnaire as XLSForm</source>
        <translation>تصدير الاستبيان بصيغة XLSForm</translation>
    </message>
    <message>
        <source>Questionnaire:</source>
        <translation>الاستبيان:</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>تم الحفظ %1</translation>
    </message>
    <message>
        <source>Saving… the database is busy; changes kept and retried: %1</source>
        <translation>جارٍ الحفظ… قاعدة البيانات مشغولة؛ التغييرات محفوظة في الذاكرة وتُعاد محاولة حفظها: %1</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>لم يُحفظ بعد</translation>
    </message>
    <message>
        <source>Changes not saved yet: %1. Another program has held the database locked for several seconds. Retry to keep waiting, or discard them.</source>
        <translation>تغييرات لم تُحفظ بعد: %1. برنامج آخر يُبقي قاعدة البيانات مقفلة منذ عدة ثوانٍ. اختر إعادة المحاولة لمواصلة الانتظار، أو تجاهلها.</translation>
    </message>
    <message>
        <source>NOT SAVED</source>
        <translation>لم يتم الحفظ!</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يتم الحفظ</translation>
    </message>
    <message>
        <source>The last change could not be saved: %1</source>
        <translation>تعذّر حفظ التغيير الأخير: %1</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>فتح قاعدة بيانات</translation>
    </message>
    <message>
        <source>HBM Assess databases (*.sqlite *.db);;All files (*)</source>
        <translation>قواعد بيانات HBM Assess (*.sqlite *.db);;جميع الملفات (*)</translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation>تعذّر فتح قاعدة البيانات</translation>
    </message>
    <message>
        <source>New encrypted database</source>
        <translation>قاعدة بيانات جديدة مشفّرة</translation>
    </message>
    <message>
        <source>%1 already exists. Choose a new file name, or open it and use File → Encrypt this database….</source>
        <translation>الملف %1 موجود بالفعل. اختر اسم ملف جديدًا، أو افتحه واستخدم ملف ← تشفير قاعدة البيانات هذه….</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>تشفير قاعدة البيانات هذه</translation>
    </message>
    <message>
        <source>This database is already encrypted.</source>
        <translation>قاعدة البيانات هذه مشفّرة بالفعل.</translation>
    </message>
    <message>
        <source>Wait until the export or import under way has finished.</source>
        <translation>انتظر حتى ينتهي التصدير أو الاستيراد الجاري.</translation>
    </message>
    <message>
        <source>The database was not encrypted: %1</source>
        <translation>لم تُشفَّر قاعدة البيانات: %1</translation>
    </message>
    <message>
        <source>The database is now encrypted. HBM Assess will ask for its passphrase at every start.</source>
        <translation>قاعدة البيانات مشفّرة الآن. سيطلب HBM Assess عبارة المرور الخاصة بها عند كل تشغيل.</translation>
    </message>
    <message>
        <source>These older copies were made before and are not encrypted; delete them once you no longer need them:</source>
        <translation>هذه النسخ الأقدم صُنعت قبل التشفير وهي غير مشفّرة؛ احذفها عندما لا تعود بحاجة إليها:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>HBM Assess will use the new language after a restart. Nothing is lost: every answer is already saved. Restart now?</source>
        <translation>سيستخدم HBM Assess اللغة الجديدة بعد إعادة التشغيل. لن يضيع شيء: كل الإجابات محفوظة مسبقًا. هل تريد إعادة التشغيل الآن؟</translation>
    </message>
    <message>
        <source>About HBM Assess</source>
        <translation>حول HBM Assess</translation>
    </message>
    <message>
        <source>&lt;h3&gt;HBM Assess %1&lt;/h3&gt;&lt;p&gt;Humanitarian Border Management capacity assessments.&lt;/p&gt;&lt;p&gt;Data is kept in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;HBM Assess %1&lt;/h3&gt;&lt;p&gt;تقييمات قدرات الإدارة الإنسانية للحدود.&lt;/p&gt;&lt;p&gt;تُحفظ البيانات في:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reopened after an unexpected stop</source>
        <translation>أُعيد الفتح بعد توقف غير متوقع</translation>
    </message>
    <message>
        <source>HBM Assess did not close properly last time. The assessment of %1 was open; it has been reopened at indicator %2. Every answer shown as saved was kept.</source>
        <translation>لم يُغلَق HBM Assess بشكل صحيح في المرة السابقة. كان تقييم %1 مفتوحًا، وقد أُعيد فتحه عند المؤشر %2. كل إجابة ظهرت على أنها محفوظة بقيت محفوظة.</translation>
    </message>
</context>
<context>
    <name>MethodDialog</name>
    <message>
        <source>Target policy and scope</source>
        <translation>سياسة الأهداف والنطاق</translation>
    </message>
    <message>
        <source>Each indicator one level above where it stands (or the questionnaire&apos;s own target, when higher).</source>
        <translation>كل مؤشر مستوىً واحدًا فوق مستواه الحالي (أو الهدف الذي يحدده الاستبيان، إن كان أعلى).</translation>
    </message>
    <message>
        <source>Every indicator below 3 aims at developed capacity: documented and in place.</source>
        <translation>كل مؤشر دون 3 يستهدف القدرة المطوَّرة: موثَّقة وقائمة فعلًا.</translation>
    </message>
    <message>
        <source>Indicators whose primary phase is the emergency aim at 4, tested in practice; the others at 3.</source>
        <translation>المؤشرات التي مرحلتها الأساسية هي الطوارئ تستهدف 4، أي قدرة مُختبَرة عمليًا؛ وغيرها تستهدف 3.</translation>
    </message>
    <message numerus="yes">
        <source>A target typed for one indicator stays as typed (%n indicators here); every other target, the gaps, the suggested priorities and the report follow the policy.</source>
        <translation>
            <numerusform>يبقى الهدف المُدخَل لمؤشر بعينه كما أُدخل (عدد هذه المؤشرات هنا: %n)؛ أما باقي الأهداف والفجوات والأولويات المقترحة والتقرير فتتبع السياسة.</numerusform>
            <numerusform>يبقى الهدف المُدخَل لمؤشر بعينه كما أُدخل (عدد هذه المؤشرات هنا: %n)؛ أما باقي الأهداف والفجوات والأولويات المقترحة والتقرير فتتبع السياسة.</numerusform>
            <numerusform>يبقى الهدف المُدخَل لمؤشر بعينه كما أُدخل (عدد هذه المؤشرات هنا: %n)؛ أما باقي الأهداف والفجوات والأولويات المقترحة والتقرير فتتبع السياسة.</numerusform>
            <numerusform>يبقى الهدف المُدخَل لمؤشر بعينه كما أُدخل (عدد هذه المؤشرات هنا: %n)؛ أما باقي الأهداف والفجوات والأولويات المقترحة والتقرير فتتبع السياسة.</numerusform>
            <numerusform>يبقى الهدف المُدخَل لمؤشر بعينه كما أُدخل (عدد هذه المؤشرات هنا: %n)؛ أما باقي الأهداف والفجوات والأولويات المقترحة والتقرير فتتبع السياسة.</numerusform>
            <numerusform>يبقى الهدف المُدخَل لمؤشر بعينه كما أُدخل (عدد هذه المؤشرات هنا: %n)؛ أما باقي الأهداف والفجوات والأولويات المقترحة والتقرير فتتبع السياسة.</numerusform>
        </translation>
    </message>
    <message>
        <source>Target policy</source>
        <translation>سياسة الأهداف</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>النطاق</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation>تقييم جديد</translation>
    </message>
    <message>
        <source>%1 (%2 indicators)</source>
        <translation>%1 (عدد المؤشرات: %2)</translation>
    </message>
    <message>
        <source>A national assessment covers the country&apos;s laws, coordination and data systems, scored once; it needs no crossing point.</source>
        <translation>يغطي التقييم الوطني قوانين البلد وآليات التنسيق وأنظمة البيانات، ويُقيَّم مرة واحدة؛ ولا يحتاج إلى منفذ حدودي.</translation>
    </message>
    <message>
        <source>The level each indicator should reach; a target typed for one indicator overrides it</source>
        <translation>المستوى الذي يجب أن يبلغه كل مؤشر؛ والهدف المُدخَل لمؤشر بعينه يتقدّم عليه</translation>
    </message>
    <message>
        <source>— a new site —</source>
        <translation>— موقع جديد —</translation>
    </message>
    <message>
        <source>Two-letter ISO country code, e.g. IQ</source>
        <translation>رمز البلد وفق ISO من حرفين، مثل IQ</translation>
    </message>
    <message>
        <source>optional, e.g. IQG03</source>
        <translation>اختياري، مثل IQG03</translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation>الأسماء، مفصولة بفواصل</translation>
    </message>
    <message>
        <source>Another institution</source>
        <translation>جهة أخرى</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>الاستبيان</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>النطاق</translation>
    </message>
    <message>
        <source>Target policy</source>
        <translation>سياسة الأهداف</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>الموقع</translation>
    </message>
    <message>
        <source>Site name *</source>
        <translation>اسم الموقع *</translation>
    </message>
    <message>
        <source>Country *</source>
        <translation>البلد *</translation>
    </message>
    <message>
        <source>Site type</source>
        <translation>نوع الموقع</translation>
    </message>
    <message>
        <source>P-code</source>
        <translation>الرمز المكاني (P-code)</translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation>خط العرض، خط الطول</translation>
    </message>
    <message>
        <source>Date *</source>
        <translation>التاريخ *</translation>
    </message>
    <message>
        <source>Assessors *</source>
        <translation>المقيّمون *</translation>
    </message>
    <message>
        <source>Participating institutions</source>
        <translation>المؤسسات المشاركة</translation>
    </message>
    <message>
        <source>Create and start</source>
        <translation>إنشاء وبدء</translation>
    </message>
    <message>
        <source>Governorate *</source>
        <translation>المحافظة *</translation>
    </message>
    <message>
        <source>Country or meeting *</source>
        <translation>البلد أو الاجتماع *</translation>
    </message>
    <message>
        <source>e.g. Iraq national workshop, Erbil</source>
        <translation>مثلاً: الورشة الوطنية للعراق، أربيل</translation>
    </message>
    <message>
        <source>Give the site&apos;s name, or choose one from the list above.</source>
        <translation>أدخل اسم الموقع، أو اختر موقعًا من القائمة أعلاه.</translation>
    </message>
    <message>
        <source>Give the governorate&apos;s name.</source>
        <translation>اكتب اسم المحافظة.</translation>
    </message>
    <message>
        <source>Name the country or the meeting.</source>
        <translation>اكتب اسم البلد أو الاجتماع.</translation>
    </message>
    <message>
        <source>Two capital letters, e.g. IQ.</source>
        <translation>حرفان لاتينيان كبيران، مثل IQ.</translation>
    </message>
    <message>
        <source>A P-code starts with the country letters, e.g. IQG03.</source>
        <translation>يبدأ الرمز المكاني (P-code) بحرفَي البلد، مثل IQG03.</translation>
    </message>
    <message>
        <source>Name at least one assessor.</source>
        <translation>اذكر مقيّمًا واحدًا على الأقل.</translation>
    </message>
</context>
<context>
    <name>OutputsView</name>
    <message>
        <source>What the group said, in its own words</source>
        <translation>ما قالته المجموعة، بكلماتها</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>المجال</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>المؤسسة</translation>
    </message>
    <message>
        <source>Indicators it concerns</source>
        <translation>المؤشرات المعنية</translation>
    </message>
    <message>
        <source>Plan actions it supports</source>
        <translation>إجراءات الخطة التي تدعمها</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Group %1 writes here.</source>
        <translation>تكتب المجموعة %1 هنا.</translation>
    </message>
    <message>
        <source>The facilitator writes here; each group&apos;s outputs arrive with its file.</source>
        <translation>يكتب الميسّر هنا؛ وتصل مخرجات كل مجموعة مع ملفها.</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>المُخرَج</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>A contribution names the institution that offers it.</source>
        <translation>تذكر المساهمة المؤسسة التي تقدمها.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;كلمة المرور:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;عبارة المرور:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;مرة أخرى:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>كلمتا المرور غير متطابقتين.</translation>
    </message>
    <message>
        <source>Protect with a password</source>
        <translation>الحماية بكلمة مرور</translation>
    </message>
    <message>
        <source>Excel and LibreOffice will ask for this password to open the workbook. Tell it to the recipient another way than the workbook itself (a call, another messenger): a lost password cannot be recovered.</source>
        <translation>سيطلب Excel وLibreOffice كلمة المرور هذه لفتح الملف. أبلغها للمستلم بطريقة غير الملف نفسه (مكالمة هاتفية أو تطبيق مراسلة آخر): كلمة المرور المفقودة لا يمكن استعادتها.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message numerus="yes">
        <source>%n workbook(s) to import are protected with a password. Type the password the sender gave you; a workbook it does not open is rejected and the others are imported.</source>
        <translation>
            <numerusform>%n ملف Excel للاستيراد محمي بكلمة مرور. اكتب كلمة المرور التي أعطاك إياها المرسل؛ يُرفض كل ملف لا تفتحه ويُستورد الباقي.</numerusform>
            <numerusform>%n ملف Excel للاستيراد محمي بكلمة مرور. اكتب كلمة المرور التي أعطاك إياها المرسل؛ يُرفض كل ملف لا تفتحه ويُستورد الباقي.</numerusform>
            <numerusform>%n ملفا Excel للاستيراد محميان بكلمة مرور. اكتب كلمة المرور التي أعطاك إياها المرسل؛ يُرفض كل ملف لا تفتحه ويُستورد الباقي.</numerusform>
            <numerusform>%n ملفات Excel للاستيراد محمية بكلمة مرور. اكتب كلمة المرور التي أعطاك إياها المرسل؛ يُرفض كل ملف لا تفتحه ويُستورد الباقي.</numerusform>
            <numerusform>%n ملفًا من ملفات Excel للاستيراد محمية بكلمة مرور. اكتب كلمة المرور التي أعطاك إياها المرسل؛ يُرفض كل ملف لا تفتحه ويُستورد الباقي.</numerusform>
            <numerusform>%n ملف Excel للاستيراد محمية بكلمة مرور. اكتب كلمة المرور التي أعطاك إياها المرسل؛ يُرفض كل ملف لا تفتحه ويُستورد الباقي.</numerusform>
        </translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>تشفير قاعدة البيانات هذه</translation>
    </message>
    <message>
        <source>The database will be encrypted: without this passphrase nobody can read it, not even you. HBM Assess asks for it at every start and never stores it. Keep it in your office&apos;s password manager: a lost passphrase cannot be recovered. Use four or more random words.</source>
        <translation>ستُشفَّر قاعدة البيانات: بدون عبارة المرور هذه لا يستطيع أحد قراءتها، ولا أنت. يطلبها HBM Assess عند كل تشغيل ولا يحفظها أبدًا. احفظها في مدير كلمات المرور لدى مكتبك: عبارة المرور المفقودة لا يمكن استعادتها. استخدم أربع كلمات عشوائية أو أكثر.</translation>
    </message>
    <message>
        <source>The database %1 is encrypted. Type its passphrase to open it.</source>
        <translation>قاعدة البيانات %1 مشفّرة. اكتب عبارة المرور لفتحها.</translation>
    </message>
    <message>
        <source>That passphrase does not open the database %1; nothing was changed. Try again.</source>
        <translation>عبارة المرور هذه لا تفتح قاعدة البيانات %1؛ لم يتغير شيء. حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>Encrypted database</source>
        <translation>قاعدة بيانات مشفّرة</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Filter actions by any word: institution, indicator, status…</source>
        <translation>تصفية الإجراءات بأي كلمة: الجهة، المؤشر، الحالة…</translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation>إضافة إجراء…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>(no institution named)</source>
        <translation>(لم تُحدَّد جهة)</translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>%n إجراء</numerusform>
            <numerusform>%n إجراء</numerusform>
            <numerusform>%n إجراءان</numerusform>
            <numerusform>%n إجراءات</numerusform>
            <numerusform>%n إجراءً</numerusform>
            <numerusform>%n إجراء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n institutions</source>
        <translation>
            <numerusform>%n جهة</numerusform>
            <numerusform>%n جهة</numerusform>
            <numerusform>%n جهتان</numerusform>
            <numerusform>%n جهات</numerusform>
            <numerusform>%n جهةً</numerusform>
            <numerusform>%n جهة</numerusform>
        </translation>
    </message>
    <message>
        <source>Raise %1 to level %2</source>
        <translation>رفع %1 إلى المستوى %2</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>حذف الإجراء</translation>
    </message>
    <message>
        <source>Delete the action “%1”?</source>
        <translation>هل تريد حذف الإجراء «%1»؟</translation>
    </message>
</context>
<context>
    <name>PortfolioFilters</name>
    <message>
        <source>All countries</source>
        <translation>جميع البلدان</translation>
    </message>
    <message>
        <source>All site types</source>
        <translation>جميع أنواع المواقع</translation>
    </message>
    <message>
        <source>All questionnaires</source>
        <translation>جميع الاستبيانات</translation>
    </message>
    <message>
        <source>All versions</source>
        <translation>جميع الإصدارات</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>جميع الحالات</translation>
    </message>
    <message>
        <source>Include drafts</source>
        <translation>تضمين المسودات</translation>
    </message>
    <message>
        <source>Include other versions and questionnaires</source>
        <translation>تضمين الإصدارات والاستبيانات الأخرى</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>جميع المجالات</translation>
    </message>
    <message>
        <source>Only the latest assessment of each site</source>
        <translation>آخر تقييم لكل موقع فقط</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>البلد:</translation>
    </message>
    <message>
        <source>Site type:</source>
        <translation>نوع الموقع:</translation>
    </message>
    <message>
        <source>Questionnaire:</source>
        <translation>الاستبيان:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>الإصدار:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>من:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>إلى:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>المجال:</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>أي تاريخ</translation>
    </message>
</context>
<context>
    <name>PortfolioView</name>
    <message>
        <source>Export to Excel…</source>
        <translation>تصدير إلى Excel…</translation>
    </message>
    <message>
        <source>Export as CSV tables…</source>
        <translation>تصدير كجداول CSV…</translation>
    </message>
    <message>
        <source>A long table of answers and the tables it refers to, at any size, for Power BI, pandas or DuckDB (docs/hq-data.md)</source>
        <translation>جدول طويل بالإجابات والجداول التي يشير إليها، بأي حجم، لاستخدامها في Power BI أو pandas أو DuckDB (docs/hq-data.md)</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>جارٍ التحديث…</translation>
    </message>
    <message>
        <source>Loading the portfolio…</source>
        <translation>جارٍ تحميل مقارنة المنافذ…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>تعذّر حساب الأرقام: %1</translation>
    </message>
    <message>
        <source>Assessments: %1 · sites: %2.</source>
        <translation>التقييمات: %1 · المواقع: %2.</translation>
    </message>
    <message>
        <source>Posts are compared on post-level indicators; national indicators are shown once per country in the National tab (national assessments selected: %1).</source>
        <translation>تُقارَن المنافذ على المؤشرات الخاصة بمستوى المنفذ؛ وتُعرض المؤشرات الوطنية مرة واحدة لكل بلد في تبويب «وطني» (التقييمات الوطنية المختارة: %1).</translation>
    </message>
    <message>
        <source>Left out, so that like is compared with like — drafts: %1; assessments of other questionnaires or versions: %2.</source>
        <translation>مستبعد لكي تُقارَن الحالات المتماثلة فقط — المسودات: %1؛ تقييمات من استبيانات أو إصدارات أخرى: %2.</translation>
    </message>
    <message>
        <source>%1 (not in version %2)</source>
        <translation>%1 (غير موجود في الإصدار %2)</translation>
    </message>
    <message>
        <source>Indicators left out of the comparison: %1, because not every version of the questionnaire asks them — %2.</source>
        <translation>مؤشرات مستبعدة من المقارنة: %1، لأنها غير واردة في جميع إصدارات الاستبيان — %2.</translation>
    </message>
    <message>
        <source>Renamed indicators lined up with the newest version: %1.</source>
        <translation>مؤشرات أُعيدت تسميتها ووُحِّدت مع أحدث إصدار: %1.</translation>
    </message>
    <message>
        <source>Not counted as scores: %1 Not applicable and %2 Unknown answers.</source>
        <translation>لم تُحتسب ضمن الدرجات: %1 من إجابات «لا ينطبق» و%2 من إجابات «غير معروف».</translation>
    </message>
    <message>
        <source>Laws, national bodies and national systems are scored once per country, not post by post: they are left out of the heatmap, the ranking and the common gaps. Each level comes from the country&apos;s newest final national assessment; where there is none, it is the mean of the posts&apos; own views of the national matter, and says so.</source>
        <translation>تُقيَّم القوانين والهيئات الوطنية والأنظمة الوطنية مرة واحدة لكل بلد، لا منفذًا منفذًا: لذلك تُستبعد من الخريطة الحرارية والترتيب والفجوات المشتركة. يُؤخذ كل مستوى من أحدث تقييم وطني نهائي للبلد؛ وإن لم يوجد، فهو متوسط تقييمات المنافذ نفسها لهذه المسألة الوطنية، ويُذكر ذلك.</translation>
    </message>
    <message>
        <source>Mean level over every scored answer of the site; gap = target − level, the target being the one entered, else the indicator&apos;s default, else one level up.</source>
        <translation>متوسط المستوى محسوب على جميع الإجابات المُقيَّمة للموقع؛ الفجوة = المستوى المستهدف − المستوى، والمستوى المستهدف هو المُدخَل، وإلا فالمستوى الافتراضي للمؤشر، وإلا فمستوى واحد فوق المستوى الحالي.</translation>
    </message>
    <message>
        <source>A site is weak on an indicator at level 1 or 2 in its latest assessment. An indicator weak almost everywhere calls for a national action rather than one post&apos;s.</source>
        <translation>يُعدّ الموقع ضعيفًا في مؤشر ما إذا كان عند المستوى 1 أو 2 في آخر تقييم له. والمؤشر الضعيف في جميع المواقع تقريبًا يستدعي إجراءً وطنيًا لا إجراءً يخص منفذًا واحدًا.</translation>
    </message>
    <message>
        <source>Export the portfolio</source>
        <translation>تصدير مقارنة المنافذ</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ملف Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose a folder for the CSV tables</source>
        <translation>اختر مجلداً لجداول CSV</translation>
    </message>
    <message>
        <source>Exporting the portfolio…</source>
        <translation>جارٍ تصدير مقارنة المنافذ…</translation>
    </message>
    <message>
        <source>Exported to %1 (rows of data: %2)</source>
        <translation>صُدِّرت إلى %1 (صفوف البيانات: %2)</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>فشل التصدير: %1</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Show:</source>
        <translation>عرض:</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>جارٍ التحديث…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>تعذّر حساب الأرقام: %1</translation>
    </message>
    <message>
        <source>No site was assessed more than once with these filters.</source>
        <translation>لا يوجد موقع قُيِّم أكثر من مرة ضمن عوامل التصفية هذه.</translation>
    </message>
    <message>
        <source>Sites assessed more than once: %1. Indicators from the baseline to the latest assessment — improved: %2, same: %3, worse: %4, not comparable: %5.</source>
        <translation>المواقع التي قُيِّمت أكثر من مرة: %1. المؤشرات من خط الأساس إلى آخر تقييم — تحسّن: %2، دون تغيير: %3، تراجع: %4، غير قابل للمقارنة: %5.</translation>
    </message>
    <message>
        <source>Rapid against detailed (sites with a rapid baseline and a detailed follow-up: %1): %2 indicators compared through what each rapid item summarises, %3 left out — improved: %4, same: %5, worse: %6, not comparable: %7.</source>
        <translation>سريع مقابل تفصيلي (المواقع التي لها خط أساس سريع ومتابعة تفصيلية: %1): مؤشرات قورنت عبر ما يلخّصه كل بند سريع: %2، مستبعَدة: %3 — تحسّن: %4، دون تغيير: %5، تراجع: %6، غير قابل للمقارنة: %7.</translation>
    </message>
    <message>
        <source>All sites: baseline and follow-ups</source>
        <translation>جميع المواقع: خط الأساس والمتابعات</translation>
    </message>
    <message>
        <source>Mean level by area at each assessment of %1</source>
        <translation>متوسط المستوى حسب المجال في كل تقييم لموقع %1</translation>
    </message>
    <message>
        <source>Mean level by area: baseline and follow-ups of every site</source>
        <translation>متوسط المستوى حسب المجال: خط الأساس والمتابعات لجميع المواقع</translation>
    </message>
    <message>
        <source>No scored answers</source>
        <translation>لا توجد إجابات مُقيَّمة</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>خط الأساس</translation>
    </message>
    <message>
        <source>Follow-up %1</source>
        <translation>المتابعة %1</translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <source>Projector view</source>
        <translation>عرض جهاز الإسقاط</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>الخلافات</translation>
    </message>
    <message>
        <source>The groups agree on every shared indicator.</source>
        <translation>المجموعات متفقة على جميع المؤشرات المشتركة.</translation>
    </message>
    <message>
        <source>Next area</source>
        <translation>المجال التالي</translation>
    </message>
    <message>
        <source>No outputs for this area yet.</source>
        <translation>لا مخرجات لهذا المجال بعد.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>الصفحة %1 من %2</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <source>Type of site</source>
        <translation>نوع الموقع</translation>
    </message>
    <message>
        <source>Date of the assessment</source>
        <translation>تاريخ التقييم</translation>
    </message>
    <message>
        <source>Assessors</source>
        <translation>المقيِّمون</translation>
    </message>
    <message>
        <source>Institutions</source>
        <translation>المؤسسات</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>الاستبيان</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>العراق</translation>
    </message>
    <message>
        <source>Türkiye</source>
        <translation>تركيا</translation>
    </message>
    <message>
        <source>Syria</source>
        <translation>سوريا</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>الأردن</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>المملكة العربية السعودية</translation>
    </message>
    <message>
        <source>Kuwait</source>
        <translation>الكويت</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>إيران</translation>
    </message>
    <message>
        <source>Provisional — draft: the scores may still change</source>
        <translation>مؤقت — مسودة: قد تتغير الدرجات</translation>
    </message>
    <message>
        <source>Governorate</source>
        <translation>المحافظة</translation>
    </message>
    <message>
        <source>Workshop groups</source>
        <translation>مجموعات ورشة العمل</translation>
    </message>
    <message>
        <source>Target policy</source>
        <translation>سياسة الأهداف</translation>
    </message>
    <message>
        <source>%1, revision %2</source>
        <translation>%1، المراجعة %2</translation>
    </message>
    <message>
        <source>Overall mean level: %1 of 5</source>
        <translation>متوسط المستوى العام: %1 من 5</translation>
    </message>
    <message>
        <source>Report written on %1 by HBM Assess %2.</source>
        <translation>أُعدّ هذا التقرير في %1 بواسطة HBM Assess %2.</translation>
    </message>
    <message>
        <source>Humanitarian Border Management capacity assessment</source>
        <translation>تقييم قدرات الإدارة الإنسانية للحدود</translation>
    </message>
    <message>
        <source>Mean level %1 over %2 scored indicators of %3. Not counted: %4 not applicable and %5 unknown; %6 not answered.</source>
        <translation>متوسط المستوى %1، محسوباً على المؤشرات المُقيَّمة (%2 من أصل %3). لم يُحتسب: لا ينطبق %4، غير معروف %5؛ بلا إجابة %6.</translation>
    </message>
    <message>
        <source>Executive summary</source>
        <translation>الملخص التنفيذي</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>نقاط القوة</translation>
    </message>
    <message>
        <source>The five largest gaps</source>
        <translation>أكبر خمس فجوات</translation>
    </message>
    <message>
        <source>No indicator reaches developed capacity (3) yet.</source>
        <translation>لم يبلغ أي مؤشر مستوى القدرة المطوَّرة (3) بعد.</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>المؤشر</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الدليل</translation>
    </message>
    <message>
        <source>Compared with the assessment of %1: %2 indicators improved, %3 stayed the same, %4 got worse; %5 could not be compared.</source>
        <translation>مقارنةً بتقييم %1، عدد المؤشرات التي تحسّنت: %2، التي بقيت على حالها: %3، التي تراجعت: %4؛ التي تعذّرت مقارنتها: %5.</translation>
    </message>
    <message>
        <source>The earlier assessment was rapid and this one detailed (or the reverse): each indicator is set against the rapid item that summarises it; %1 indicators were left out.</source>
        <translation>كان التقييم السابق سريعاً وهذا التقييم تفصيلياً (أو العكس): يُقارَن كل مؤشر بالبند السريع الذي يلخّصه؛ واستُبعد %1 من المؤشرات.</translation>
    </message>
    <message>
        <source>The two assessments use different versions of the questionnaire: %1 indicators only one version asks were left out.</source>
        <translation>يستخدم التقييمان إصدارين مختلفين من الاستمارة: استُبعد %1 من المؤشرات التي لا يتضمنها إلا أحد الإصدارين.</translation>
    </message>
    <message>
        <source>No gaps: every scored indicator is at its target.</source>
        <translation>لا توجد فجوات: بلغ كل مؤشر مُقيَّم مستواه المستهدف.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>الرسوم البيانية</translation>
    </message>
    <message>
        <source>Plan of action by responsible institution</source>
        <translation>خطة العمل حسب الجهة المسؤولة</translation>
    </message>
    <message>
        <source>No actions in the plan yet.</source>
        <translation>لا توجد إجراءات في الخطة بعد.</translation>
    </message>
    <message>
        <source>Not yet assigned</source>
        <translation>لم تُحدَّد الجهة المسؤولة بعد</translation>
    </message>
    <message>
        <source>With: %1</source>
        <translation>بالتعاون مع: %1</translation>
    </message>
    <message>
        <source>Not in place.</source>
        <translation>غير موجودة.</translation>
    </message>
    <message>
        <source>Partial or ad hoc; development has started.</source>
        <translation>جزئية أو مؤقتة؛ بدأ تطويرها.</translation>
    </message>
    <message>
        <source>Documented and in place, not yet exercised or funded.</source>
        <translation>موثّقة وقائمة، لكنها لم تُختبر ولم تُموَّل بعد.</translation>
    </message>
    <message>
        <source>Used in a real crisis or a simulation in the last 3 years; budgeted.</source>
        <translation>استُخدمت في أزمة فعلية أو في تمرين محاكاة خلال السنوات الثلاث الأخيرة؛ ولها موازنة.</translation>
    </message>
    <message>
        <source>Reviewed after each use, sustainably funded, can support neighbours.</source>
        <translation>تُراجَع بعد كل استخدام، ولها تمويل مستدام، ويمكنها دعم دول الجوار.</translation>
    </message>
    <message>
        <source>detailed: indicator by indicator</source>
        <translation>تفصيلي: مؤشرًا مؤشرًا</translation>
    </message>
    <message>
        <source>rapid: one score per capacity area</source>
        <translation>سريع: درجة واحدة لكل مجال من مجالات القدرة</translation>
    </message>
    <message>
        <source>How the assessment was done</source>
        <translation>كيف أُجري التقييم</translation>
    </message>
    <message>
        <source>Questionnaire: %1, version %2 (%3); %4 indicators in %5 areas.</source>
        <translation>الاستبيان: %1، الإصدار %2 (%3)؛ %4 مؤشرًا في %5 مجالات.</translation>
    </message>
    <message>
        <source>The scale</source>
        <translation>سلّم المستويات</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>المعنى</translation>
    </message>
    <message>
        <source>Never counted as a score; means leave it out.</source>
        <translation>لا يُحتسب درجةً أبدًا؛ ويُستبعد من المتوسطات.</translation>
    </message>
    <message>
        <source>Each indicator has its own five level descriptors, written for it. Scoring rule: a level counts only when every element of it is met; otherwise score the level below. In doubt between two levels, the lower one was given.</source>
        <translation>لكل مؤشر خمسة أوصاف للمستويات كُتبت خصيصًا له. قاعدة التقييم: لا يُحتسب المستوى إلا إذا تحققت جميع عناصره؛ وإلا فيُعطى المستوى الأدنى منه. وعند التردد بين مستويين أُعطي الأدنى.</translation>
    </message>
    <message>
        <source>Scope and phases</source>
        <translation>النطاق والمراحل</translation>
    </message>
    <message>
        <source>Each indicator has one primary MCOF phase (pre-crisis, emergency or post-crisis); the phase chart counts it there only.</source>
        <translation>لكل مؤشر مرحلة رئيسية واحدة من مراحل MCOF (ما قبل الأزمة أو الطوارئ أو ما بعد الأزمة)؛ ويحتسبه مخطط المراحل فيها وحدها.</translation>
    </message>
    <message>
        <source>Targets and priorities</source>
        <translation>الأهداف والأولويات</translation>
    </message>
    <message>
        <source>Target policy: %1. A target typed for one indicator replaces it (%2 indicators here). Gap = target - current level.</source>
        <translation>سياسة الأهداف: %1. الهدف المُدخَل لمؤشر بعينه يحلّ محلها (%2 مؤشرًا هنا). الفجوة = المستوى المستهدف - المستوى الحالي.</translation>
    </message>
    <message>
        <source>Gaps are ranked by size, then by how far the level is below developed capacity (3), then emergency-phase indicators first. The suggested priority follows the same ranking by thirds: the first third High, the second Medium, the last Low; equally urgent gaps share one priority.</source>
        <translation>تُرتَّب الفجوات حسب حجمها، ثم حسب بُعد المستوى عن القدرة المطوَّرة (3)، ثم مؤشرات مرحلة الطوارئ أولًا. وتتبع الأولوية المقترحة الترتيب نفسه بالأثلاث: الثلث الأول عالية، والثاني متوسطة، والأخير منخفضة؛ والفجوات المتساوية في الإلحاح تشترك في أولوية واحدة.</translation>
    </message>
    <message>
        <source>Evidence is shortened in the tables; the annex gives every answer with its evidence and notes in full.</source>
        <translation>الأدلة مختصرة في الجداول؛ ويعرض الملحق كل إجابة مع أدلتها وملاحظاتها كاملة.</translation>
    </message>
    <message>
        <source>A national assessment: laws, national coordination and national data systems are scored here once for the country; crossing-point assessments show these scores for context.</source>
        <translation>تقييم وطني: تُقيَّم هنا القوانين والتنسيق الوطني وأنظمة البيانات الوطنية مرة واحدة للبلد؛ وتعرض تقييمات المنافذ الحدودية هذه الدرجات للاطلاع.</translation>
    </message>
    <message>
        <source>A governorate assessment: national indicators (marked N) are a governorate view of national matters.</source>
        <translation>تقييم على مستوى المحافظة: المؤشرات الوطنية (المعلَّمة بـ N) رؤية على مستوى المحافظة لمسائل وطنية.</translation>
    </message>
    <message>
        <source>A crossing-point assessment. National indicators (marked N: laws, national coordination, national data systems) are scored once per country; the tables show them from the national assessment of %1 where it scored them.</source>
        <translation>تقييم لمنفذ حدودي. المؤشرات الوطنية (المعلَّمة بـ N: القوانين والتنسيق الوطني وأنظمة البيانات الوطنية) تُقيَّم مرة واحدة لكل بلد؛ وتعرضها الجداول من التقييم الوطني بتاريخ %1 حيثما قيّمها.</translation>
    </message>
    <message>
        <source>A crossing-point assessment. National indicators (marked N: laws, national coordination, national data systems) are scored once per country; no national assessment of this country was found, so the scores given here are a post-level view of national matters.</source>
        <translation>تقييم لمنفذ حدودي. المؤشرات الوطنية (المعلَّمة بـ N: القوانين والتنسيق الوطني وأنظمة البيانات الوطنية) تُقيَّم مرة واحدة لكل بلد؛ ولم يُعثر على تقييم وطني لهذا البلد، لذا فالدرجات المُعطاة هنا رؤية على مستوى المنفذ لمسائل وطنية.</translation>
    </message>
    <message>
        <source>Findings by area</source>
        <translation>النتائج حسب المجال</translation>
    </message>
    <message>
        <source>Level colours: 1 red, 2–3 yellow, 4–5 green; grey: not scored. N: a national indicator. ✓ evidence recorded; ⚠ a level of 4 or 5 without evidence.</source>
        <translation>ألوان المستويات: 1 أحمر، 2–3 أصفر، 4–5 أخضر؛ الرمادي: بلا تقييم. N: مؤشر وطني. ✓ دليل مسجَّل؛ ⚠ مستوى 4 أو 5 بلا دليل.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>المستوى المستهدف</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>الفجوة</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>%1 — mean level %2</source>
        <translation>%1 — متوسط المستوى %2</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <source>No evidence text or notes were recorded in this area.</source>
        <translation>لم تُسجَّل نصوص أدلة أو ملاحظات في هذا المجال.</translation>
    </message>
    <message>
        <source>national — from the national assessment of %1</source>
        <translation>وطني — من التقييم الوطني بتاريخ %1</translation>
    </message>
    <message>
        <source>Annex: the answers in full</source>
        <translation>الملحق: الإجابات كاملة</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>المرجع</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>درجة الثقة</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>بلا إجابة</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>الإجابة</translation>
    </message>
    <message>
        <source>Workshop: where the groups differed</source>
        <translation>الورشة: حيث اختلفت المجموعات</translation>
    </message>
    <message>
        <source>No indicator was scored two levels apart or more by different groups.</source>
        <translation>لم تختلف المجموعات بمستويين أو أكثر في أي مؤشر.</translation>
    </message>
    <message>
        <source>Agreed level: %1</source>
        <translation>المستوى المتفق عليه: %1</translation>
    </message>
    <message>
        <source>Workshop outputs</source>
        <translation>مخرجات الورشة</translation>
    </message>
    <message>
        <source>No challenges, strategy or contributions recorded.</source>
        <translation>لم تُسجَّل تحديات أو استراتيجية أو مساهمات.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Change the target policy…</source>
        <translation>تغيير سياسة الأهداف…</translation>
    </message>
    <message>
        <source>Drawing the charts…</source>
        <translation>جارٍ رسم المخططات…</translation>
    </message>
    <message>
        <source>Add action for the selected gap…</source>
        <translation>إضافة إجراء للفجوة المحددة…</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>مقارنة مع:</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(لا شيء)</translation>
    </message>
    <message>
        <source>These two questionnaires do not compare.</source>
        <translation>لا يمكن المقارنة بين هاتين الاستمارتين.</translation>
    </message>
    <message>
        <source>Improved %1 · same %2 · worse %3 · not comparable %4</source>
        <translation>تحسّن: %1 · دون تغيير: %2 · تراجع: %3 · غير قابل للمقارنة: %4</translation>
    </message>
    <message>
        <source>Rapid against detailed, through what each rapid item summarises: %1 · %2 left out</source>
        <translation>سريع مقابل تفصيلي، عبر ما يلخّصه كل بند سريع: %1 · مستبعَد: %2</translation>
    </message>
    <message>
        <source>%1 · %2 left out: only one of the two versions asks them</source>
        <translation>%1 · مستبعَد: %2، لأن أحد الإصدارين فقط يتضمنها</translation>
    </message>
    <message>
        <source>Targets set by the policy: %1 (scope: %2). A target typed for one indicator stays.</source>
        <translation>الأهداف تحددها السياسة: %1 (النطاق: %2). ويبقى الهدف المُدخَل لمؤشر بعينه كما هو.</translation>
    </message>
    <message>
        <source>Mean level %1 over %2 scored indicators; %3 not applicable and %4 unknown are not counted; %5 unanswered.</source>
        <translation>متوسط المستوى %1 على أساس %2 من المؤشرات المُقيَّمة؛ لا تُحتسب %3 «لا ينطبق» و%4 «غير معروف»؛ %5 بلا إجابة.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review before marking final</source>
        <translation>مراجعة قبل اعتماد التقييم نهائيًا</translation>
    </message>
    <message>
        <source>%1 of %2 indicators answered. Mean level %3 over %4 scored indicators; %5 not applicable or unknown are not counted.</source>
        <translation>المؤشرات المُجاب عنها: %1 من %2. متوسط المستوى %3 على أساس %4 من المؤشرات المُقيَّمة؛ لا تُحتسب %5 من إجابات «لا ينطبق» أو «غير معروف».</translation>
    </message>
    <message>
        <source>Unanswered (%1)</source>
        <translation>بلا إجابة (%1)</translation>
    </message>
    <message>
        <source>Level 4 or 5 without evidence (%1)</source>
        <translation>المستوى 4 أو 5 دون دليل (%1)</translation>
    </message>
    <message>
        <source>Reopen as draft…</source>
        <translation>إعادة فتح كمسودة…</translation>
    </message>
    <message>
        <source>Mark final</source>
        <translation>اعتماد كنهائي</translation>
    </message>
    <message>
        <source>Reopen as draft</source>
        <translation>إعادة فتح كمسودة</translation>
    </message>
    <message>
        <source>Why is this assessment reopened? The note is kept with it.</source>
        <translation>لماذا يُعاد فتح هذا التقييم؟ تُحفظ الملاحظة مع التقييم.</translation>
    </message>
    <message>
        <source>%1 indicators are still unanswered. Mark the assessment final anyway?</source>
        <translation>لا يزال %1 من المؤشرات بلا إجابة. هل تريد اعتماد التقييم كنهائي رغم ذلك؟</translation>
    </message>
</context>
<context>
    <name>ScoredTableModel</name>
    <message>
        <source>Change</source>
        <translation>التغيّر</translation>
    </message>
    <message>
        <source>⚠ needed</source>
        <translation>⚠ مطلوب</translation>
    </message>
</context>
<context>
    <name>SettleView</name>
    <message>
        <source>— choose the agreed level —</source>
        <translation>— اختر المستوى المتفق عليه —</translation>
    </message>
    <message>
        <source>Why the plenary agreed on this level</source>
        <translation>سبب اتفاق الجلسة العامة على هذا المستوى</translation>
    </message>
    <message>
        <source>Record agreed level</source>
        <translation>تسجيل المستوى المتفق عليه</translation>
    </message>
    <message>
        <source>Conflict settled: move the file&apos;s copy to the bin</source>
        <translation>حُسم التعارض: انقل نسخة الملف إلى سلة المحذوفات</translation>
    </message>
    <message>
        <source>Agreed level</source>
        <translation>المستوى المتفق عليه</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>المجموعة</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>المستوى</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>الدليل</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>%1 indicators were scored by more than one group; %2 differ by two levels or more; %3 still to settle.</source>
        <translation>عدد المؤشرات التي قيّمتها أكثر من مجموعة: %1؛ منها %2 يختلف تقييمها بمستويين أو أكثر؛ و%3 لم تُحسم بعد.</translation>
    </message>
    <message>
        <source>Nothing to settle: no indicator was scored by two groups.</source>
        <translation>لا يوجد ما يُحسم: لم تُقيِّم مجموعتان أيَّ مؤشر.</translation>
    </message>
    <message>
        <source> — the groups differ by %1 levels</source>
        <translation> — فارق المستوى بين المجموعات: %1</translation>
    </message>
    <message>
        <source>The groups differ by %1 levels: write in the note why the plenary agreed on this level.</source>
        <translation>تختلف المجموعات بمقدار %1 مستويات: اكتب في الملاحظة لماذا اتفقت الجلسة العامة على هذا المستوى.</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>قاعدة البيانات هذه</translation>
    </message>
    <message>
        <source>Imported copy %1</source>
        <translation>النسخة المستوردة %1</translation>
    </message>
</context>
<context>
    <name>Workbooks</name>
    <message>
        <source>Imported</source>
        <translation>استُورد</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>حُدِّث</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>دون تغيير</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>تُخطّي</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>رُفض</translation>
    </message>
    <message>
        <source>Conflict kept</source>
        <translation>تعارض: حُفظت النسختان</translation>
    </message>
    <message>
        <source>Import workbooks</source>
        <translation>استيراد ملفات Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>ملفات Excel (*.xlsx);;جميع الملفات (*)</translation>
    </message>
    <message>
        <source>Import every workbook in a folder</source>
        <translation>استيراد جميع ملفات Excel في مجلد</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>جارٍ استيراد %1</translation>
    </message>
    <message>
        <source>Importing workbooks</source>
        <translation>جارٍ استيراد ملفات Excel</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>تصدير إلى Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ملف Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting to Excel</source>
        <translation>جارٍ التصدير إلى Excel</translation>
    </message>
    <message>
        <source>Export questionnaire as XLSForm</source>
        <translation>تصدير الاستبيان بصيغة XLSForm</translation>
    </message>
    <message>
        <source>Export every assessment to a folder</source>
        <translation>تصدير جميع التقييمات إلى مجلد</translation>
    </message>
    <message>
        <source>Folder for the group files</source>
        <translation>مجلد ملفات المجموعات</translation>
    </message>
    <message>
        <source>Preparing group files</source>
        <translation>جارٍ إعداد ملفات المجموعات</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>تصدير التقرير</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>مستند PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>تم الحفظ: %1</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>و%n ملفات أخرى</numerusform>
            <numerusform>و%n ملف آخر</numerusform>
            <numerusform>و%n ملفان آخران</numerusform>
            <numerusform>و%n ملفات أخرى</numerusform>
            <numerusform>و%n ملفًا آخر</numerusform>
            <numerusform>و%n ملف آخر</numerusform>
        </translation>
    </message>
</context>
</TS>
