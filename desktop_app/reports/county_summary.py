"""县区汇总表: the indicators of a county-level unit (or the city) against their targets with a bar
chart, the facility standards with the failing facilities listed per rule, and the gap planner's
list of what is still needed.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from desktop_app.reports.document import ReportMeta, build_pdf
from desktop_app.reports.fonts import MAIN_FONT
from desktop_app.reports.health_parts import chinese_date, fast_table, heading, note, status_cell, subheading, two_lines
from desktop_app.reports.models import CountySummary, IndicatorLine, RuleFailures

ACTUAL_COLOUR, TARGET_COLOUR = colors.HexColor("#2E86C1"), colors.HexColor("#B2BABB")
_BAR_ROW = 9 * mm  # chart height per indicator
_LABEL_WIDTH = 48 * mm  # room left of the bars for the indicator names


def summary_title(summary: CountySummary) -> str:
    """``修武县基层医疗卫生服务能力汇总表``."""
    return f"{summary.scope_name}基层医疗卫生服务能力汇总表"


def indicator_chart(lines: Sequence[IndicatorLine], width: float) -> Drawing | None:
    """Horizontal bars of actual vs target in percent for the indicators that have both; None
    when no indicator does."""
    charted = [line for line in lines if line.actual_percent is not None and line.target_percent is not None]
    if not charted:
        return None
    charted.reverse()  # the chart draws the first category at the bottom
    plot_height = _BAR_ROW * len(charted)
    height = plot_height + 22 * mm
    drawing = Drawing(width, height)
    drawing.initialFontName = MAIN_FONT  # else the drawing starts in Helvetica, which is not embedded
    chart = HorizontalBarChart()
    chart.x, chart.y = _LABEL_WIDTH, 14 * mm
    chart.width, chart.height = width - _LABEL_WIDTH - 8 * mm, plot_height
    # series 0 is drawn lowest in each group: target first so the actual bar sits on top
    chart.data = [[line.target_percent for line in charted], [line.actual_percent for line in charted]]
    chart.barSpacing, chart.groupSpacing = 1, 6
    chart.bars[0].fillColor, chart.bars[1].fillColor = TARGET_COLOUR, ACTUAL_COLOUR
    chart.bars.strokeWidth = 0
    top = max(100.0, *(v for series in chart.data for v in series))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.valueAxis.valueStep = 20 if top <= 100 else 50
    chart.valueAxis.labels.fontName = MAIN_FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.categoryAxis.categoryNames = [line.short_title for line in charted]
    chart.categoryAxis.labels.fontName = MAIN_FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.barLabelFormat = "%.1f"
    chart.barLabels.fontName = MAIN_FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = _LABEL_WIDTH, 5 * mm
    legend.fontName, legend.fontSize = MAIN_FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 40 * mm
    legend.dxTextSpace = 4
    legend.colorNamePairs = [(ACTUAL_COLOUR, "实际（%）"), (TARGET_COLOUR, "目标（%）")]
    drawing.add(legend)
    drawing.add(String(0, height - 5 * mm, "百分比类指标：实际与目标", fontName=MAIN_FONT, fontSize=9))
    return drawing


def _indicator_table(lines: Sequence[IndicatorLine], width: float) -> Flowable:
    shares = (0.05, 0.29, 0.1, 0.1, 0.1, 0.36)
    rows = [
        [n, two_lines(line.title, f"依据：{line.citation}"), line.actual, line.target, status_cell(line.status, align="centre"),
         line.gap or line.message]
        for n, line in enumerate(lines, start=1)
    ]
    header = ["序号", "指标及依据", "实际", "目标", "结论", "差距 / 说明"]
    return fast_table(header, rows, [width * s for s in shares], align=["centre", "left", "right", "right", "centre", "left"])


def _rule_overview(rules: Sequence[RuleFailures], width: float) -> Flowable:
    shares = (0.05, 0.59, 0.12, 0.12, 0.12)
    rows = [[n, two_lines(r.title, f"依据：{r.citation}"), r.fail, r.warn, r.unknown] for n, r in enumerate(rules, start=1)]
    header = ["序号", "机构标准", "未达标（所）", "预警（所）", "待补充数据（所）"]
    return fast_table(header, rows, [width * s for s in shares], align=["centre", "left", "right", "right", "right"])


def _failing_tables(rules: Sequence[RuleFailures], width: float) -> list[Flowable]:
    shares = (0.06, 0.27, 0.12, 0.14, 0.41)
    story: list[Flowable] = []
    for number, rule in enumerate((r for r in rules if r.failing), start=1):
        rows = [[n, f.name, f.kind, f.township_name, f.message] for n, f in enumerate(rule.failing, start=1)]
        table = fast_table(["序号", "机构名称", "类型", "乡镇（街道）", "情况"], rows, [width * s for s in shares],
                           align=["centre", "left", "left", "left", "left"])
        story += [CondPageBreak(30 * mm), subheading(f"（{number}）{rule.title}——未达标 {rule.fail} 所（{rule.citation}）"), table, Spacer(0, 3 * mm)]
    return story


def _gap_table(summary: CountySummary, width: float) -> Flowable:
    shares = (0.06, 0.18, 0.3, 0.1, 0.36)
    rows = [[n, g.scope_name, g.title, status_cell(g.status, align="centre"), g.gap] for n, g in enumerate(summary.gaps, start=1)]
    return fast_table(["序号", "范围", "指标", "结论", "还需"], rows, [width * s for s in shares],
                      align=["centre", "left", "left", "centre", "left"])


def county_summary_story(summary: CountySummary, width: float) -> list[Flowable]:
    """The flowables of the summary below its title block."""
    story: list[Flowable] = [heading(f"一、{summary.year}年度指标完成情况")]
    if summary.indicators:
        chart = indicator_chart(summary.indicators, width)
        if chart is not None:
            story += [KeepTogether([chart]), Spacer(0, 3 * mm)]
        story.append(_indicator_table(summary.indicators, width))
    else:
        story.append(note("本范围没有适用的指标。"))
    failing = sum(r.fail for r in summary.rules)
    story += [heading(f"二、机构标准达标情况（共 {summary.facility_count} 所机构）")]
    if summary.rules:
        story.append(_rule_overview(summary.rules, width))
    if failing:
        story += [heading("三、未达标机构（按标准）"), *_failing_tables(summary.rules, width)]
    else:
        story += [heading("三、未达标机构（按标准）"), note("没有未达标的机构。")]
    story.append(heading("四、差距测算（达到目标还需）"))
    story.append(_gap_table(summary, width) if summary.gaps else note("各项指标均已达到目标，无需补足。"))
    return story


def county_summary_pdf(summary: CountySummary, meta: ReportMeta) -> bytes:
    """The PDF of a county (or city) summary."""
    subtitle = f"指标年度：{summary.year}年 · 评估日期：{chinese_date(summary.as_of)}"
    return build_pdf(lambda width: county_summary_story(summary, width), title=summary_title(summary),
                     subtitle=subtitle, meta=meta)
