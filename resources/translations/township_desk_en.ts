<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <source>用户管理</source>
        <translation>User management</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>用户管理和审计记录仅供系统管理员使用（您的角色：{0}）。</source>
        <translation>User management and the audit trail are for system administrators only (your role: {0}).</translation>
    </message>
</context>
<context>
    <name>AllowanceDialog</name>
    <message>
        <source>老年乡村医生生活补助标准</source>
        <translation>Retired village doctor allowance rate</translation>
    </message>
    <message>
        <source>{0}：{1}年起 {2} 元/人·年</source>
        <translation>{0}: from {1}, {2} yuan per person per year</translation>
    </message>
    <message>
        <source>尚未设定任何县区的标准（政策未规定金额，由县区确定）。</source>
        <translation>No county has set a rate yet (the policy sets no amount; each county decides).</translation>
    </message>
    <message>
        <source>已设定</source>
        <translation>Current settings</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County / district</translation>
    </message>
    <message>
        <source>起始年度</source>
        <translation>From year</translation>
    </message>
    <message>
        <source>每人每年（元，空白=取消该设置）</source>
        <translation>Per person per year (yuan; blank removes the setting)</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>受理 (F2)</source>
        <translation>Intake (F2)</translation>
    </message>
    <message>
        <source>审核办理 (F3)</source>
        <translation>Review (F3)</translation>
    </message>
    <message>
        <source>风险提示</source>
        <translation>Risk signals</translation>
    </message>
    <message>
        <source>政策目录</source>
        <translation>Policy catalogue</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>批准申请 {0}</source>
        <translation>Approve application {0}</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>可不填：默认为系统判定理由</source>
        <translation>Optional: defaults to the system&apos;s reasons</translation>
    </message>
    <message>
        <source>系统判定：不符合条件</source>
        <translation>System check: not eligible</translation>
    </message>
    <message>
        <source>批准即为超出系统判定的特批：须填写书面理由，该件将被醒目标记并记入审计。</source>
        <translation>Approving is an override of the system check: a written reason is required, and the case is flagged and audited.</translation>
    </message>
    <message>
        <source>必填：特批的书面理由</source>
        <translation>Required: written reason for the override</translation>
    </message>
    <message>
        <source>必填：批准金额（元）</source>
        <translation>Required: approved amount (yuan)</translation>
    </message>
    <message>
        <source>系统判定：符合，核定金额 {0} 元。</source>
        <translation>System check: eligible, assessed amount {0} yuan.</translation>
    </message>
    <message>
        <source>仅在批准金额高于核定金额时填写理由</source>
        <translation>Only needed when approving more than the assessed amount</translation>
    </message>
    <message>
        <source>批准金额（元）</source>
        <translation>Approved amount (yuan)</translation>
    </message>
    <message>
        <source>批准说明</source>
        <translation>Approval note</translation>
    </message>
    <message>
        <source>特批理由</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <source>超额理由</source>
        <translation>Reason for a higher amount</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <source>全部用户</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>全部数据表</source>
        <translation>All tables</translation>
    </message>
    <message>
        <source>全部操作</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>记录键包含…（如村庄代码、身份证号、受理编号）</source>
        <translation>Record key contains… (e.g. village code, ID number, receipt no.)</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>用户</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>变更内容</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>校验审计链</source>
        <translation>Verify audit chain</translation>
    </message>
    <message>
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>自</source>
        <translation>From</translation>
    </message>
    <message>
        <source>至</source>
        <translation>To</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>重新计算每条审计记录的摘要，检查记录是否被改动或删除</source>
        <translation>Recompute the hash of every audit row to find rows that were changed or deleted</translation>
    </message>
    <message>
        <source>把当前筛选出的审计记录导出为 Excel 工作簿</source>
        <translation>Export the audit rows matching the filters to an Excel workbook</translation>
    </message>
    <message>
        <source>结束日期早于开始日期，请重新选择</source>
        <translation>The end date is before the start date; please choose again</translation>
    </message>
    <message>
        <source>共 {0} 条记录</source>
        <translation>{0} rows</translation>
    </message>
    <message>
        <source>正在校验审计记录链…</source>
        <translation>Verifying the audit chain…</translation>
    </message>
    <message>
        <source>✔ 审计记录链完整：已校验 {0} 条记录</source>
        <translation>✔ Audit chain intact: {0} rows verified</translation>
    </message>
    <message>
        <source>✘ 审计记录链无法校验：{0}</source>
        <translation>✘ The audit chain cannot be verified: {0}</translation>
    </message>
    <message>
        <source>✘ 审计记录链在编号 {0} 处断开：{1}（此前 {2} 条完好）</source>
        <translation>✘ The audit chain breaks at row {0}: {1} ({2} rows before it are intact)</translation>
    </message>
    <message>
        <source>导出审计记录</source>
        <translation>Export audit trail</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出 {0} 条审计记录：{1}</source>
        <translation>Exported {0} audit rows: {1}</translation>
    </message>
    <message>
        <source>正在导出审计记录…</source>
        <translation>Exporting the audit trail…</translation>
    </message>
</context>
<context>
    <name>AuditVocabulary</name>
    <message>
        <source>登录</source>
        <translation>Log-in</translation>
    </message>
    <message>
        <source>登录失败</source>
        <translation>Failed log-in</translation>
    </message>
    <message>
        <source>创建首个管理员</source>
        <translation>First administrator created</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>载入区划代码</source>
        <translation>Division codes loaded</translation>
    </message>
    <message>
        <source>生成示例数据</source>
        <translation>Demo data generated</translation>
    </message>
    <message>
        <source>导入工作簿</source>
        <translation>Workbook import</translation>
    </message>
    <message>
        <source>导入新增</source>
        <translation>Import insert</translation>
    </message>
    <message>
        <source>导入修改</source>
        <translation>Import update</translation>
    </message>
    <message>
        <source>保存培训记录</source>
        <translation>Training saved</translation>
    </message>
    <message>
        <source>受理申请</source>
        <translation>Application received</translation>
    </message>
    <message>
        <source>补正材料通知</source>
        <translation>Missing-materials notice</translation>
    </message>
    <message>
        <source>开始审核</source>
        <translation>Review started</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>不予批准</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>发放</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>新增规则版本</source>
        <translation>Rule version added</translation>
    </message>
    <message>
        <source>停用规则</source>
        <translation>Rule retired</translation>
    </message>
    <message>
        <source>设置工作日历</source>
        <translation>Work calendar set</translation>
    </message>
    <message>
        <source>设置承诺时限</source>
        <translation>Promised days set</translation>
    </message>
    <message>
        <source>设置县区标准</source>
        <translation>County amount set</translation>
    </message>
    <message>
        <source>导出审计记录</source>
        <translation>Audit trail exported</translation>
    </message>
    <message>
        <source>用户账号</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <source>行政区划</source>
        <translation>Divisions</translation>
    </message>
    <message>
        <source>村庄</source>
        <translation>Villages</translation>
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
        <source>培训</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>个体工商户</source>
        <translation>Individual businesses</translation>
    </message>
    <message>
        <source>人员身份</source>
        <translation>Person statuses</translation>
    </message>
    <message>
        <source>政策申请</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>工作日历</source>
        <translation>Work calendar</translation>
    </message>
    <message>
        <source>政策措施设置</source>
        <translation>Measure settings</translation>
    </message>
    <message>
        <source>县区补助标准</source>
        <translation>County amounts</translation>
    </message>
    <message>
        <source>规则目录</source>
        <translation>Rule catalogue</translation>
    </message>
    <message>
        <source>规则停用</source>
        <translation>Rule retirements</translation>
    </message>
    <message>
        <source>审计记录</source>
        <translation>Audit trail</translation>
    </message>
</context>
<context>
    <name>BudgetDialog</name>
    <message>
        <source>补助预算</source>
        <translation>Subsidy budgets</translation>
    </message>
    <message>
        <source>补助项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County / district</translation>
    </message>
    <message>
        <source>资金来源</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <source>预算金额（元）</source>
        <translation>Budget (yuan)</translation>
    </message>
</context>
<context>
    <name>BusinessDetailPanel</name>
    <message>
        <source>登记信息</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>经营者</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>所在地</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>分型</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>名特优新</source>
        <translation>Specialty directory</translation>
    </message>
    <message>
        <source>转企</source>
        <translation>Conversion</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>双击或回车打开申请</source>
        <translation>Double-click or press Enter to open the application</translation>
    </message>
    <message>
        <source>人员身份</source>
        <translation>Person group</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>一次性告知书编号</source>
        <translation>One-time notice no.</translation>
    </message>
    <message>
        <source>申请记录</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>经营者人员身份</source>
        <translation>Operator&apos;s groups</translation>
    </message>
    <message>
        <source>经营者名下其他个体工商户</source>
        <translation>Operator&apos;s other businesses</translation>
    </message>
    <message>
        <source>一次性告知</source>
        <translation>One-time notices</translation>
    </message>
    <message>
        <source>请在上方列表中选择一户，查看其申请记录。</source>
        <translation>Select a business in the list above to see its applications.</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>{0} 转为{1}（{2}）</source>
        <translation>{0} converted to {1} ({2})</translation>
    </message>
    <message>
        <source>（示例数据）</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <source>（仅网络经营）</source>
        <translation> (online only)</translation>
    </message>
    <message>
        <source>{0} 入库</source>
        <translation>Listed on {0}</translation>
    </message>
    <message>
        <source>未入库</source>
        <translation>Not listed</translation>
    </message>
    <message>
        <source>未转企</source>
        <translation>Not converted</translation>
    </message>
    <message>
        <source>特批</source>
        <translation>Override</translation>
    </message>
    <message>
        <source>系统判定不符合</source>
        <translation>Ineligible per system</translation>
    </message>
    <message>
        <source>{0}：申请 {1} 件，一次性告知 {2} 次</source>
        <translation>{0}: {1} applications, {2} one-time notices</translation>
    </message>
</context>
<context>
    <name>BusinessDialog</name>
    <message>
        <source>编辑个体工商户</source>
        <translation>Edit individual business</translation>
    </message>
    <message>
        <source>登记个体工商户</source>
        <translation>Register individual business</translation>
    </message>
    <message>
        <source>18位统一社会信用代码，以92开头</source>
        <translation>18-character unified social credit code starting with 92</translation>
    </message>
    <message>
        <source>18位居民身份证号</source>
        <translation>18-digit resident ID number</translation>
    </message>
    <message>
        <source>请选择县区</source>
        <translation>Choose a county</translation>
    </message>
    <message>
        <source>仅网络经营</source>
        <translation>Online only</translation>
    </message>
    <message>
        <source>转企后企业的统一社会信用代码</source>
        <translation>Credit code of the enterprise after conversion</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>有不良信用记录</source>
        <translation>Has a bad credit record</translation>
    </message>
    <message>
        <source>无不良信用记录</source>
        <translation>No bad credit record</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>经营者姓名</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <source>经营者身份证号</source>
        <translation>Operator ID number</translation>
    </message>
    <message>
        <source>所在县区</source>
        <translation>County</translation>
    </message>
    <message>
        <source>所在乡镇（街道）</source>
        <translation>Township (subdistrict)</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>从业人数</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>分型</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>名特优新入库日期</source>
        <translation>Specialty directory listing date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>转企日期</source>
        <translation>Converted on</translation>
    </message>
    <message>
        <source>转企类型</source>
        <translation>Enterprise type</translation>
    </message>
    <message>
        <source>转企后信用代码</source>
        <translation>Enterprise credit code</translation>
    </message>
    <message>
        <source>信用记录</source>
        <translation>Credit record</translation>
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
        <source>请选择乡镇（街道）</source>
        <translation>Choose a township</translation>
    </message>
    <message>
        <source>请先选择县区</source>
        <translation>Choose the county first</translation>
    </message>
</context>
<context>
    <name>BusinessPicker</name>
    <message>
        <source>输入名称、拼音首字母、信用代码或经营者姓名</source>
        <translation>Type a name, pinyin initials, credit code or operator name</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;经营者 {2}（{3}）&#x3000;{4}&#x3000;{5}</source>
        <translation>{0}  {1}  operator {2} ({3})  {4}  {5}</translation>
    </message>
    <message>
        <source>未找到匹配的个体工商户；可按 Alt+N 登记新户</source>
        <translation>No matching business; press Alt+N to register a new one</translation>
    </message>
    <message>
        <source>共 {0} 户匹配，显示前 {1} 户；继续输入可缩小范围</source>
        <translation>{0} businesses match, showing the first {1}; keep typing to narrow down</translation>
    </message>
    <message>
        <source>↑↓ 选择，回车确定</source>
        <translation>↑↓ to choose, Enter to pick</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>经营者 {0}&#x3000;{1}&#x3000;{2}</source>
        <translation>Operator {0}  {1}  {2}</translation>
    </message>
</context>
<context>
    <name>BusinessesPage</name>
    <message>
        <source>全部县区</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>全部分型</source>
        <translation>All tiers</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>搜索：名称、拼音首字母、信用代码、经营者姓名或身份证号</source>
        <translation>Search: name, pinyin initials, credit code, operator name or ID number</translation>
    </message>
    <message>
        <source>登记</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>受理申请</source>
        <translation>Take application</translation>
    </message>
    <message>
        <source>经营者人员身份…</source>
        <translation>Operator&apos;s groups…</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>经营者</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>经营者身份证号</source>
        <translation>Operator ID number</translation>
    </message>
    <message>
        <source>乡镇（街道）</source>
        <translation>Township (subdistrict)</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>分型</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>登记日期</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>共 {0} 户</source>
        <translation>{0} businesses</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>星期</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>说明，如 春节</source>
        <translation>Note, e.g. Spring Festival</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>保存本年日历</source>
        <translation>Save this year&apos;s calendar</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>周一至周五为工作日，周六、周日休息；此处只登记例外：法定节假日（休息日）和调休上班的周末（调休上班日）。</source>
        <translation>Monday to Friday are working days, Saturday and Sunday rest days; list only the exceptions here: public holidays (rest days) and weekends worked in exchange (make-up workdays).</translation>
    </message>
    <message>
        <source>添加例外日期</source>
        <translation>Add an exception</translation>
    </message>
    <message>
        <source>本年尚未登记节假日和调休：承诺办结日期目前只跳过周六、周日。</source>
        <translation>No holidays or make-up workdays entered for this year: promised dates skip only Saturdays and Sundays.</translation>
    </message>
    <message>
        <source>星期一</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>星期二</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>星期三</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>星期四</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>星期五</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>星期六</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>星期日</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>保存本年日历（有未保存的修改）</source>
        <translation>Save this year&apos;s calendar (unsaved changes)</translation>
    </message>
    <message>
        <source>已保存 {0} 年日历</source>
        <translation>Calendar {0} saved</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>机构名称</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
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
        <source>未达标项</source>
        <translation>Failing standards</translation>
    </message>
    <message>
        <source>{0} 项</source>
        <translation>{0}</translation>
    </message>
</context>
<context>
    <name>CatalogueEntriesPanel</name>
    <message>
        <source>条目编号</source>
        <translation>Entry id</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>文件依据</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>有效期</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>承诺时限（工作日）</source>
        <translation>Promised (working days)</translation>
    </message>
    <message>
        <source>新增后续条目…</source>
        <translation>Add successor entry…</translation>
    </message>
    <message>
        <source>停止执行…</source>
        <translation>Retire…</translation>
    </message>
    <message>
        <source>参数</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>申请事实</source>
        <translation>Application facts</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>证明的条件</source>
        <translation>Condition it proves</translation>
    </message>
    <message>
        <source> 个工作日</source>
        <translation> working days</translation>
    </message>
    <message>
        <source>保存时限</source>
        <translation>Save time limit</translation>
    </message>
    <message>
        <source>恢复默认（{0}个工作日）</source>
        <translation>Restore default ({0} working days)</translation>
    </message>
    <message>
        <source>同一政策的后续条目沿用原判定方式，按受理日期选用生效的条目。</source>
        <translation>Successor entries keep the measure&apos;s logic; the entry in force on the receipt date applies.</translation>
    </message>
    <message>
        <source>参数（金额等）</source>
        <translation>Parameters (amounts etc.)</translation>
    </message>
    <message>
        <source>受理时填写的申请事实</source>
        <translation>Facts filled in at intake</translation>
    </message>
    <message>
        <source>申请材料清单</source>
        <translation>Materials list</translation>
    </message>
    <message>
        <source>承诺办结时限</source>
        <translation>Promised completion time</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;{2}&#x3000;有效期 {3}</source>
        <translation>{0}  {1}  {2}  window {3}</translation>
    </message>
    <message>
        <source>&#x3000;已于 {0} 停止执行：{1}</source>
        <translation>  retired after {0}: {1}</translation>
    </message>
    <message>
        <source>（无需填写）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>CountyAmountsPanel</name>
    <message>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>县区设定金额（元）</source>
        <translation>County amount (yuan)</translation>
    </message>
    <message>
        <source>政策最低标准（元）</source>
        <translation>Policy minimum (yuan)</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>保存金额</source>
        <translation>Save amount</translation>
    </message>
    <message>
        <source>恢复为最低标准</source>
        <translation>Back to the minimum</translation>
    </message>
    <message>
        <source>选择一行后设定该县区的金额</source>
        <translation>Select a row to set the county&apos;s amount</translation>
    </message>
    <message>
        <source>政策规定“不少于”的奖励由各县区设定具体金额；未设定时按政策最低标准核定。</source>
        <translation>Awards of “at least” an amount are set by each county; without a setting the policy minimum applies.</translation>
    </message>
    <message>
        <source>未设定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <source>数据库文件已损坏</source>
        <translation>The database file is damaged</translation>
    </message>
    <message>
        <source>数据库文件未通过完整性检查，为免损坏扩大，本程序不会打开它：
{0}</source>
        <translation>The database file failed the integrity check. To keep the damage from spreading, Township Desk will not open it:
{0}</translation>
    </message>
    <message>
        <source>用此备份恢复</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>备份文件夹 {0} 中没有可用的完好备份。请联系系统管理员：可用命令 township-desk restore 从其他备份（如U盘上的备份）恢复。</source>
        <translation>The backup folder {0} holds no usable backup. Please contact the system administrator: the command township-desk restore restores another backup (e.g. one on a USB stick).</translation>
    </message>
    <message>
        <source>可以用最近一份完好的备份（已通过完整性检查）替换它：{0}（{1} 备份）。</source>
        <translation>It can be replaced by the newest sound backup (it passed the integrity check): {0} (taken {1}).</translation>
    </message>
    <message>
        <source>损坏的文件会改名保留在原文件夹中，不会被删除。该备份之后录入的数据需要重新录入。</source>
        <translation>The damaged file is renamed and kept in its folder, never deleted. Data entered after that backup must be entered again.</translation>
    </message>
    <message>
        <source>更新的 {0} 份备份也未通过检查，已跳过。</source>
        <translation>{0} newer backup(s) failed the check too and were skipped.</translation>
    </message>
    <message>
        <source>是否用此备份恢复？</source>
        <translation>Restore this backup?</translation>
    </message>
</context>
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
        <source>督导检查整改</source>
        <translation>Rectifications</translation>
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
    <name>DecisionPanel</name>
    <message>
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>开始审核</source>
        <translation>Start review</translation>
    </message>
    <message>
        <source>批准</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>特批（超出系统判定）</source>
        <translation>Override (against the system check)</translation>
    </message>
    <message>
        <source>不予批准</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>发放</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>撤回</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>重新办理</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>更正申请事实</source>
        <translation>Amend facts</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>待补充</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Ineligible</translation>
    </message>
    <message>
        <source>申请信息</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>申请主体</source>
        <translation>Applicant business</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>承诺办结</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <source>受理/办理</source>
        <translation>Received / handled by</translation>
    </message>
    <message>
        <source>申请金额</source>
        <translation>Requested amount</translation>
    </message>
    <message>
        <source>决定</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>依据事实</source>
        <translation>Facts</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>申请事实</source>
        <translation>Application facts</translation>
    </message>
    <message>
        <source>填报内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>申请材料</source>
        <translation>Materials</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>办理人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>状态变化</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>资格条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>申请事实与材料</source>
        <translation>Facts and materials</translation>
    </message>
    <message>
        <source>办理记录</source>
        <translation>History</translation>
    </message>
    <message>
        <source>批准…</source>
        <translation>Approve…</translation>
    </message>
    <message>
        <source>不予批准…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <source>发放…</source>
        <translation>Pay…</translation>
    </message>
    <message>
        <source>撤回…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <source>重新办理…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>请在上方清单中选择一件申请。</source>
        <translation>Select an application in the list above.</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>特批：超出系统判定批准。理由：{0}</source>
        <translation>OVERRIDE: approved against the system check. Reason: {0}</translation>
    </message>
    <message>
        <source>批准 {0} 元（{1}）</source>
        <translation>Approved {0} yuan ({1})</translation>
    </message>
    <message>
        <source>不予批准：{0}</source>
        <translation>Refused: {0}</translation>
    </message>
    <message>
        <source>撤回：{0}</source>
        <translation>Withdrawn: {0}</translation>
    </message>
    <message>
        <source>{0} 发放 {1} 元，凭证号 {2}</source>
        <translation>{0} paid {1} yuan, voucher {2}</translation>
    </message>
    <message>
        <source>（个人申请）</source>
        <translation>(personal application)</translation>
    </message>
    <message>
        <source>{0} 元</source>
        <translation>{0} yuan</translation>
    </message>
    <message>
        <source>系统判定：符合全部条件，核定金额 {0} 元（依据 {1}）</source>
        <translation>System check: all conditions met, assessed amount {0} yuan (per {1})</translation>
    </message>
    <message>
        <source>系统判定：不符合 — {0}</source>
        <translation>System check: ineligible — {0}</translation>
    </message>
    <message>
        <source>撤回申请</source>
        <translation>Withdraw application</translation>
    </message>
    <message>
        <source>申请人撤回申请。请写明撤回原因。</source>
        <translation>The applicant withdraws the application. Please state the reason.</translation>
    </message>
    <message>
        <source>已作出的决定将保留在办理记录中，申请回到审核中。请写明重新办理的原因。</source>
        <translation>The decision stays in the history and the application goes back to review. Please state the reason.</translation>
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
        <source>该乡镇（街道）不在您的管辖范围内</source>
        <translation>This township (subdistrict) is outside your area</translation>
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
        <source>标准评估</source>
        <translation>Standards</translation>
    </message>
    <message>
        <source>督导检查</source>
        <translation>Inspections</translation>
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
    <name>FacilityInspectionHistory</name>
    <message>
        <source>选择一个机构，查看其督导检查记录。</source>
        <translation>Choose a facility to see its inspection record.</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>检查编号</source>
        <translation>Visit ID</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>属实</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>不符</source>
        <translation>Differs</translation>
    </message>
    <message>
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>整改（未销号/全部）</source>
        <translation>Orders (open/all)</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>登记值</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>现场值</source>
        <translation>Seen on site</translation>
    </message>
    <message>
        <source>登记处理</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>{0}：共 {1} 次督导检查，整改通知 {2} 项，未销号 {3} 项，其中已逾期 {4} 项。</source>
        <translation>{0}: {1} inspection visits, {2} rectification orders, {3} not closed, of which {4} overdue.</translation>
    </message>
    <message>
        <source>{0} · 期限 {1}</source>
        <translation>{0} · due {1}</translation>
    </message>
</context>
<context>
    <name>FactEditors</name>
    <message>
        <source>请选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>按 Y 选“是”，按 N 选“否”</source>
        <translation>Press Y for yes, N for no</translation>
    </message>
    <message>
        <source>按数字键或拼音首字母选择</source>
        <translation>Choose with a digit or pinyin initials</translation>
    </message>
    <message>
        <source>18位身份证号，多个以逗号分隔</source>
        <translation>18-digit ID numbers, separated by commas</translation>
    </message>
    <message>
        <source>四位年份，如 2025</source>
        <translation>Four-digit year, e.g. 2025</translation>
    </message>
    <message>
        <source>日期，如 2025-03-01</source>
        <translation>Date, e.g. 2025-03-01</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <source>，不小于 {0}</source>
        <translation>, at least {0}</translation>
    </message>
    <message>
        <source>，不大于 {0}</source>
        <translation>, at most {0}</translation>
    </message>
</context>
<context>
    <name>FindingsDialog</name>
    <message>
        <source>录入检查结果 — {0}</source>
        <translation>Record findings — {0}</translation>
    </message>
    <message>
        <source>检查编号 {0} · {1} · 检查人员：{2} · {3}（{4}）</source>
        <translation>Visit {0} · {1} · inspectors: {2} · {3} ({4})</translation>
    </message>
    <message>
        <source>键盘：1 属实 · 2 不符（随后填写现场值）· 3 未检查 · 直接输入可编辑当前格 · 回车下一行 · Ctrl+回车 保存</source>
        <translation>Keys: 1 confirmed · 2 differs (then type the value seen) · 3 not checked · type to edit the cell · Enter next row · Ctrl+Enter save</translation>
    </message>
    <message>
        <source>其余全部属实</source>
        <translation>Mark the rest confirmed</translation>
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
        <source>尚未录入任何检查结论</source>
        <translation>No finding entered yet</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>检查项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>登记 / 评估</source>
        <translation>Registry / judged</translation>
    </message>
    <message>
        <source>要求</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>检查结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>现场值</source>
        <translation>Seen on site</translation>
    </message>
    <message>
        <source>登记处理</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>照片文件</source>
        <translation>Photo files</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>更新登记为现场值</source>
        <translation>Update registry to what was seen</translation>
    </message>
    <message>
        <source>{0}（期限 {1}）</source>
        <translation>{0} (due {1})</translation>
    </message>
    <message>
        <source>依据：{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <source>现场看到的情况（该项由人员记录计算，只能保留待核实）</source>
        <translation>What was seen on site (computed from staff records: can only be kept to be verified)</translation>
    </message>
    <message>
        <source>按 1 属实、2 不符、3 未检查</source>
        <translation>Press 1 confirmed, 2 differs, 3 not checked</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>创建系统管理员</source>
        <translation>Create the system administrator</translation>
    </message>
    <message>
        <source>首次启动：数据库中还没有任何账号。请创建系统管理员账号，之后用它登录并为其他工作人员添加账号。</source>
        <translation>First start: the database has no account yet. Create the system administrator account; then sign in with it and add accounts for the other staff.</translation>
    </message>
    <message>
        <source>数据库：{0}</source>
        <translation> Database: {0}</translation>
    </message>
    <message>
        <source>选填，例如 张三</source>
        <translation>Optional, e.g. Zhang San</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>密码至少8位，须同时包含字母和数字。请妥善保管：忘记后只能由其他系统管理员重置。</source>
        <translation>At least 8 characters with letters and digits. Keep it safe: a forgotten password can only be reset by another system administrator.</translation>
    </message>
    <message>
        <source>创建并登录</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>用户名必填</source>
        <translation>The user name is required</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请填写金额</source>
        <translation>Please enter the amount</translation>
    </message>
</context>
<context>
    <name>Inspections</name>
    <message>
        <source>属实</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>不符</source>
        <translation>Differs</translation>
    </message>
    <message>
        <source>未检查</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>已更新登记</source>
        <translation>Registry updated</translation>
    </message>
    <message>
        <source>保留待核实</source>
        <translation>Kept, to be verified</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已报告</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>未达标</source>
        <translation>Fail</translation>
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
        <source>逾期{0}天</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>还有{0}天</source>
        <translation>{0} days left</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <source>检查编号、检查人员或机构名称</source>
        <translation>Visit ID, inspector or facility name</translation>
    </message>
    <message>
        <source>全部县区</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>计划检查…</source>
        <translation>Plan visit…</translation>
    </message>
    <message>
        <source>修改计划…</source>
        <translation>Change plan…</translation>
    </message>
    <message>
        <source>删除计划</source>
        <translation>Delete plan</translation>
    </message>
    <message>
        <source>打印检查包</source>
        <translation>Print visit pack</translation>
    </message>
    <message>
        <source>检查情况汇总</source>
        <translation>Visit summary</translation>
    </message>
    <message>
        <source>录入检查结果…</source>
        <translation>Record findings…</translation>
    </message>
    <message>
        <source>整改通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>查看机构</source>
        <translation>Open facility</translation>
    </message>
    <message>
        <source>下达整改通知…</source>
        <translation>Issue rectification order…</translation>
    </message>
    <message>
        <source>检查编号</source>
        <translation>Visit ID</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>已录入</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>不符</source>
        <translation>Differs</translation>
    </message>
    <message>
        <source>未销号整改</source>
        <translation>Open orders</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>整改（未销号/全部）</source>
        <translation>Orders (open/all)</translation>
    </message>
    <message>
        <source>检查项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>登记 / 评估</source>
        <translation>Registry / judged</translation>
    </message>
    <message>
        <source>检查结论</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>现场值</source>
        <translation>Seen on site</translation>
    </message>
    <message>
        <source>登记处理</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>整改</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>选中机构的检查结果（双击机构或按“录入检查结果”录入）</source>
        <translation>Findings of the selected facility (double-click the facility or use “Record findings” to enter them)</translation>
    </message>
    <message>
        <source>检查计划与结果</source>
        <translation>Visits and findings</translation>
    </message>
    <message>
        <source>整改跟踪</source>
        <translation>Rectification follow-up</translation>
    </message>
    <message>
        <source>共 {0} 次检查</source>
        <translation>{0} visits</translation>
    </message>
    <message>
        <source>选择一次检查，查看被检查机构和检查结果。</source>
        <translation>Choose a visit to see its facilities and findings.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; · {1} · 检查人员：{2}{3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; · {1} · inspectors: {2}{3}</translation>
    </message>
    <message>
        <source>{0}（期限 {1}）</source>
        <translation>{0} (due {1})</translation>
    </message>
    <message>
        <source>已录入检查结果的检查不能删除</source>
        <translation>A visit with findings cannot be deleted</translation>
    </message>
    <message>
        <source>检查日期到了以后才能录入检查结果</source>
        <translation>Findings can be recorded once the visit date has come</translation>
    </message>
    <message>
        <source>选择一项与登记不符、或属实但未达标的检查结果</source>
        <translation>Choose a finding that differs from the registry, or a confirmed one that fails</translation>
    </message>
    <message>
        <source>该机构没有整改通知</source>
        <translation>This facility has no rectification order</translation>
    </message>
    <message>
        <source>删除检查计划</source>
        <translation>Delete visit plan</translation>
    </message>
    <message>
        <source>删除检查 {0}（{1}）？</source>
        <translation>Delete visit {0} ({1})?</translation>
    </message>
    <message>
        <source>督导检查包 {0}</source>
        <translation>Visit pack {0}</translation>
    </message>
    <message>
        <source>督导检查情况汇总 {0}</source>
        <translation>Visit summary {0}</translation>
    </message>
    <message>
        <source>整改通知书 {0} {1}</source>
        <translation>Rectification notice {0} {1}</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Generating…</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>请选择政策（数字键或拼音首字母）</source>
        <translation>Choose the measure (digit or pinyin initials)</translation>
    </message>
    <message>
        <source>登记新户(&amp;N)…</source>
        <translation>&amp;New business…</translation>
    </message>
    <message>
        <source>申请人18位居民身份证号</source>
        <translation>Applicant&apos;s 18-digit ID number</translation>
    </message>
    <message>
        <source>人员身份(&amp;G)…</source>
        <translation>&amp;Groups…</translation>
    </message>
    <message>
        <source>全部收齐(&amp;A)</source>
        <translation>&amp;All received</translation>
    </message>
    <message>
        <source>可不填，单位元</source>
        <translation>Optional, in yuan</translation>
    </message>
    <message>
        <source>按申请主体自动确定</source>
        <translation>From the applicant</translation>
    </message>
    <message>
        <source>受理（回车）</source>
        <translation>Accept (Enter)</translation>
    </message>
    <message>
        <source>清空重填(&amp;R)</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <source>政策(&amp;P)</source>
        <translation>&amp;Policy</translation>
    </message>
    <message>
        <source>申请主体(&amp;B)</source>
        <translation>&amp;Business</translation>
    </message>
    <message>
        <source>身份证号(&amp;I)</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <source>申请事实</source>
        <translation>Application facts</translation>
    </message>
    <message>
        <source>申请材料（空格键切换：未收取 → 已收取 → 不适用）</source>
        <translation>Materials (Space: missing → received → not applicable)</translation>
    </message>
    <message>
        <source>申请金额(&amp;M)</source>
        <translation>A&amp;mount</translation>
    </message>
    <message>
        <source>受理日期(&amp;D)</source>
        <translation>&amp;Date received</translation>
    </message>
    <message>
        <source>受理县区(&amp;C)</source>
        <translation>&amp;County</translation>
    </message>
    <message>
        <source>受理结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>{0}. {1}</source>
        <translation>{0}. {1}</translation>
    </message>
    <message>
        <source>有效期 {0}</source>
        <translation>window {0}</translation>
    </message>
    <message>
        <source>（受理日期不在有效期内，系统初审将不予通过）</source>
        <translation> (the receipt date is outside the window: the system check will fail)</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;承诺 {2} 个工作日办结</source>
        <translation>{0}  {1}  promised within {2} working days</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>经营者 {0}&#x3000;{1}&#x3000;{2}&#x3000;登记于 {3}</source>
        <translation>Operator {0}  {1}  {2}  registered {3}</translation>
    </message>
    <message>
        <source>出生日期 {0}&#x3000;性别 {1}</source>
        <translation>Born {0}  sex {1}</translation>
    </message>
    <message>
        <source>{0}（{1}起）</source>
        <translation>{0} (from {1})</translation>
    </message>
    <message>
        <source>已登记人员身份：{0}</source>
        <translation>Recorded groups: {0}</translation>
    </message>
    <message>
        <source>尚未登记人员身份（Alt+G 登记）</source>
        <translation>No group recorded (Alt+G to record one)</translation>
    </message>
    <message>
        <source>请先选择政策</source>
        <translation>Choose the measure first</translation>
    </message>
    <message>
        <source>请从下拉建议中选定个体工商户（回车选定第一项）</source>
        <translation>Pick a business from the suggestions (Enter picks the first)</translation>
    </message>
    <message>
        <source>输入有误，未受理：请按字段旁的提示修改。</source>
        <translation>Input refused, nothing was received: correct the fields as indicated.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;键盘操作&lt;/b&gt;&lt;/p&gt;&lt;p&gt;数字键或拼音首字母选政策，回车进入下一项；&lt;br&gt;输入名称、拼音首字母或信用代码，↑↓ 选择、回车选定申请主体；&lt;br&gt;Tab 逐项填写申请事实；空格键切换材料状态，Alt+A 全部收齐；&lt;br&gt;回车受理。Alt+N 登记新户，Alt+G 登记人员身份，Alt+R 清空重填。&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keyboard&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Choose the measure with a digit or pinyin initials, Enter moves on;&lt;br&gt;type a name, pinyin initials or credit code, ↑↓ to choose, Enter to pick the business;&lt;br&gt;Tab through the facts; Space switches a material&apos;s state, Alt+A marks all received;&lt;br&gt;Enter accepts. Alt+N registers a new business, Alt+G records a person&apos;s group, Alt+R resets.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>尚有 {0} 项材料未收取：</source>
        <translation>{0} materials are still missing:</translation>
    </message>
    <message>
        <source>再按回车出具一次性告知书（一次列明全部缺少的材料），按 Esc 返回补充。</source>
        <translation>Press Enter again to issue the one-time notice (listing every missing material), or Esc to go back.</translation>
    </message>
    <message>
        <source>系统初审：符合，核定金额 {0} 元</source>
        <translation>System check: eligible, assessed amount {0} yuan</translation>
    </message>
    <message>
        <source>系统初审：不符合 — {0}</source>
        <translation>System check: ineligible — {0}</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>承诺办结日期</source>
        <translation>Promised completion date</translation>
    </message>
    <message>
        <source>打开此件办理</source>
        <translation>Open this case</translation>
    </message>
    <message>
        <source>已清空申请主体和材料，可继续受理同一政策的下一件；Alt+R 全部清空。</source>
        <translation>Applicant and materials cleared: continue with the next application for the same measure; Alt+R clears everything.</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>一次性告知</source>
        <translation>One-time notice</translation>
    </message>
    <message>
        <source>告知书编号</source>
        <translation>Notice no.</translation>
    </message>
    <message>
        <source>请补齐以下全部材料后再来办理：</source>
        <translation>Please bring all of the following materials and come back:</translation>
    </message>
    <message>
        <source>已收取：{0}</source>
        <translation>Received: {0}</translation>
    </message>
</context>
<context>
    <name>LedgerForm</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>乡镇服务台已锁定</source>
        <translation>Township Desk is locked</translation>
    </message>
    <message>
        <source>登录乡镇服务台</source>
        <translation>Sign in to Township Desk</translation>
    </message>
    <message>
        <source>闲置时间过长，乡镇服务台已锁定。未保存的输入仍然保留，请输入密码解锁。</source>
        <translation>Township Desk was idle too long and is locked. Unsaved input is kept; enter your password to unlock.</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>数据库：{0}</source>
        <translation> Database: {0}</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>示例</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>这是示例数据库，以下示例账号的密码均为 {0}</source>
        <translation>Demo database. Password of the accounts below: {0}</translation>
    </message>
    <message>
        <source>请输入用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <source>请输入密码</source>
        <translation>Enter the password</translation>
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
        <source>督导检查</source>
        <translation>Inspections</translation>
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
        <source>修改密码(&amp;P)…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>注销/切换用户(&amp;L)…</source>
        <translation>Sign out / switch &amp;user…</translation>
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
        <source>用户：{0}（{1}）</source>
        <translation>User: {0} ({1})</translation>
    </message>
    <message>
        <source>密码已修改</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>注销/切换用户</source>
        <translation>Sign out / switch user</translation>
    </message>
    <message>
        <source>注销后需要重新登录，本窗口中未保存的输入将丢失。是否注销？</source>
        <translation>After signing out you must sign in again, and unsaved input in this window is lost. Sign out?</translation>
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
    <name>MaterialBox</name>
    <message>
        <source>证明：{0}</source>
        <translation>Proves: {0}</translation>
    </message>
    <message>
        <source>已收取</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>未收取</source>
        <translation>Missing</translation>
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
    <name>OrderDialog</name>
    <message>
        <source>下达整改通知</source>
        <translation>Issue rectification order</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;：{1}&lt;br&gt;检查结论：{2}&#x3000;{3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: {1}&lt;br&gt;Finding: {2}&#x3000;{3}</translation>
    </message>
    <message>
        <source>如 院长 王某某</source>
        <translation>e.g. the director, Wang</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>整改要求</source>
        <translation>What to put right</translation>
    </message>
    <message>
        <source>下达</source>
        <translation>Issue</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>剩余</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Facility</translation>
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
        <source>整改项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>责任人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>检查编号</source>
        <translation>Visit ID</translation>
    </message>
    <message>
        <source>（未指定）</source>
        <translation>(not named)</translation>
    </message>
</context>
<context>
    <name>OrderStepDialog</name>
    <message>
        <source>报告整改完成</source>
        <translation>Report completion</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>重新打开整改</source>
        <translation>Reopen order</translation>
    </message>
    <message>
        <source>重新规定整改期限</source>
        <translation>Set a new deadline</translation>
    </message>
    <message>
        <source>整改完成情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>报告日期</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>核实意见</source>
        <translation>Inspector&apos;s note</translation>
    </message>
    <message>
        <source>重新打开的原因</source>
        <translation>Why it is reopened</translation>
    </message>
    <message>
        <source>新的整改期限</source>
        <translation>New deadline</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <source>未销号</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <source>7天内到期</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>已报告待销号</source>
        <translation>Reported, to close</translation>
    </message>
    <message>
        <source>已销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>全部县区</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>机构名称或编码</source>
        <translation>Facility name or code</translation>
    </message>
    <message>
        <source>报告整改完成…</source>
        <translation>Report completion…</translation>
    </message>
    <message>
        <source>销号…</source>
        <translation>Close…</translation>
    </message>
    <message>
        <source>重新打开…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <source>整改通知书</source>
        <translation>Rectification notice</translation>
    </message>
    <message>
        <source>查看机构</source>
        <translation>Open facility</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>步骤</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>By</translation>
    </message>
    <message>
        <source>清单</source>
        <translation>List</translation>
    </message>
    <message>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>共 {0} 项：已逾期 {1}，7天内到期 {2}，已报告待销号 {3}</source>
        <translation>{0} orders: {1} overdue, {2} due within 7 days, {3} reported to close</translation>
    </message>
    <message>
        <source>选择一项整改，查看其下达、报告、销号的经过。</source>
        <translation>Choose an order to see when it was issued, reported and closed.</translation>
    </message>
    <message>
        <source>{0} · {1}：{2}（检查日期 {3}）</source>
        <translation>{0} · {1}: {2} (visited {3})</translation>
    </message>
    <message>
        <source>按标准整改到位</source>
        <translation>Bring it up to the standard</translation>
    </message>
    <message>
        <source>下达</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>报告完成</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>销号</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>重新打开</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>修改期限</source>
        <translation>Deadline changed</translation>
    </message>
    <message>
        <source>{0} · {1} · 期限 {2} · {3}</source>
        <translation>{0} · {1} · due {2} · {3}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>用户：{0}</source>
        <translation>User: {0}</translation>
    </message>
    <message>
        <source>为用户 {0} 设置新密码（同时解除锁定）。</source>
        <translation>Set a new password for user {0} (this also unlocks the account).</translation>
    </message>
    <message>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <source>密码至少8位，须同时包含字母和数字。</source>
        <translation>At least 8 characters, with letters and digits.</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请输入原密码</source>
        <translation>Enter the current password</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <source>发放 {0}</source>
        <translation>Pay {0}</translation>
    </message>
    <message>
        <source>发放</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>批准金额 {0} 元；发放金额不能超过批准金额。</source>
        <translation>Approved {0} yuan; the payment cannot exceed the approved amount.</translation>
    </message>
    <message>
        <source>发放凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>发放金额（元）</source>
        <translation>Amount paid (yuan)</translation>
    </message>
</context>
<context>
    <name>PayeeModel</name>
    <message>
        <source>收款对象</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>编码 / 身份证号</source>
        <translation>Code / ID number</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County / district</translation>
    </message>
    <message>
        <source>应补助（元）</source>
        <translation>Entitled (yuan)</translation>
    </message>
    <message>
        <source>已发放（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>欠拨（元）</source>
        <translation>Outstanding (yuan)</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>应补助：{0}
已发放：{1}</source>
        <translation>Entitled: {0}
Paid: {1}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>登记补助发放</source>
        <translation>Post a subsidy payment</translation>
    </message>
    <message>
        <source>补助项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>收款机构编码 / 身份证号</source>
        <translation>Payee facility code / ID number</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>资金来源</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存到 {0}：{1}</source>
        <translation>Cannot save to {0}: {1}</translation>
    </message>
</context>
<context>
    <name>PersonStatusDialog</name>
    <message>
        <source>登记人员身份</source>
        <translation>Record person group</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>按申请人提供的证明登记其所属群体（如返乡农民工证明、毕业证书）；起始日期为证明所载日期。</source>
        <translation>Record the applicant&apos;s group from the proof they bring (e.g. a returning-migrant-worker certificate, a diploma); the start date is the one on the proof.</translation>
    </message>
    <message>
        <source>请选择（拼音首字母）</source>
        <translation>Choose (pinyin initials)</translation>
    </message>
    <message>
        <source>未填写</source>
        <translation>Not filled in</translation>
    </message>
    <message>
        <source>长期</source>
        <translation>Open-ended</translation>
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
        <source>人员身份</source>
        <translation>Person group</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>Until</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <source>修改检查计划</source>
        <translation>Change visit plan</translation>
    </message>
    <message>
        <source>计划督导检查</source>
        <translation>Plan inspection visit</translation>
    </message>
    <message>
        <source>姓名用、分隔，如 张三、李四</source>
        <translation>Names separated by 、 e.g. 张三、李四</translation>
    </message>
    <message>
        <source>查找机构</source>
        <translation>Find facilities</translation>
    </message>
    <message>
        <source>全选所列机构</source>
        <translation>Choose all listed</translation>
    </message>
    <message>
        <source>检查日期</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>检查人员</source>
        <translation>Inspectors</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>机构</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>保存计划</source>
        <translation>Save plan</translation>
    </message>
    <message>
        <source>全部县区</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>不限达标情况</source>
        <translation>Any standards status</translation>
    </message>
    <message>
        <source>未达标：{0}</source>
        <translation>Failing: {0}</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>已选 {0} 个机构</source>
        <translation>{0} facilities chosen</translation>
    </message>
</context>
<context>
    <name>PolicyDialogs</name>
    <message>
        <source>补贴金额（元）</source>
        <translation>Subsidy (yuan)</translation>
    </message>
    <message>
        <source>扶持群体</source>
        <translation>Eligible groups</translation>
    </message>
    <message>
        <source>毕业年限（年内）</source>
        <translation>Graduated within (years)</translation>
    </message>
    <message>
        <source>最短经营年限</source>
        <translation>Minimum years in business</translation>
    </message>
    <message>
        <source>最低金额（元）</source>
        <translation>Minimum amount (yuan)</translation>
    </message>
    <message>
        <source>个体户最短成立年限</source>
        <translation>Minimum age of the business (years)</translation>
    </message>
    <message>
        <source>转企日期不早于</source>
        <translation>Converted on or after</translation>
    </message>
    <message>
        <source>转企后最短经营年限</source>
        <translation>Minimum years as an enterprise</translation>
    </message>
    <message>
        <source>连续纳税最少月数</source>
        <translation>Minimum consecutive tax months</translation>
    </message>
    <message>
        <source>每年金额（元）</source>
        <translation>Amount per year (yuan)</translation>
    </message>
    <message>
        <source>补贴年数</source>
        <translation>Years of subsidy</translation>
    </message>
    <message>
        <source>贴息贷款上限（元）</source>
        <translation>Subsidised loan limit (yuan)</translation>
    </message>
    <message>
        <source>混合贷款上限（元）</source>
        <translation>Mixed loan limit (yuan)</translation>
    </message>
    <message>
        <source>混合贷款贴息部分上限（元）</source>
        <translation>Subsidised part of a mixed loan (yuan)</translation>
    </message>
    <message>
        <source>非贴息贷款上限（元）</source>
        <translation>Unsubsidised loan limit (yuan)</translation>
    </message>
    <message>
        <source>按证书等级的金额（元）</source>
        <translation>Amount by certificate level (yuan)</translation>
    </message>
    <message>
        <source>最少参保月数</source>
        <translation>Minimum insured months</translation>
    </message>
    <message>
        <source>每人每年最多次数</source>
        <translation>Maximum claims per person and year</translation>
    </message>
    <message>
        <source>每招用1人金额（元）</source>
        <translation>Amount per hire (yuan)</translation>
    </message>
    <message>
        <source>返还比例</source>
        <translation>Refund rate</translation>
    </message>
    <message>
        <source>小微企业职工人数上限</source>
        <translation>Staff limit of a small business</translation>
    </message>
    <message>
        <source>小微企业裁员率上限</source>
        <translation>Layoff rate limit, small business</translation>
    </message>
    <message>
        <source>大型企业裁员率上限</source>
        <translation>Layoff rate limit, larger business</translation>
    </message>
    <message>
        <source>应为数字</source>
        <translation>Must be a number</translation>
    </message>
</context>
<context>
    <name>PolicyPage</name>
    <message>
        <source>生效中</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>已到期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>未生效</source>
        <translation>Not yet in force</translation>
    </message>
    <message>
        <source>已停止执行</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>是/否</source>
        <translation>Yes/no</translation>
    </message>
    <message>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>选项</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>身份证号列表</source>
        <translation>ID numbers</translation>
    </message>
    <message>
        <source>政策条目</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>县区金额</source>
        <translation>County amounts</translation>
    </message>
    <message>
        <source>工作日历</source>
        <translation>Working-day calendar</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RectificationSummary</name>
    <message>
        <source>督导检查整改情况</source>
        <translation>Inspection rectifications</translation>
    </message>
    <message>
        <source>县（市、区）</source>
        <translation>County</translation>
    </message>
    <message>
        <source>未销号</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <source>已报告待销号</source>
        <translation>Reported, to close</translation>
    </message>
    <message>
        <source>已逾期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>7天内到期</source>
        <translation>Due within 7 days</translation>
    </message>
    <message>
        <source>双击数字，打开对应的整改清单</source>
        <translation>Double-click a figure to open that work list</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>RefuseDialog</name>
    <message>
        <source>不予批准 {0}</source>
        <translation>Refuse {0}</translation>
    </message>
    <message>
        <source>不予批准</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>请写明不予批准的理由，每行一条（将告知申请人）。</source>
        <translation>State the reasons for refusal, one per line (the applicant is told).</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reasons</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>空白表（现场手工填写）</source>
        <translation>Blank form (filled in by hand on site)</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>输入或选择受理编号</source>
        <translation>Type or pick a receipt number</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>尚未生成报表</source>
        <translation>No report generated yet</translation>
    </message>
    <message>
        <source>报表</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>检查编号</source>
        <translation>Visit ID</translation>
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
        <source>机构</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>评价日期</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <source>督导检查表（单个机构）</source>
        <translation>Inspection form (one facility)</translation>
    </message>
    <message>
        <source>县区汇总表</source>
        <translation>County summary</translation>
    </message>
    <message>
        <source>乡镇花名册</source>
        <translation>Township roster</translation>
    </message>
    <message>
        <source>培训台账</source>
        <translation>Training ledger</translation>
    </message>
    <message>
        <source>补助资金台账</source>
        <translation>Subsidy statement</translation>
    </message>
    <message>
        <source>发放台账（个体工商户扶持政策）</source>
        <translation>Payment ledger (business support measures)</translation>
    </message>
    <message>
        <source>申请表（单件申请）</source>
        <translation>Application form (one case)</translation>
    </message>
    <message>
        <source>受理回执</source>
        <translation>Acceptance receipt</translation>
    </message>
    <message>
        <source>一次性告知书</source>
        <translation>Notice of missing materials</translation>
    </message>
    <message>
        <source>审批结果通知书</source>
        <translation>Decision notice</translation>
    </message>
    <message>
        <source>整改通知书（一次检查、一个机构）</source>
        <translation>Rectification notice (one visit, one facility)</translation>
    </message>
    <message>
        <source>督导检查情况汇总</source>
        <translation>Inspection visit summary</translation>
    </message>
    <message>
        <source>督导检查包（清单和逐机构检查表）</source>
        <translation>Inspection pack (list and a form per facility)</translation>
    </message>
    <message>
        <source>全部机构</source>
        <translation>All facilities</translation>
    </message>
    <message>
        <source>告知书编号</source>
        <translation>Notice no.</translation>
    </message>
    <message>
        <source>输入告知书编号（GZ…）</source>
        <translation>Type the notice number (GZ…)</translation>
    </message>
    <message>
        <source>正在生成报表…</source>
        <translation>Generating the report…</translation>
    </message>
    <message>
        <source>共 {0} 页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>{0}&#x3000;{1}&#x3000;{2}（{3}，{4}）</source>
        <translation>{0}  {1}  {2} ({3}, {4})</translation>
    </message>
    <message>
        <source>查询失败：{0}</source>
        <translation>Lookup failed: {0}</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>无法保存到 {0}：{1}</source>
        <translation>Cannot save to {0}: {1}</translation>
    </message>
</context>
<context>
    <name>RetireDialog</name>
    <message>
        <source>停止执行：{0}</source>
        <translation>Retire {0}</translation>
    </message>
    <message>
        <source>停止执行</source>
        <translation>Retire</translation>
    </message>
    <message>
        <source>“{0}”（有效期 {1}）将提前停止执行：此日之后受理的申请不再符合条件。</source>
        <translation>“{0}” (window {1}) will be retired early: applications received after this day no longer qualify.</translation>
    </message>
    <message>
        <source>最后执行日</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>冲销凭证 {0}</source>
        <translation>Reverse voucher {0}</translation>
    </message>
    <message>
        <source>原凭证 {0}：{1} 元，{2}。冲销不会修改原凭证，而是登记一笔负数凭证。</source>
        <translation>Voucher {0}: {1} yuan, {2}. A reversal does not change the voucher; it posts a negative entry.</translation>
    </message>
    <message>
        <source>冲销凭证号</source>
        <translation>Reversal voucher no.</translation>
    </message>
    <message>
        <source>冲销日期</source>
        <translation>Reversed on</translation>
    </message>
    <message>
        <source>冲销金额（元，空白=全部）</source>
        <translation>Amount to reverse (yuan; blank = all)</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
    <message>
        <source>卫健管理员</source>
        <translation>Health administrator</translation>
    </message>
    <message>
        <source>窗口人员</source>
        <translation>Counter clerk</translation>
    </message>
    <message>
        <source>审核人员</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <source>只读/督导</source>
        <translation>Read-only / inspector</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>“{0}”角色无权使用此功能</source>
        <translation>The role “{0}” may not use this function</translation>
    </message>
    <message>
        <source>“{0}”角色无权使用此功能，需要以下角色之一：{1}</source>
        <translation>The role “{0}” may not use this function; it needs one of these roles: {1}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
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
    <name>SessionLock</name>
    <message>
        <source>乡镇服务台已锁定</source>
        <translation>Township Desk is locked</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>超过这段时间没有键盘或鼠标操作，程序锁定，需重新输入密码（未保存的输入不会丢失）</source>
        <translation>After this time without keyboard or mouse input the program locks and asks for the password again (unsaved input is kept)</translation>
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
        <source>闲置锁定时间</source>
        <translation>Lock when idle for</translation>
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
    <name>SignalsPage</name>
    <message>
        <source>同一人重复申领</source>
        <translation>Same person claimed twice</translation>
    </message>
    <message>
        <source>同一户重复申领</source>
        <translation>Same business claimed twice</translation>
    </message>
    <message>
        <source>招用人员重复申报</source>
        <translation>Hire claimed twice</translation>
    </message>
    <message>
        <source>同一身份证号跨县区登记</source>
        <translation>Same ID in several counties</translation>
    </message>
    <message>
        <source>受理早于登记</source>
        <translation>Received before registration</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>相关申请</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>相关个体工商户</source>
        <translation>Businesses</translation>
    </message>
    <message>
        <source>选择一条提示查看相关申请和个体工商户。</source>
        <translation>Select a signal to see its cases and businesses.</translation>
    </message>
    <message>
        <source>风险提示是再核查的线索，不是结论；不予批准、已撤回的申请不计入。</source>
        <translation>A signal is a prompt to look again, not a verdict; refused and withdrawn applications are not counted.</translation>
    </message>
    <message>
        <source>相关记录</source>
        <translation>Related records</translation>
    </message>
    <message>
        <source>共 {0} 条提示</source>
        <translation>{0} signals</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>相关申请：</source>
        <translation>Cases: </translation>
    </message>
    <message>
        <source>相关个体工商户：</source>
        <translation>Businesses: </translation>
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
    <name>SubsidiesPage</name>
    <message>
        <source>超发</source>
        <translation>Over-paid</translation>
    </message>
    <message>
        <source>逾期未拨</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>未拨足</source>
        <translation>Partly paid</translation>
    </message>
    <message>
        <source>已拨足</source>
        <translation>Paid in full</translation>
    </message>
    <message>
        <source>无应补助</source>
        <translation>Nothing due</translation>
    </message>
    <message>
        <source>标准未设定</source>
        <translation>Rate not set</translation>
    </message>
    <message>
        <source>签约人数未填写</source>
        <translation>Signed residents blank</translation>
    </message>
    <message>
        <source>许可证有效期未填写</source>
        <translation>Licence expiry blank</translation>
    </message>
    <message>
        <source>资格待核实</source>
        <translation>Eligibility to be checked</translation>
    </message>
    <message>
        <source>中央</source>
        <translation>Central</translation>
    </message>
    <message>
        <source>省级</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>市级</source>
        <translation>City</translation>
    </message>
    <message>
        <source>县级</source>
        <translation>County</translation>
    </message>
    <message>
        <source>区级</source>
        <translation>District</translation>
    </message>
    <message>
        <source>只看逾期、超发和待定</source>
        <translation>Only overdue, over-paid and undetermined</translation>
    </message>
    <message>
        <source>登记发放</source>
        <translation>Post payment</translation>
    </message>
    <message>
        <source>冲销所选凭证</source>
        <translation>Reverse selected voucher</translation>
    </message>
    <message>
        <source>补助预算</source>
        <translation>Subsidy budgets</translation>
    </message>
    <message>
        <source>生活补助标准</source>
        <translation>Allowance rate</translation>
    </message>
    <message>
        <source>县区</source>
        <translation>County</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>全部县区</source>
        <translation>All counties</translation>
    </message>
    <message>
        <source>共 {0} 个收款对象：逾期 {1}，超发 {2}，应补助待定 {3}</source>
        <translation>{0} payees: {1} overdue, {2} over-paid, {3} undetermined</translation>
    </message>
    <message>
        <source>选择一个收款对象，查看其每一笔发放凭证。</source>
        <translation>Select a payee to see each of its vouchers.</translation>
    </message>
    <message>
        <source>{0}（{1}）{2}年：应补助 {3}，已发放 {4}，{5}</source>
        <translation>{0} ({1}) {2}: entitled {3}, paid {4}, {5}</translation>
    </message>
    <message>
        <source> 元</source>
        <translation> yuan</translation>
    </message>
    <message>
        <source>确认超发</source>
        <translation>Confirm over-payment</translation>
    </message>
    <message>
        <source>未登记：该笔发放会造成超发</source>
        <translation>Not posted: this payment would over-pay</translation>
    </message>
</context>
<context>
    <name>SuccessorDialog</name>
    <message>
        <source>新增后续条目：{0}</source>
        <translation>Add successor of {0}</translation>
    </message>
    <message>
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>新条目沿用“{0}”的判定方式，只改金额等参数和有效期；编号为 {1}@后缀。</source>
        <translation>The new entry keeps the logic of “{0}” and changes only parameters such as amounts and the window; its id is {1}@suffix.</translation>
    </message>
    <message>
        <source>长期有效</source>
        <translation>Open-ended</translation>
    </message>
    <message>
        <source>新政策文件号，如 焦政办〔2026〕1号</source>
        <translation>Number of the new document, e.g. 焦政办〔2026〕1号</translation>
    </message>
    <message>
        <source>条款，可不填（沿用原条款）</source>
        <translation>Item, optional (keeps the old item)</translation>
    </message>
    <message>
        <source>编号后缀</source>
        <translation>Id suffix</translation>
    </message>
    <message>
        <source>生效日期</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>失效日期</source>
        <translation>Valid to</translation>
    </message>
    <message>
        <source>文件号</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>条款</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>请填写生效日期</source>
        <translation>Please enter the start date</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>县（市、区）</source>
        <translation>County / district</translation>
    </message>
    <message>
        <source>补助项目</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>应补助（元）</source>
        <translation>Entitled (yuan)</translation>
    </message>
    <message>
        <source>预算（元）</source>
        <translation>Budget (yuan)</translation>
    </message>
    <message>
        <source>已发放（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <source>欠拨（元）</source>
        <translation>Outstanding (yuan)</translation>
    </message>
    <message>
        <source>超发（元）</source>
        <translation>Over-paid (yuan)</translation>
    </message>
    <message>
        <source>逾期/超发/待定</source>
        <translation>Overdue / over-paid / undetermined</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>逾期未拨 {0} 户，超发 {1} 户，应补助待定 {2} 户</source>
        <translation>{0} overdue, {1} over-paid, {2} with the entitlement undetermined</translation>
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
    <name>UserDialog</name>
    <message>
        <source>编辑用户</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>启用（停用的账号不能登录）</source>
        <translation>Active (inactive accounts cannot sign in)</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>管辖范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>再次输入密码</source>
        <translation>Password again</translation>
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
        <source>用户名必填</source>
        <translation>The user name is required</translation>
    </message>
</context>
<context>
    <name>UserTableModel</name>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>管辖范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>示例账号</source>
        <translation>Demo account</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>新增用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>添加一个账号，指定角色和管辖范围</source>
        <translation>Add an account with a role and a division scope</translation>
    </message>
    <message>
        <source>修改所选账号的角色、管辖范围、姓名或启用状态</source>
        <translation>Change the selected account&apos;s role, scope, name or active state</translation>
    </message>
    <message>
        <source>为所选账号设置新密码（同时解除锁定）</source>
        <translation>Set a new password for the selected account (also unlocks it)</translation>
    </message>
    <message>
        <source>焦作市（全市）</source>
        <translation>Jiaozuo (whole city)</translation>
    </message>
    <message>
        <source>共 {0} 个账号</source>
        <translation>{0} accounts</translation>
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
    <message>
        <source>存续</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>注销</source>
        <translation>Deregistered</translation>
    </message>
    <message>
        <source>已转企</source>
        <translation>Converted</translation>
    </message>
    <message>
        <source>生存型</source>
        <translation>Survival</translation>
    </message>
    <message>
        <source>成长型</source>
        <translation>Growth</translation>
    </message>
    <message>
        <source>发展型</source>
        <translation>Development</translation>
    </message>
    <message>
        <source>个人独资企业</source>
        <translation>Sole proprietorship</translation>
    </message>
    <message>
        <source>合伙企业</source>
        <translation>Partnership</translation>
    </message>
    <message>
        <source>有限公司</source>
        <translation>Limited company</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>审核中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>已批准</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>不予批准</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>已发放</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>高校毕业生</source>
        <translation>University graduate</translation>
    </message>
    <message>
        <source>在校大中专学生</source>
        <translation>Student</translation>
    </message>
    <message>
        <source>留学回国人员</source>
        <translation>Returned overseas student</translation>
    </message>
    <message>
        <source>就业困难人员</source>
        <translation>Person with employment difficulties</translation>
    </message>
    <message>
        <source>脱贫家庭劳动力</source>
        <translation>Worker from a family lifted out of poverty</translation>
    </message>
    <message>
        <source>返乡农民工</source>
        <translation>Returning migrant worker</translation>
    </message>
    <message>
        <source>退役军人</source>
        <translation>Veteran</translation>
    </message>
    <message>
        <source>军队转业干部</source>
        <translation>Transferred army officer</translation>
    </message>
    <message>
        <source>残疾人</source>
        <translation>Person with a disability</translation>
    </message>
    <message>
        <source>登记失业人员</source>
        <translation>Registered unemployed</translation>
    </message>
    <message>
        <source>零就业家庭</source>
        <translation>Zero-employment family</translation>
    </message>
    <message>
        <source>低保家庭</source>
        <translation>Minimum-living-allowance family</translation>
    </message>
    <message>
        <source>休息日</source>
        <translation>Rest day</translation>
    </message>
    <message>
        <source>调休上班日</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <source>贴息</source>
        <translation>Subsidised</translation>
    </message>
    <message>
        <source>混合</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <source>非贴息</source>
        <translation>Unsubsidised</translation>
    </message>
    <message>
        <source>初级</source>
        <translation>Elementary</translation>
    </message>
    <message>
        <source>中级</source>
        <translation>Intermediate</translation>
    </message>
    <message>
        <source>高级</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <source>不分级</source>
        <translation>Ungraded</translation>
    </message>
</context>
<context>
    <name>VoucherModel</name>
    <message>
        <source>凭证号</source>
        <translation>Voucher no.</translation>
    </message>
    <message>
        <source>发放日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>资金来源</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <source>冲销凭证</source>
        <translation>Reverses</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Posted by</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>（确认超发）</source>
        <translation> (over-payment confirmed)</translation>
    </message>
</context>
<context>
    <name>WorkListsPanel</name>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部政策</source>
        <translation>All measures</translation>
    </message>
    <message>
        <source>搜索：受理编号、信用代码、身份证号、名称或拼音首字母</source>
        <translation>Search: receipt no., credit code, ID number, name or pinyin initials</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <source>政策</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>申请主体</source>
        <translation>Applicant business</translation>
    </message>
    <message>
        <source>信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>承诺办结</source>
        <translation>Promised by</translation>
    </message>
    <message>
        <source>办理人</source>
        <translation>Handler</translation>
    </message>
    <message>
        <source>系统判定</source>
        <translation>System check</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>特批</source>
        <translation>Override</translation>
    </message>
    <message>
        <source>我的待办</source>
        <translation>My cases</translation>
    </message>
    <message>
        <source>2个工作日内到期</source>
        <translation>Due within 2 working days</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>全部申请</source>
        <translation>All applications</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>符合</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>不符合</source>
        <translation>Ineligible</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>{0} cases</translation>
    </message>
</context>
</TS>
