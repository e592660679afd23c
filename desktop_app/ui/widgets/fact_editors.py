"""Typed editors for application facts (FactSpec), built for keyboard-only entry at the counter.

Every editor hands the service the fact's text exactly as typed (blank when empty): the service
parses and checks it, so a wrong value comes back as a message next to its field. Choices are
:class:`TypeAheadCombo` boxes: a digit picks the n-th option, letters match pinyin initials
(``tx`` → 贴息) or extra keys (``y``/``n`` → 是/否).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desktop_app.domain.business.facts import FactSpec
from desktop_app.domain.money import format_yuan
from desktop_app.domain.text import pinyin_initials
from desktop_app.ui import vocabulary

KEYS_ROLE = Qt.ItemDataRole.UserRole + 1
TYPE_AHEAD_RESET_MS = 1000
PATTERNS = {
    "integer": r"-?\d{0,9}",
    "year": r"\d{0,4}",
    "money": r"\d{0,12}(\.\d{0,2})?",
    "date": r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?",
    "id_list": r"[0-9Xx,，、 ]*",
}


class TypeAheadCombo(QComboBox):
    """A combo box chosen from the keyboard.

    Digits pick the n-th option (options are the items whose data is not None); letters typed
    within a second accumulate and select the first option whose pinyin initials or extra keys
    start with them (else contain them). Other keys behave as in QComboBox.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._typed = ""
        self._clock = QElapsedTimer()

    def add_option(self, text: str, data: Any, keys: Sequence[str] = ()) -> None:
        """Add an item matched by the pinyin initials of ``text`` and by ``keys`` (lower case)."""
        self.addItem(text, data)
        self.setItemData(self.count() - 1, (pinyin_initials(text), *(k.lower() for k in keys)), KEYS_ROLE)

    def _options(self) -> list[int]:
        return [i for i in range(self.count()) if self.itemData(i) is not None]

    def _match(self, typed: str) -> int | None:
        options = self._options()
        if typed.isdigit():
            number = int(typed)
            return options[number - 1] if 1 <= number <= len(options) else None
        keys = {i: self.itemData(i, KEYS_ROLE) or () for i in options}
        for test in (str.startswith, str.__contains__):
            for index in options:
                if any(test(key, typed) for key in keys[index]):
                    return index
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        text = event.text().lower()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if not (plain and len(text) == 1 and text.isascii() and text.isalnum()):
            super().keyPressEvent(event)
            return
        if not self._clock.isValid() or self._clock.elapsed() > TYPE_AHEAD_RESET_MS or text.isdigit() != self._typed.isdigit():
            self._typed = ""
        self._clock.restart()
        self._typed += text
        index = self._match(self._typed)
        if index is None and len(self._typed) > 1:
            self._typed = text
            index = self._match(text)
        if index is not None:
            self.setCurrentIndex(index)
        event.accept()


class FactEditor:
    """One fact of the intake form: its spec, its widget and its text for the service."""

    def __init__(self, spec: FactSpec, widget: QWidget):
        self.spec = spec
        self.widget = widget
        widget.setObjectName(f"fact_{spec.name}")

    def text(self) -> str:
        """The value as the service reads it ("" when blank)."""
        raise NotImplementedError

    def set_text(self, text: str) -> None:
        """Show a stored value (workbook text)."""
        raise NotImplementedError


class LineFactEditor(FactEditor):
    """A line edit for integer, year, money, date and ID-list facts, restricted to plausible characters."""

    def __init__(self, spec: FactSpec):
        edit = QLineEdit()
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(PATTERNS[spec.type]), edit))
        edit.setPlaceholderText(hint(spec))
        edit.setToolTip(hint(spec))
        super().__init__(spec, edit)
        self.edit = edit

    def text(self) -> str:
        """The typed text, stripped."""
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        """Show ``text``."""
        self.edit.setText(text)


class ChoiceFactEditor(FactEditor):
    """A type-ahead combo for yes/no and choice facts; it starts on “请选择” so nothing is assumed."""

    def __init__(self, spec: FactSpec, options: Sequence[str]):
        combo = TypeAheadCombo()
        combo.addItem(QCoreApplication.translate("FactEditors", "请选择"), None)
        if spec.type == "yes_no":
            combo.add_option(vocabulary.display("是"), "是", keys=("y", "s"))
            combo.add_option(vocabulary.display("否"), "否", keys=("n", "f"))
        else:
            for option in options:
                combo.add_option(vocabulary.display(option), option)
        combo.setToolTip(hint(spec))
        super().__init__(spec, combo)
        self.combo = combo

    def text(self) -> str:
        """The chosen option ("" while on “请选择”)."""
        return self.combo.currentData() or ""

    def set_text(self, text: str) -> None:
        """Choose the option ``text`` (or “请选择” when it is not one)."""
        self.combo.setCurrentIndex(max(0, self.combo.findData(text)))


def hint(spec: FactSpec) -> str:
    """What to type into a fact's field, with its bounds."""
    if spec.type == "yes_no":
        return QCoreApplication.translate("FactEditors", "按 Y 选“是”，按 N 选“否”")
    if spec.type == "choice":
        return QCoreApplication.translate("FactEditors", "按数字键或拼音首字母选择")
    if spec.type == "id_list":
        return QCoreApplication.translate("FactEditors", "18位身份证号，多个以逗号分隔")
    if spec.type == "year":
        return QCoreApplication.translate("FactEditors", "四位年份，如 2025")
    if spec.type == "date":
        return QCoreApplication.translate("FactEditors", "日期，如 2025-03-01")
    shown = (lambda v: format_yuan(v)) if spec.type == "money" else str
    if spec.type == "money":
        text = QCoreApplication.translate("FactEditors", "金额（元）")
    else:
        text = QCoreApplication.translate("FactEditors", "整数")
    if spec.minimum is not None:
        text += QCoreApplication.translate("FactEditors", "，不小于 {0}").format(shown(spec.minimum))
    if spec.maximum is not None:
        text += QCoreApplication.translate("FactEditors", "，不大于 {0}").format(shown(spec.maximum))
    return text


def editor_for(spec: FactSpec, options: Sequence[str] = ()) -> FactEditor:
    """The editor of a fact by its type (``options``: the choices under the entry in force)."""
    if spec.type in ("yes_no", "choice"):
        return ChoiceFactEditor(spec, options)
    return LineFactEditor(spec)
