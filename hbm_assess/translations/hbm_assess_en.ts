<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MethodDialog</name>
    <message numerus="yes">
        <source>A target typed for one indicator stays as typed (%n indicators here); every other target, the gaps, the suggested priorities and the report follow the policy.</source>
        <translation>
            <numerusform>A target typed for one indicator stays as typed (%n indicator here); every other target, the gaps, the suggested priorities and the report follow the policy.</numerusform>
            <numerusform>A target typed for one indicator stays as typed (%n indicators here); every other target, the gaps, the suggested priorities and the report follow the policy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message numerus="yes">
        <source>%n workbook(s) to import are protected with a password. Type the password the sender gave you; a workbook it does not open is rejected and the others are imported.</source>
        <translation>
            <numerusform>%n workbook to import is protected with a password. Type the password the sender gave you; if it does not open the workbook, the workbook is rejected.</numerusform>
            <numerusform>%n workbooks to import are protected with a password. Type the password the sender gave you; a workbook it does not open is rejected and the others are imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message numerus="yes">
        <source>%n actions</source>
        <translation>
            <numerusform>%n action</numerusform>
            <numerusform>%n actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n institutions</source>
        <translation>
            <numerusform>%n institution</numerusform>
            <numerusform>%n institutions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Workbooks</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
