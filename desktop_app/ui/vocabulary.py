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
