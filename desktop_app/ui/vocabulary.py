"""Display text of stored vocabulary values (stored Chinese, shown translated in English UI)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Vocabulary"
_MARKED = (
    QT_TRANSLATE_NOOP("Vocabulary", "行政村"),
    QT_TRANSLATE_NOOP("Vocabulary", "自然村"),
    QT_TRANSLATE_NOOP("Vocabulary", "社区"),
    QT_TRANSLATE_NOOP("Vocabulary", "是"),
    QT_TRANSLATE_NOOP("Vocabulary", "否"),
    QT_TRANSLATE_NOOP("Vocabulary", "村卫生室"),
    QT_TRANSLATE_NOOP("Vocabulary", "乡镇卫生院"),
    QT_TRANSLATE_NOOP("Vocabulary", "中心乡镇卫生院"),
    QT_TRANSLATE_NOOP("Vocabulary", "社区卫生服务中心"),
    QT_TRANSLATE_NOOP("Vocabulary", "社区卫生服务站"),
    QT_TRANSLATE_NOOP("Vocabulary", "公有"),
    QT_TRANSLATE_NOOP("Vocabulary", "集体"),
    QT_TRANSLATE_NOOP("Vocabulary", "私人"),
    QT_TRANSLATE_NOOP("Vocabulary", "其他"),
    QT_TRANSLATE_NOOP("Vocabulary", "无"),
    QT_TRANSLATE_NOOP("Vocabulary", "有"),
    QT_TRANSLATE_NOOP("Vocabulary", "示范"),
    QT_TRANSLATE_NOOP("Vocabulary", "未达标"),
    QT_TRANSLATE_NOOP("Vocabulary", "基本标准"),
    QT_TRANSLATE_NOOP("Vocabulary", "推荐标准"),
    QT_TRANSLATE_NOOP("Vocabulary", "二级水平"),
    QT_TRANSLATE_NOOP("Vocabulary", "乡村医生"),
    QT_TRANSLATE_NOOP("Vocabulary", "执业医师"),
    QT_TRANSLATE_NOOP("Vocabulary", "执业助理医师"),
    QT_TRANSLATE_NOOP("Vocabulary", "注册护士"),
    QT_TRANSLATE_NOOP("Vocabulary", "药师"),
    QT_TRANSLATE_NOOP("Vocabulary", "技师"),
    QT_TRANSLATE_NOOP("Vocabulary", "临床"),
    QT_TRANSLATE_NOOP("Vocabulary", "中医"),
    QT_TRANSLATE_NOOP("Vocabulary", "公共卫生"),
    QT_TRANSLATE_NOOP("Vocabulary", "口腔"),
    QT_TRANSLATE_NOOP("Vocabulary", "研究生"),
    QT_TRANSLATE_NOOP("Vocabulary", "本科"),
    QT_TRANSLATE_NOOP("Vocabulary", "大专"),
    QT_TRANSLATE_NOOP("Vocabulary", "中专"),
    QT_TRANSLATE_NOOP("Vocabulary", "高中及以下"),
    QT_TRANSLATE_NOOP("Vocabulary", "在岗"),
    QT_TRANSLATE_NOOP("Vocabulary", "退出"),
    QT_TRANSLATE_NOOP("Vocabulary", "集中学习"),
    QT_TRANSLATE_NOOP("Vocabulary", "远程教育"),
    QT_TRANSLATE_NOOP("Vocabulary", "业务进修"),
    QT_TRANSLATE_NOOP("Vocabulary", "男"),
    QT_TRANSLATE_NOOP("Vocabulary", "女"),
)
# The individual-business desk: business statuses and tiers, enterprise types, application
# statuses, person groups, calendar day kinds and the options of choice facts.
_DESK_MARKED = (
    QT_TRANSLATE_NOOP("Vocabulary", "存续"),
    QT_TRANSLATE_NOOP("Vocabulary", "注销"),
    QT_TRANSLATE_NOOP("Vocabulary", "已转企"),
    QT_TRANSLATE_NOOP("Vocabulary", "生存型"),
    QT_TRANSLATE_NOOP("Vocabulary", "成长型"),
    QT_TRANSLATE_NOOP("Vocabulary", "发展型"),
    QT_TRANSLATE_NOOP("Vocabulary", "个人独资企业"),
    QT_TRANSLATE_NOOP("Vocabulary", "合伙企业"),
    QT_TRANSLATE_NOOP("Vocabulary", "有限公司"),
    QT_TRANSLATE_NOOP("Vocabulary", "已受理"),
    QT_TRANSLATE_NOOP("Vocabulary", "审核中"),
    QT_TRANSLATE_NOOP("Vocabulary", "已批准"),
    QT_TRANSLATE_NOOP("Vocabulary", "不予批准"),
    QT_TRANSLATE_NOOP("Vocabulary", "已发放"),
    QT_TRANSLATE_NOOP("Vocabulary", "已撤回"),
    QT_TRANSLATE_NOOP("Vocabulary", "高校毕业生"),
    QT_TRANSLATE_NOOP("Vocabulary", "在校大中专学生"),
    QT_TRANSLATE_NOOP("Vocabulary", "留学回国人员"),
    QT_TRANSLATE_NOOP("Vocabulary", "就业困难人员"),
    QT_TRANSLATE_NOOP("Vocabulary", "脱贫家庭劳动力"),
    QT_TRANSLATE_NOOP("Vocabulary", "返乡农民工"),
    QT_TRANSLATE_NOOP("Vocabulary", "退役军人"),
    QT_TRANSLATE_NOOP("Vocabulary", "军队转业干部"),
    QT_TRANSLATE_NOOP("Vocabulary", "残疾人"),
    QT_TRANSLATE_NOOP("Vocabulary", "登记失业人员"),
    QT_TRANSLATE_NOOP("Vocabulary", "零就业家庭"),
    QT_TRANSLATE_NOOP("Vocabulary", "低保家庭"),
    QT_TRANSLATE_NOOP("Vocabulary", "休息日"),
    QT_TRANSLATE_NOOP("Vocabulary", "调休上班日"),
    QT_TRANSLATE_NOOP("Vocabulary", "贴息"),
    QT_TRANSLATE_NOOP("Vocabulary", "混合"),
    QT_TRANSLATE_NOOP("Vocabulary", "非贴息"),
    QT_TRANSLATE_NOOP("Vocabulary", "初级"),
    QT_TRANSLATE_NOOP("Vocabulary", "中级"),
    QT_TRANSLATE_NOOP("Vocabulary", "高级"),
    QT_TRANSLATE_NOOP("Vocabulary", "不分级"),
)


def display(value: str | None) -> str:
    """The translated display text of a vocabulary value (the value itself when untranslated)."""
    if value is None:
        return ""
    return QCoreApplication.translate(CONTEXT, value)


def yes_no(value: object) -> str:
    """``是``/``否`` (translated) for a truthy/falsy stored flag; blank for None."""
    if value is None:
        return ""
    return display("是" if value else "否")
