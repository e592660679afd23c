<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DashboardPage</name>
    <message>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>待补充数据</source>
        <translation>Data missing</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>{0}个百分点</source>
        <translation>{0} percentage points</translation>
    </message>
    <message>
        <source>全市</source>
        <translation>Whole city</translation>
    </message>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>正在计算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>实际</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>差距</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>机构规则</source>
        <translation>Facility rule</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>还需</source>
        <translation>Still needed</translation>
    </message>
    <message>
        <source>双击“未达标”“预警”“待补充数据”下的数字，可在医疗机构页查看这些机构。</source>
        <translation>Double-click a number under “Not met”, “Warning” or “Data missing” to see those facilities on the Facilities page.</translation>
    </message>
    <message>
        <source>统计范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>指标年度</source>
        <translation>Indicator year</translation>
    </message>
    <message>
        <source>评价日期</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <source>实际与目标</source>
        <translation>Actual vs target</translation>
    </message>
    <message>
        <source>差距测算</source>
        <translation>Gap planner</translation>
    </message>
    <message>
        <source>机构规则达标情况</source>
        <translation>Facility rules</translation>
    </message>
    <message>
        <source>指标完成情况</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>计算失败</source>
        <translation>Calculation failed</translation>
    </message>
    <message>
        <source>差距测算（{0}）</source>
        <translation>Gap planner ({0})</translation>
    </message>
    <message>
        <source>{0} · {1}年度指标 · 评价日期 {2}：共{3}项，达标{4}项，未达标{5}项，预警{6}项，待补充数据{7}项</source>
        <translation>{0} · indicators {1} · evaluated {2}: {3} in all, {4} met, {5} not met, {6} warnings, {7} with missing data</translation>
    </message>
    <message>
        <source>双击查看这些机构</source>
        <translation>Double-click to see these facilities</translation>
    </message>
</context>
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
    <name>FacilitiesPage</name>
    <message>
        <source>不达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>待补充</source>
        <translation>Data missing</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>全部结果</source>
        <translation>All results</translation>
    </message>
    <message>
        <source>搜索机构：名称、编码或拼音首字母</source>
        <translation>Search facilities: name, code or pinyin initials</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
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
        <source>机构编码</source>
        <translation>Facility code</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Facility name</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>服务人口</source>
        <translation>Service population</translation>
    </message>
    <message>
        <source>产权</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>许可证有效期至</source>
        <translation>Licence valid until</translation>
    </message>
    <message>
        <source>在岗人员</source>
        <translation>Active staff</translation>
    </message>
    <message>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>评价日期</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <source>全部县区</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>全部规则</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>共 {0} 个机构</source>
        <translation>{0} facilities</translation>
    </message>
    <message>
        <source>删除医疗机构</source>
        <translation>Delete facility</translation>
    </message>
    <message>
        <source>确定删除医疗机构 {0} 吗？此操作会记入审计日志。</source>
        <translation>Delete facility {0}? This is recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>FacilityDetailPanel</name>
    <message>
        <source>机构信息</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>机构编码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>服务人口</source>
        <translation>Service population</translation>
    </message>
    <message>
        <source>产权性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>执业许可证</source>
        <translation>Practice licence</translation>
    </message>
    <message>
        <source>建筑面积</source>
        <translation>Floor area</translation>
    </message>
    <message>
        <source>床位数</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>服务能力</source>
        <translation>Capability</translation>
    </message>
    <message>
        <source>达标情况</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>请在上方列表中选择一个机构，查看其各项标准的达标情况。</source>
        <translation>Select a facility in the list above to see how it meets each standard.</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>（有效期至 {0}）</source>
        <translation> (valid until {0})</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>{0}（按服务村庄计算）</source>
        <translation>{0} (from the served villages)</translation>
    </message>
    <message>
        <source>评价日 {0}，共 {1} 项标准：{2}</source>
        <translation>As of {0}, {1} standards: {2}</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>评价日 {0}：该类机构没有适用的标准</source>
        <translation>As of {0}: no standard applies to this kind of facility</translation>
    </message>
</context>
<context>
    <name>FacilityDialog</name>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>仅村卫生室填写；多个代码用 ; 分隔，空白为本村</source>
        <translation>Village clinics only; separate codes with ; (blank = its own village)</translation>
    </message>
    <message>
        <source>四位年份；未新改扩建留空</source>
        <translation>Four-digit year; blank if never rebuilt or extended</translation>
    </message>
    <message>
        <source>编辑医疗机构</source>
        <translation>Edit facility</translation>
    </message>
    <message>
        <source>新增医疗机构</source>
        <translation>Add facility</translation>
    </message>
    <message>
        <source>村卫生室、社区卫生服务站填村（社区）代码，其他填乡镇代码</source>
        <translation>Village/community code for village clinics and community stations; township code for the others</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <source>机构编码</source>
        <translation>Facility code</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Facility name</translation>
    </message>
    <message>
        <source>机构类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>所在区划代码</source>
        <translation>Division code</translation>
    </message>
    <message>
        <source>服务村庄代码</source>
        <translation>Served village codes</translation>
    </message>
    <message>
        <source>服务人口</source>
        <translation>Service population</translation>
    </message>
    <message>
        <source>产权性质</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <source>政府举办</source>
        <translation>Government-run</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>执业许可证号</source>
        <translation>Practice licence no.</translation>
    </message>
    <message>
        <source>许可证有效期至</source>
        <translation>Licence valid until</translation>
    </message>
    <message>
        <source>房屋与床位</source>
        <translation>Building and beds</translation>
    </message>
    <message>
        <source>建筑面积（m²）</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <source>新改扩建年份</source>
        <translation>Year built or extended</translation>
    </message>
    <message>
        <source>床位数</source>
        <translation>Beds</translation>
    </message>
    <message>
        <source>七室</source>
        <translation>Seven rooms</translation>
    </message>
    <message>
        <source>诊断室</source>
        <translation>Diagnosis room</translation>
    </message>
    <message>
        <source>治疗室</source>
        <translation>Treatment room</translation>
    </message>
    <message>
        <source>观察室</source>
        <translation>Observation room</translation>
    </message>
    <message>
        <source>药房</source>
        <translation>Pharmacy</translation>
    </message>
    <message>
        <source>中医治疗室</source>
        <translation>TCM treatment room</translation>
    </message>
    <message>
        <source>公共卫生室</source>
        <translation>Public health room</translation>
    </message>
    <message>
        <source>值班室</source>
        <translation>Duty room</translation>
    </message>
    <message>
        <source>服务能力</source>
        <translation>Service capability</translation>
    </message>
    <message>
        <source>常见病种数</source>
        <translation>Common diseases treated</translation>
    </message>
    <message>
        <source>中医药适宜技术数</source>
        <translation>TCM techniques</translation>
    </message>
    <message>
        <source>中医馆</source>
        <translation>TCM hall</translation>
    </message>
    <message>
        <source>社区医院</source>
        <translation>Community hospital</translation>
    </message>
    <message>
        <source>次中心</source>
        <translation>Sub-centre</translation>
    </message>
    <message>
        <source>设施设备</source>
        <translation>Buildings and equipment</translation>
    </message>
    <message>
        <source>发热诊室</source>
        <translation>Fever clinic</translation>
    </message>
    <message>
        <source>门诊楼</source>
        <translation>Outpatient building</translation>
    </message>
    <message>
        <source>病房楼</source>
        <translation>Ward building</translation>
    </message>
    <message>
        <source>16排CT</source>
        <translation>16-slice CT</translation>
    </message>
    <message>
        <source>层流手术室</source>
        <translation>Laminar-flow theatre</translation>
    </message>
    <message>
        <source>负压救护车</source>
        <translation>Negative-pressure ambulance</translation>
    </message>
    <message>
        <source>格式不正确</source>
        <translation>Invalid format</translation>
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
        <source>立即备份(&amp;B)…</source>
        <translation>&amp;Back up now…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>检查数据库(&amp;C)</source>
        <translation>&amp;Check database</translation>
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
        <source>新增(&amp;N)</source>
        <translation>&amp;New</translation>
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
        <source>选择备份保存位置</source>
        <translation>Choose where to save the backup</translation>
    </message>
    <message>
        <source>备份完成</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <source>已备份到：{0}</source>
        <translation>Backed up to: {0}</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>数据库备份 (*.sqlite3 *.db);;所有文件 (*)</source>
        <translation>Database backups (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>将用备份 {0} 替换当前数据库。当前数据库文件会先另存一份，不会被删除。是否继续？</source>
        <translation>The current database will be replaced by the backup {0}. The current file is kept aside, not deleted. Continue?</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restore finished</translation>
    </message>
    <message>
        <source>已从备份恢复。原数据库已另存为：{0}</source>
        <translation>Restored from the backup. The previous database was kept as: {0}</translation>
    </message>
    <message>
        <source>检查数据库</source>
        <translation>Check database</translation>
    </message>
    <message>
        <source>数据库完好，审计记录链完整。</source>
        <translation>The database is intact and the audit chain is complete.</translation>
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
    <name>RuleResultsModel</name>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>标准</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>实际 / 要求</source>
        <translation>Actual / required</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Source</translation>
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
    <name>StaffDialog</name>
    <message>
        <source>编辑人员</source>
        <translation>Edit staff member</translation>
    </message>
    <message>
        <source>新增人员</source>
        <translation>New staff member</translation>
    </message>
    <message>
        <source>18位居民身份证号</source>
        <translation>18-character resident ID number</translation>
    </message>
    <message>
        <source>（仅退出人员填写）</source>
        <translation>(only for staff who left)</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在机构</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>执业范围</source>
        <translation>Practice scope</translation>
    </message>
    <message>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>全科医生</source>
        <translation>General practitioner</translation>
    </message>
    <message>
        <source>专职</source>
        <translation>Full-time</translation>
    </message>
    <message>
        <source>乡聘村用</source>
        <translation>Township-hired</translation>
    </message>
    <message>
        <source>参加养老保险</source>
        <translation>Pension insured</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>退出日期</source>
        <translation>Date left</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（未填写）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>输入机构编码或名称搜索</source>
        <translation>Type a facility code or name to search</translation>
    </message>
    <message>
        <source>出生日期、性别由身份证号自动得出</source>
        <translation>Birth date and sex are derived from the ID number</translation>
    </message>
    <message>
        <source>出生日期 {0}&#x3000;性别 {1}&#x3000;年龄 {2} 岁</source>
        <translation>Born {0}   Sex {1}   Age {2}</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>全部县区</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>搜索：姓名、拼音首字母或所在机构</source>
        <translation>Search: name, pinyin initials or facility</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>批量录入培训</source>
        <translation>Enter training in bulk</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>执业范围</source>
        <translation>Practice scope</translation>
    </message>
    <message>
        <source>学历</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>所在机构</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township (subdistrict)</translation>
    </message>
    <message>
        <source>请在上方列表中选择一名人员，查看其培训天数与调动记录</source>
        <translation>Select a person in the list above to see their training days and transfers</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>调动日期</source>
        <translation>Transferred on</translation>
    </message>
    <message>
        <source>调出机构</source>
        <translation>From facility</translation>
    </message>
    <message>
        <source>调入机构</source>
        <translation>To facility</translation>
    </message>
    <message>
        <source>培训天数（近五年）</source>
        <translation>Training days (last five years)</translation>
    </message>
    <message>
        <source>培训标准对照</source>
        <translation>Training standards</translation>
    </message>
    <message>
        <source>考核年度</source>
        <translation>Assessment year</translation>
    </message>
    <message>
        <source>调动记录</source>
        <translation>Transfer history</translation>
    </message>
    <message>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <source>{0} 出生，{1} 岁</source>
        <translation>born {0}, age {1}</translation>
    </message>
    <message>
        <source>退出日期 {0}</source>
        <translation>left on {0}</translation>
    </message>
    <message>
        <source>所在机构：{0}（{1}）</source>
        <translation>Facility: {0} ({1})</translation>
    </message>
    <message>
        <source>按 {0} 的数据判断：</source>
        <translation>Judged on the data as of {0}:</translation>
    </message>
    <message>
        <source>本年度无适用的培训标准结果</source>
        <translation>No training standard applies this year</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>预警</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <source>无法判断</source>
        <translation>Cannot tell</translation>
    </message>
</context>
<context>
    <name>TrainingEntry</name>
    <message>
        <source>批量录入培训</source>
        <translation>Enter training in bulk</translation>
    </message>
    <message>
        <source>{0} 年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>直接输入天数（可带小数），Tab 或 Enter 移到下一格，Delete 清空。保存时一次写入全部修改；有错误时不写入任何数据。</source>
        <translation>Type the days (decimals allowed); Tab or Enter moves to the next cell, Delete clears. Save writes every change at once; if any cell is wrong nothing is written.</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Undo changes</translation>
    </message>
    <message>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>有未保存的修改，确定放弃吗？</source>
        <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>在岗 {0} 人</source>
        <translation>{0} active staff</translation>
    </message>
    <message>
        <source>，{0} 处修改未保存</source>
        <translation>, {0} unsaved changes</translation>
    </message>
    <message>
        <source>已保存 {0} 处修改</source>
        <translation>Saved {0} changes</translation>
    </message>
    <message>
        <source>正在保存培训天数…</source>
        <translation>Saving training days…</translation>
    </message>
    <message>
        <source>有 {0} 个单元格输入有误（已标红），未保存任何数据。第 {1} 行：{2}</source>
        <translation>{0} cells are invalid (marked red); nothing was saved. Row {1}: {2}</translation>
    </message>
</context>
<context>
    <name>TrainingGridModel</name>
    <message>
        <source>“{0}”不是数字，请输入培训天数</source>
        <translation>“{0}” is not a number; enter the training days</translation>
    </message>
    <message>
        <source>天数应大于0（要清空请按 Delete）</source>
        <translation>Days must be greater than 0 (press Delete to clear)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>所在机构</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>人员类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>已修改，尚未保存</source>
        <translation>Changed, not yet saved</translation>
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
    <message>
        <source>村卫生室</source>
        <translation>Village clinic</translation>
    </message>
    <message>
        <source>乡镇卫生院</source>
        <translation>Township health centre</translation>
    </message>
    <message>
        <source>中心乡镇卫生院</source>
        <translation>Central township health centre</translation>
    </message>
    <message>
        <source>社区卫生服务中心</source>
        <translation>Community health centre</translation>
    </message>
    <message>
        <source>社区卫生服务站</source>
        <translation>Community health station</translation>
    </message>
    <message>
        <source>公有</source>
        <translation>Public</translation>
    </message>
    <message>
        <source>集体</source>
        <translation>Collective</translation>
    </message>
    <message>
        <source>私人</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>有</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>示范</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Below standard</translation>
    </message>
    <message>
        <source>基本标准</source>
        <translation>Basic standard</translation>
    </message>
    <message>
        <source>推荐标准</source>
        <translation>Recommended standard</translation>
    </message>
    <message>
        <source>二级水平</source>
        <translation>Secondary level</translation>
    </message>
    <message>
        <source>乡村医生</source>
        <translation>Village doctor</translation>
    </message>
    <message>
        <source>执业医师</source>
        <translation>Licensed physician</translation>
    </message>
    <message>
        <source>执业助理医师</source>
        <translation>Licensed assistant physician</translation>
    </message>
    <message>
        <source>注册护士</source>
        <translation>Registered nurse</translation>
    </message>
    <message>
        <source>药师</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <source>技师</source>
        <translation>Technician</translation>
    </message>
    <message>
        <source>临床</source>
        <translation>Clinical</translation>
    </message>
    <message>
        <source>中医</source>
        <translation>TCM</translation>
    </message>
    <message>
        <source>公共卫生</source>
        <translation>Public health</translation>
    </message>
    <message>
        <source>口腔</source>
        <translation>Dental</translation>
    </message>
    <message>
        <source>研究生</source>
        <translation>Postgraduate</translation>
    </message>
    <message>
        <source>本科</source>
        <translation>Bachelor</translation>
    </message>
    <message>
        <source>大专</source>
        <translation>College</translation>
    </message>
    <message>
        <source>中专</source>
        <translation>Secondary vocational</translation>
    </message>
    <message>
        <source>高中及以下</source>
        <translation>High school or below</translation>
    </message>
    <message>
        <source>在岗</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>集中学习</source>
        <translation>Central study</translation>
    </message>
    <message>
        <source>远程教育</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>业务进修</source>
        <translation>Further study</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
</context>
</TS>
