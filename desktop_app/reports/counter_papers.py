"""The papers the business desk hands to an applicant (portrait A4):

- 申请表 (``application-form``): the counter's record of one case — applicant, measure, facts,
  materials — with the applicant's declaration and signature lines;
- 受理回执 (``acceptance-receipt``): receipt number, measure, materials taken in, the promised
  completion date and a QR code holding the receipt number and its check value;
- 一次性告知书 (``missing-materials-notice``): every material still missing, at once;
- 审批结果通知书 (``decision-notice``): the approved amount (in figures and capitals) or the reasons
  for refusal, and the applicant's right to administrative reconsideration or a lawsuit.

ID numbers print masked unless the meta allows them in full.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop_app.reports.desk_models import (
    MISSING,
    RECEIVED,
    AcceptanceReceipt,
    ApplicationForm,
    CaseFacts,
    DecisionNotice,
    MissingMaterialsNotice,
)
from desktop_app.reports.desk_parts import (
    applicant_rows,
    body_text,
    day_text,
    materials_table,
    measure_rows,
    qr_code,
    yuan,
    yuan_in_capitals,
)
from desktop_app.reports.document import ReportMeta, build_pdf, printed_id, signature_lines
from desktop_app.reports.fonts import MAIN_FONT
from desktop_app.reports.health_parts import fast_table, heading, info_grid, note

APPEAL_DAYS, LAWSUIT_MONTHS = "六十日", "六个月"
APPEAL = (f"如对本决定不服，可以自收到本通知书之日起{APPEAL_DAYS}内依法申请行政复议，"
          f"或者自收到本通知书之日起{LAWSUIT_MONTHS}内依法向人民法院提起行政诉讼。")
DECLARATION = ("本人（本单位）承诺：以上填报的信息及所提交的材料真实、准确、完整，如有虚假，"
               "自愿承担相应法律责任，并退回已领取的补贴资金。")
QR_SIZE = 32 * mm
LABEL_WIDTH = 32 * mm  # "统一社会信用代码" on one line


def _case_rows(case: CaseFacts) -> list[list[tuple[str, str]]]:
    return [[("受理编号", case.receipt_no), ("受理日期", day_text(case.received_on))]]


def _seal_block(day_line: str) -> Flowable:
    """The issuing office's seal and date at the right: "（盖章）" over the date."""
    return Table([["（盖章）"], [day_line]], colWidths=[60 * mm], hAlign="RIGHT",
                 style=TableStyle([("FONT", (0, 0), (-1, -1), MAIN_FONT, 11, 16), ("ALIGN", (0, 0), (-1, -1), "CENTER")]))


# --- 申请表 ---------------------------------------------------------------------------------------

def _facts_table(form: ApplicationForm, width: float, meta: ReportMeta) -> Flowable:
    rows = []
    for number, fact in enumerate(form.facts, start=1):
        value = "、".join(printed_id(i, meta) for i in fact.id_numbers) if fact.id_numbers else fact.value
        rows.append([number, fact.label, value or "—"])
    return fast_table(["序号", "项目", "填报内容"], rows, [width * s for s in (0.08, 0.32, 0.6)],
                      align=["centre", "left", "left"])


def application_story(form: ApplicationForm, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the application form below its title block."""
    case = form.case
    story: list[Flowable] = [
        heading("一、申请人"),
        info_grid(applicant_rows(case.applicant, meta), width, label_width=LABEL_WIDTH),
        heading("二、申请事项"),
        info_grid([*measure_rows(case.measure), *_case_rows(case),
                   [("申请金额", yuan(case.amount_requested) if case.amount_requested is not None else "按政策核定"),
                    ("受理人", case.received_by or "—")]], width, label_width=LABEL_WIDTH),
        heading("三、申请事实"),
        _facts_table(form, width, meta) if form.facts else note("该政策无需另行填报申请事实，按登记信息核验。"),
        heading("四、提交材料"),
        materials_table(form.materials, width) if form.materials else note("该政策无需提交材料。"),
        KeepTogether([
            heading("五、申请人承诺"),
            body_text(DECLARATION),
            Spacer(0, 8 * mm),
            signature_lines(("申请人签字（盖章）", "日期"), width=width),
        ]),
    ]
    return story


def application_form_pdf(form: ApplicationForm, meta: ReportMeta) -> bytes:
    """The PDF of one case's application form."""
    return build_pdf(lambda width: application_story(form, width, meta), title=f"{form.case.measure.title}申请表",
                     subtitle=f"受理编号：{form.case.receipt_no}", meta=meta)


# --- 受理回执 -------------------------------------------------------------------------------------

def receipt_story(receipt: AcceptanceReceipt, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the acceptance receipt below its title block."""
    case = receipt.case
    days = f"（{receipt.promised_working_days}个工作日）" if receipt.promised_working_days else ""
    grid_width = width - QR_SIZE - 6 * mm
    rows = [
        [("受理编号", case.receipt_no)],
        *applicant_rows(case.applicant, meta, single=True),
        [("申请事项", case.measure.title)],
        [("政策依据", case.measure.citation or "—")],
        [("受理日期", day_text(case.received_on))],
        [("受理人", case.received_by or "—")],
        [("承诺办结日期", f"{day_text(case.promised_on) or '—'}{days}")],
    ]
    code = Table([[qr_code(receipt.qr_text, QR_SIZE)], [f"校验码 {receipt.check_value}"], ["扫码核验受理编号"]],
                 colWidths=[QR_SIZE + 4 * mm],
                 style=TableStyle([("FONT", (0, 0), (-1, -1), MAIN_FONT, 8, 10),
                                   ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    top = Table([[info_grid(rows, grid_width, label_width=LABEL_WIDTH), code]], colWidths=[grid_width + 2 * mm, width - grid_width - 2 * mm],
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    taken = [m for m in receipt.materials if m.state != MISSING]
    return [
        top,
        heading(f"已收取材料（{sum(m.state == RECEIVED for m in taken)} 件）"),
        materials_table(taken, width) if taken else note("该政策无需提交材料。"),
        Spacer(0, 3 * mm),
        body_text(f"{case.applicant.display_name}：您申请的“{case.measure.title}”材料齐全，已予受理。"
                  f"我们将在{day_text(case.promised_on) or '承诺期限'}前办结，并以《审批结果通知书》告知审批结果。"
                  "请妥善保管本回执，凭受理编号或回执二维码查询办理进度。"),
        Spacer(0, 8 * mm),
        signature_lines(("受理人签字", "受理单位（盖章）"), width=width),
    ]


def acceptance_receipt_pdf(receipt: AcceptanceReceipt, meta: ReportMeta) -> bytes:
    """The PDF of one case's 受理回执."""
    return build_pdf(lambda width: receipt_story(receipt, width, meta), title="受理回执",
                     subtitle=f"受理编号：{receipt.case.receipt_no}", meta=meta)


# --- 一次性告知书 ---------------------------------------------------------------------------------

def notice_story(notice: MissingMaterialsNotice, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the one-time notice below its title block."""
    missing = notice.missing
    handed_in = [m for m in notice.materials if m.state != MISSING]
    story: list[Flowable] = [
        info_grid([*applicant_rows(notice.applicant, meta), *measure_rows(notice.measure),
                   [("告知日期", day_text(notice.issued_on)), ("告知人", notice.issued_by or "—")]],
                  width, label_width=LABEL_WIDTH),
        Spacer(0, 3 * mm),
        body_text(f"{notice.applicant.display_name}：", indent=False),
        body_text(f"您于{day_text(notice.issued_on)}申请办理“{notice.measure.title}”，经核查，申请材料尚不齐全。"
                  f"根据一次性告知制度，现将需要补正的全部材料（共 {len(missing)} 件）一次性告知如下，请补齐后再次提交；"
                  "材料齐全的，当场予以受理。"),
        heading(f"一、需补正的材料（{len(missing)} 件）"),
        materials_table(missing, width, state=False),
        note("除上列材料外，不再要求您补充其他材料。"),
    ]
    if handed_in:
        story += [heading(f"二、已收取或不适用的材料（{len(handed_in)} 件）"), materials_table(handed_in, width)]
    story.append(KeepTogether([Spacer(0, 8 * mm), signature_lines(("告知人", "申请人签收", "日期"), width=width)]))
    return story


def missing_materials_notice_pdf(notice: MissingMaterialsNotice, meta: ReportMeta) -> bytes:
    """The PDF of a one-time notice of missing materials."""
    return build_pdf(lambda width: notice_story(notice, width, meta), title="一次性告知书",
                     subtitle=f"编号：{notice.notice_no}", meta=meta)


# --- 审批结果通知书 -------------------------------------------------------------------------------

def decision_story(decision: DecisionNotice, width: float, meta: ReportMeta) -> list[Flowable]:
    """The flowables of the decision notice below its title block."""
    case = decision.case
    asked = f"您于{day_text(case.received_on)}提交的“{case.measure.title}”申请（受理编号：{case.receipt_no}）"
    basis = f"依据{case.measure.citation}，" if case.measure.citation else ""
    story: list[Flowable] = [
        info_grid([*applicant_rows(case.applicant, meta), [("申请事项", case.measure.title)],
                   [("受理编号", case.receipt_no), ("决定日期", day_text(decision.decided_on))]],
                  width, label_width=LABEL_WIDTH),
        Spacer(0, 4 * mm),
        body_text(f"{case.applicant.display_name}：", indent=False),
    ]
    if decision.approved:
        amount = decision.amount_approved or 0
        story.append(body_text(f"{asked}，经审核，{basis}符合规定条件，决定予以批准，核定补贴金额{yuan(amount)}"
                               f"（大写：{yuan_in_capitals(amount)}）。"))
        if decision.paid_on is not None and decision.amount_paid is not None:
            story.append(body_text(f"该款项已于{day_text(decision.paid_on)}发放{yuan(decision.amount_paid)}。"))
        else:
            story.append(body_text("补贴资金将按规定程序拨付，请留意到账情况。"))
    else:
        story.append(body_text(f"{asked}，经审核，{basis}不符合规定条件，决定不予批准。理由如下："))
        for number, reason in enumerate(decision.reasons or ("未说明理由",), start=1):
            story.append(body_text(f"{number}. {reason}"))
    story += [
        body_text(APPEAL),
        body_text("特此通知。"),
        Spacer(0, 6 * mm),
        _seal_block(day_text(decision.decided_on)),
        Spacer(0, 10 * mm),
        KeepTogether([heading("送达回证"), signature_lines(("受送达人签收", "送达日期"), width=width)]),
    ]
    return story


def decision_notice_pdf(decision: DecisionNotice, meta: ReportMeta) -> bytes:
    """The PDF of one case's 审批结果通知书."""
    return build_pdf(lambda width: decision_story(decision, width, meta), title="审批结果通知书",
                     subtitle=f"受理编号：{decision.case.receipt_no}", meta=meta)
