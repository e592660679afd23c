"""培训台账: per person of a township or facility, the training days of one year per mode and in
total, against the 30-day yearly rule and the 15-day centralised-study rule for village doctors
(landscape A4; ID numbers masked unless the meta allows them).
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop_app.reports.document import ReportMeta, build_pdf, printed_id, signature_lines
from desktop_app.reports.health_parts import chinese_date, days_text, fast_table, heading, note, status_cell
from desktop_app.reports.models import TrainingLedger


def ledger_title(ledger: TrainingLedger) -> str:
    """``2025年度西村乡卫生技术人员培训台账``."""
    return f"{ledger.year}年度{ledger.scope_name}卫生技术人员培训台账"


def _table(ledger: TrainingLedger, width: float, meta: ReportMeta) -> Flowable:
    modes = ledger.modes
    fixed = (0.04, 0.07, 0.13, 0.14, 0.09)  # 序号, 姓名, 身份证号, 所在机构, 人员类别
    tail = (0.07, 0.1, 0.1)  # 合计, 30-day rule, 15-day rule
    mode_share = (1 - sum(fixed) - sum(tail)) / max(len(modes), 1)
    widths = [width * s for s in (*fixed, *([mode_share] * len(modes)), *tail)]
    rows = [
        [n, r.name, printed_id(r.id_number, meta), r.facility_name, r.category,
         *(days_text(r.days.get(m, 0)) for m in modes), days_text(r.total) or "0",
         status_cell(r.training_status, align="centre"), status_cell(r.central_status, align="centre")]
        for n, r in enumerate(ledger.rows, start=1)
    ]
    header = ["序号", "姓名", "身份证号", "所在机构", "人员类别", *(f"{m}（天）" for m in modes), "合计（天）",
              f"年度培训≥{ledger.min_days:g}天", f"集中学习≥{ledger.min_central_days:g}天"]
    align = ["centre", "left", "centre", "left", "left", *(["right"] * len(modes)), "right", "centre", "centre"]
    return fast_table(header, rows, widths, align=align)


def _totals(ledger: TrainingLedger) -> str:
    training = Counter(r.training_status for r in ledger.rows)
    central = Counter(r.central_status for r in ledger.rows)
    judged = sum(training[s] for s in ("pass", "fail", "warn"))
    doctors = sum(central[s] for s in ("pass", "fail", "warn"))
    parts = [
        f"共 {len(ledger.rows)} 人，应达到年度培训{ledger.min_days:g}天的 {judged} 人，其中达标 {training['pass']} 人、"
        f"未达标 {training['fail']} 人、预警 {training['warn']} 人",
        f"村卫生室在岗医生 {doctors} 人，集中学习达标 {central['pass']} 人、未达标 {central['fail']} 人、预警 {central['warn']} 人",
    ]
    if training["unknown"] or central["unknown"]:
        parts.append(f"待补充数据 {training['unknown'] + central['unknown']} 项")
    return "；".join(parts) + "。"


def ledger_story(ledger: TrainingLedger, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the ledger below its title block (``meta``: ID numbers in full or masked)."""
    return [
        heading(f"培训天数（{ledger.year}年）"),
        _table(ledger, width, meta),
        KeepTogether([
            note(_totals(ledger)),
            note("“预警”表示年度尚未结束、目前天数不足；“不适用”表示非在岗专业技术人员或非村卫生室医生。"),
            Spacer(0, 6 * mm),
            signature_lines(width=width),
        ]),
    ]


def training_ledger_pdf(ledger: TrainingLedger, meta: ReportMeta) -> bytes:
    """The PDF of a training ledger (landscape)."""
    subtitle = f"{ledger.scope_name} · 评估日期：{chinese_date(ledger.as_of)}"
    return build_pdf(lambda width: ledger_story(ledger, width, meta), title=ledger_title(ledger), subtitle=subtitle,
                     meta=meta, landscape=True)
