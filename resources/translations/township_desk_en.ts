<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DivisionsPage</name>
    <message>
        <source>搜索区划：名称、代码或拼音首字母（如 xwx）</source>
        <translation>Search divisions: name, code or pinyin initials (e.g. xwx)</translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation>Division</translation>
    </message>
    <message>
        <source>村/社区数</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>请选择左侧的乡镇（街道）</source>
        <translation>Select a township on the left</translation>
    </message>
    <message>
        <source>搜索村庄：名称、代码或拼音首字母</source>
        <translation>Search villages: name, code or pinyin initials</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>新增村庄</source>
        <translation>New village</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>Resident population</translation>
    </message>
    <message>
        <source>卫生院所在地</source>
        <translation>Hosts township centre</translation>
    </message>
    <message>
        <source>到村卫生室（分钟）</source>
        <translation>To clinic (minutes)</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <source>请先在左侧选择一个乡镇（街道）</source>
        <translation>Select a township on the left first</translation>
    </message>
    <message>
        <source>删除村庄</source>
        <translation>Delete village</translation>
    </message>
    <message>
        <source>确定删除村庄 {0} 吗？此操作会记入审计日志。</source>
        <translation>Delete village {0}? This is recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>ErrorBoundary</name>
    <message>
        <source>……另有 {0} 个问题</source>
        <translation>…and {0} more problems</translation>
    </message>
    <message>
        <source>输入有误，未写入任何数据：</source>
        <translation>The input was refused; nothing was written:</translation>
    </message>
    <message>
        <source>发生意外错误，未完成的操作已撤销。详情已写入日志：</source>
        <translation>An unexpected error occurred; the unfinished operation was rolled back. Details are in the log:</translation>
    </message>
    <message>
        <source>乡镇服务台</source>
        <translation>Township Desk</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>概览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>行政区划与村庄</source>
        <translation>Divisions &amp; villages</translation>
    </message>
    <message>
        <source>医疗机构</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>补助</source>
        <translation>Subsidies</translation>
    </message>
    <message>
        <source>个体工商户</source>
        <translation>Individual businesses</translation>
    </message>
    <message>
        <source>政策申请</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>系统管理</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>该模块尚在建设中，将在后续版本提供</source>
        <translation>This module is under construction and comes in a later version</translation>
    </message>
    <message>
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>用户：{0}</source>
        <translation>User: {0}</translation>
    </message>
    <message>
        <source>示例数据</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>乡镇服务台</source>
        <translation>Township Desk</translation>
    </message>
    <message>
        <source>【示例数据】</source>
        <translation> [demo data]</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>导入工作簿(&amp;I)…</source>
        <translation>&amp;Import workbook…</translation>
    </message>
    <message>
        <source>导出工作簿(&amp;E)…</source>
        <translation>&amp;Export workbook…</translation>
    </message>
    <message>
        <source>生成导入模板(&amp;T)…</source>
        <translation>Write import &amp;template…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>新增村庄(&amp;N)</source>
        <translation>&amp;New village</translation>
    </message>
    <message>
        <source>编辑所选(&amp;O)</source>
        <translation>&amp;Open selected</translation>
    </message>
    <message>
        <source>删除所选(&amp;D)</source>
        <translation>&amp;Delete selected</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于乡镇服务台(&amp;A)</source>
        <translation>&amp;About Township Desk</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导入工作簿</source>
        <translation>Import workbook</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导出工作簿</source>
        <translation>Export workbook</translation>
    </message>
    <message>
        <source>已导出：{0}</source>
        <translation>Exported: {0}</translation>
    </message>
    <message>
        <source>生成导入模板</source>
        <translation>Write import template</translation>
    </message>
    <message>
        <source>已生成模板：{0}</source>
        <translation>Template written: {0}</translation>
    </message>
    <message>
        <source>关于乡镇服务台</source>
        <translation>About Township Desk</translation>
    </message>
    <message>
        <source>乡镇服务台 {0}
焦作市基层医疗卫生与个体工商户服务离线桌面程序
数据库：{1}</source>
        <translation>Township Desk {0}
Offline desktop app for primary healthcare and individual businesses in Jiaozuo
Database: {1}</translation>
    </message>
</context>
<context>
    <name>OpRunner</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>界面语言在重新启动程序后生效。</source>
        <translation>The language takes effect when the app is restarted.</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VillageDialog</name>
    <message>
        <source>编辑村庄</source>
        <translation>Edit village</translation>
    </message>
    <message>
        <source>新增村庄</source>
        <translation>New village</translation>
    </message>
    <message>
        <source>12位代码；自然村为行政村代码-两位序号</source>
        <translation>12 digits; a natural village: its village&apos;s code + -NN</translation>
    </message>
    <message>
        <source>乡镇卫生院所在地</source>
        <translation>Hosts the township health centre</translation>
    </message>
    <message>
        <source>可空</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>常住人口</source>
        <translation>Resident population</translation>
    </message>
    <message>
        <source>到最近村卫生室路程（分钟）</source>
        <translation>Minutes to the nearest village clinic</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>行政村</source>
        <translation>Administrative village</translation>
    </message>
    <message>
        <source>自然村</source>
        <translation>Natural village</translation>
    </message>
    <message>
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
</TS>
