"""The audit page's use cases: the filtered audit list, its filter choices, the chain check and
the export of the filtered rows to an Excel workbook.

Only the 系统管理员 role may read the audit trail (``MANAGE_USERS``): its rows are not limited to
a division (an audit row carries no division code) and they hold unmasked record keys and values
(a staff member's key is the full ID number), so showing them to 只读/督导 would bypass both the
division scope and ``VIEW_FULL_ID``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from desktop_app.domain.errors import DeskError, Problem, ValidationError
from desktop_app.domain.list_query import ListQuery
from desktop_app.domain.security import MANAGE_USERS
from desktop_app.services.context import Changes, ServiceContext
from desktop_app.services.permissions import guarded
from desktop_app.store import audit
from desktop_app.store.audit import AuditChoices, ChainReport
from desktop_app.store.listing import SqlList

ProgressCallback = Callable[[int, int, str], None]
AUDIT_TABLE = "audit_log"
SUMMARY_LIMIT = 240  # characters of the change summary shown in the list
EXPORT_CHUNK = 500

# Chinese names of the audited actions and tables (the export uses them; the UI translates them).
ACTION_LABELS = {
    "login": "登录",
    "login_failed": "登录失败",
    "create_first_admin": "创建首个管理员",
    "insert": "新增",
    "update": "修改",
    "delete": "删除",
    "reset_password": "重置密码",
    "change_password": "修改密码",
    "load_divisions": "载入区划代码",
    "demo_data": "生成示例数据",
    "import": "导入工作簿",
    "import_insert": "导入新增",
    "import_update": "导入修改",
    "save_training": "保存培训记录",
    "intake": "受理申请",
    "missing_materials_notice": "补正材料通知",
    "start_review": "开始审核",
    "approve": "批准",
    "refuse": "不予批准",
    "pay": "发放",
    "withdraw": "撤回",
    "reopen": "重新办理",
    "add_successor": "新增规则版本",
    "retire": "停用规则",
    "set_calendar": "设置工作日历",
    "set_promised_days": "设置承诺时限",
    "set_county_amount": "设置县区标准",
    "export_audit": "导出审计记录",
}
TABLE_LABELS = {
    "users": "用户账号",
    "divisions": "行政区划",
    "villages": "村庄",
    "facilities": "医疗机构",
    "staff": "人员",
    "training": "培训",
    "businesses": "个体工商户",
    "person_statuses": "人员身份",
    "applications": "政策申请",
    "missing_material_notices": "补正材料通知",
    "work_calendar": "工作日历",
    "measure_settings": "政策措施设置",
    "county_amounts": "县区补助标准",
    "catalogue_entries": "规则目录",
    "catalogue_retirements": "规则停用",
    "audit_log": "审计记录",
}
EXPORT_HEADERS = ("编号", "时间", "用户", "操作", "数据表", "记录", "变更摘要", "变更前", "变更后", "摘要值")


@dataclass(frozen=True)
class AuditFilter:
    """What the audit page filters by; ``None``/empty = no limit. Dates are local and inclusive."""

    actor: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    table: str | None = None
    record_key: str = ""
    action: str | None = None

    def describe(self) -> str:
        """The filter in words (Chinese), for the export's notes."""
        parts = [
            f"用户 {self.actor}" if self.actor else "",
            f"自 {self.date_from.isoformat()}" if self.date_from else "",
            f"至 {self.date_to.isoformat()}" if self.date_to else "",
            f"数据表 {TABLE_LABELS.get(self.table, self.table)}" if self.table else "",
            f"记录含“{self.record_key.strip()}”" if self.record_key.strip() else "",
            f"操作 {ACTION_LABELS.get(self.action, self.action)}" if self.action else "",
        ]
        return "，".join(p for p in parts if p) or "全部记录"


def _utc_bound(day: date) -> str:
    """The stored (UTC, ISO-8601) form of local midnight at the start of ``day``."""
    return datetime.combine(day, time()).astimezone().astimezone(timezone.utc).isoformat(timespec="milliseconds")


def audit_filters(audit_filter: AuditFilter) -> dict[str, Any]:
    """The named list filters (see ``store.audit.audit_list``) of an :class:`AuditFilter`.

    Raises ValidationError when the range ends before it starts.
    """
    f = audit_filter
    if f.date_from and f.date_to and f.date_to < f.date_from:
        raise ValidationError(Problem("date_to", "结束日期早于开始日期"))
    return {
        "actor": f.actor or None,
        "action": f.action or None,
        "table": f.table or None,
        "record_key": f.record_key.strip() or None,
        "since": _utc_bound(f.date_from) if f.date_from else None,
        "before": _utc_bound(f.date_to + timedelta(days=1)) if f.date_to else None,
    }


def local_time(stored: str | None) -> str:
    """A stored UTC timestamp as local ``YYYY-MM-DD HH:MM:SS`` (the raw text if it is not ISO)."""
    if not stored:
        return ""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _loads(text: str | None) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _short(value: Any) -> str:
    return "—" if value is None or value == "" else (value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def change_summary(before_json: str | None, after_json: str | None, *, limit: int = SUMMARY_LIMIT) -> str:
    """One line saying what changed: ``field: old → new`` for updates, ``field=value`` otherwise."""
    before, after = _loads(before_json), _loads(after_json)
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
        text = "；".join(f"{k}: {_short(before.get(k))} → {_short(after.get(k))}" for k in keys) or "（无字段变化）"
    else:
        shown = after if after is not None else before
        if isinstance(shown, dict):
            text = "；".join(f"{k}={_short(v)}" for k, v in shown.items())
        else:
            text = "" if shown is None else _short(shown)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AuditRows:
    """The audit list for display: local times and a change summary instead of the raw JSON.

    Same protocol as :class:`SqlList` (fetch_ids / fetch_rows / count). Columns: ``column_keys``.
    """

    column_keys = ["id", "at", "actor", "action", "table_name", "record_key", "changes"]

    def __init__(self, source: SqlList):
        self._source = source

    def fetch_ids(self, query: ListQuery) -> list[Any]:
        """Audit row ids matching ``query``, in display order (sorting by ``changes``, a summary
        computed per row, sorts by id, i.e. by time)."""
        if query.sort_key == "changes":
            query = replace(query, sort_key="id")
        return self._source.fetch_ids(query)

    def count(self, query: ListQuery) -> int:
        """How many audit rows match ``query``."""
        return self._source.count(query)

    def fetch_rows(self, ids: Sequence[Any]) -> dict[Any, tuple]:
        """Display values by id, in ``column_keys`` order."""
        return {row_id: (row_id, local_time(at), actor, action, table, key, change_summary(before, after))
                for row_id, (_id, at, actor, action, table, key, before, after, _hash) in self._source.fetch_rows(ids).items()}


@guarded(MANAGE_USERS)
def audit_entries(ctx: ServiceContext) -> AuditRows:
    """The paged audit list (filters from :func:`audit_filters`; descending = newest first)."""
    return AuditRows(audit.audit_list(ctx.db))


@guarded(MANAGE_USERS)
def audit_choices(ctx: ServiceContext) -> AuditChoices:
    """The users, tables and actions that occur in the audit trail (for the filter lists)."""
    return audit.audit_choices(ctx.db)


@guarded(MANAGE_USERS)
def check_chain(ctx: ServiceContext) -> ChainReport:
    """Recompute the audit chain (read-only); the report names the first broken row, if any."""
    return audit.verify_chain(ctx.db)


@dataclass(frozen=True)
class AuditExport:
    """What :func:`export_audit` wrote: the file, how many rows, the chain check, what changed."""

    path: Path
    rows: int
    chain: ChainReport
    changes: Changes


def chain_text(report: ChainReport) -> str:
    """The chain check result in words (Chinese)."""
    if report.ok:
        return f"审计记录链完整：已校验 {report.checked} 条记录"
    if report.first_broken_id is None:
        return f"审计记录链无法校验：{report.reason}"
    return f"审计记录链在编号 {report.first_broken_id} 处断开：{report.reason}（此前 {report.checked} 条完好）"


@guarded(MANAGE_USERS)
def export_audit(ctx: ServiceContext, *, audit_filter: AuditFilter, path: Path,
                 progress: ProgressCallback | None = None, now: datetime | None = None) -> AuditExport:
    """Write the audit rows matching ``audit_filter`` (oldest first) to an xlsx workbook.

    A second sheet records who exported what and the chain check. The export itself is audited.
    Raises ValidationError for a bad date range, DeskError when the file cannot be written,
    Cancelled (from ``progress``) when the user cancels (no file is left behind).
    """
    from openpyxl import Workbook

    report = progress or (lambda done, total, text: None)
    path = Path(path)
    source = audit.audit_list(ctx.db)
    ids = source.fetch_ids(ListQuery(filters=audit_filters(audit_filter)))
    chain = audit.verify_chain(ctx.db)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("审计记录")
    sheet.append(list(EXPORT_HEADERS))
    try:
        for start in range(0, len(ids), EXPORT_CHUNK):
            report(start, len(ids), f"正在导出审计记录 {start}/{len(ids)}")
            chunk = ids[start : start + EXPORT_CHUNK]
            rows = source.fetch_rows(chunk)
            for row_id in chunk:
                _id, at, actor, action, table, key, before, after, digest = rows[row_id]
                sheet.append([row_id, local_time(at), actor, ACTION_LABELS.get(action, action),
                              TABLE_LABELS.get(table, table) if table else "", key or "",
                              change_summary(before, after, limit=32000), before or "", after or "", digest or ""])
        report(len(ids), len(ids), "正在保存工作簿")
    except BaseException:
        sheet.close()  # end the streamed sheet (its temporary file) before giving up
        raise
    moment = now or datetime.now()
    notes = book.create_sheet("导出说明")
    for line in (("导出人", ctx.actor.name), ("导出时间", moment.strftime("%Y-%m-%d %H:%M:%S")),
                 ("筛选条件", audit_filter.describe()), ("记录条数", len(ids)), ("审计链校验", chain_text(chain))):
        notes.append(list(line))
    partial = path.with_name(path.name + ".part")
    try:
        book.save(partial)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DeskError(f"无法写入文件 {path}：{exc.strerror or exc}") from exc
    audit.append(ctx.db, [audit.AuditEntry(ctx.actor.name, "export_audit", AUDIT_TABLE, None, None,
                                           {"rows": len(ids), "file": path.name,
                                            "filter": {k: v for k, v in asdict(audit_filter).items() if v}})])
    return AuditExport(path, len(ids), chain, Changes(frozenset({AUDIT_TABLE}), inserted=1))
