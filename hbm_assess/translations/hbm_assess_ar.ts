<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institutions, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: %1 (gap of %2 at level %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by a date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What will be done *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators it addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsible institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeframe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what will be done.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The database %1 was damaged. It was moved to %2 (nothing was deleted) and a new, empty database was started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentListModel</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 indicators answered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <source>Find an indicator by id or words (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Previous (Alt+Up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (Alt+Down) ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;&amp; finish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan of action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <source>Search by site, questionnaire, date or status (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a follow-up assessment from the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;No assessments yet&lt;/h2&gt;&lt;p&gt;Start by creating an assessment of a border crossing point, or open a demo assessment to see how it works.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a demo assessment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Target level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not applicable (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document title, article, file name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was seen, read or heard, and where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else the team should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The level to reach; by default one above the current level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phases: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not said —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Level %1 claims capacity used in a crisis or exercise: add the evidence that shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This assessment is final. Reopen it as a draft to change answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence type for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidence for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This text is longer than %1 characters, the most a spreadsheet cell can hold. Shorten it; it has not been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit text of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorTreeModel</name>
    <message>
        <source>Not answered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — needs evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current file…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HBM Assess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New assessment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
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
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All assessments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About HBM Assess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HBM Assess — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up started from the earlier assessment; its answers are the starting point. Change what has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the assessment of %1 dated %2? You can undo this with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment deleted. Edit → Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — HBM Assess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT SAVED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last change could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HBM Assess databases (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HBM Assess will use the new language after a restart. Nothing is lost: every answer is already saved. Restart now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About HBM Assess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;HBM Assess %1&lt;/h3&gt;&lt;p&gt;Humanitarian Border Management capacity assessments.&lt;/p&gt;&lt;p&gt;Data is kept in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <source>New assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 indicators)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— a new site —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-letter ISO country code, e.g. IQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. IQG03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P-code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessors *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participating institutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the site&apos;s name, or choose one from the list above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two capital letters, e.g. IQ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A P-code starts with the country letters, e.g. IQG03.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one assessor.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 3 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within 12 months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>Filter actions by any word: institution, indicator, status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add action…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeframe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no institution named)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n actions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n institutions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Raise %1 to level %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the action “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <source>Add action for the selected gap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Improved %1 · same %2 · worse %3 · not comparable %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean level %1 over %2 scored indicators; %3 not applicable and %4 unknown are not counted; %5 unanswered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review before marking final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 indicators answered. Mean level %3 over %4 scored indicators; %5 not applicable or unknown are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level 4 or 5 without evidence (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen as draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark final</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen as draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this assessment reopened? The note is kept with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 indicators are still unanswered. Mark the assessment final anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoredTableModel</name>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Text</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Reopened after an unexpected stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HBM Assess did not close properly last time. The assessment of %1 was open; it has been reopened at indicator %2. Every answer shown as saved was kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete assessment of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
