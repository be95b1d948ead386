<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Strings of Qt's own dialogs that Qt's qtbase_ko.qm (shipped with PySide6) leaves in
     English; loaded after it (console/ui/app.py install_translators). Hand-kept: lupdate
     does not write this file. Compile with pyside6-lrelease. -->
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>찾는 위치(&amp;L):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
</TS>
