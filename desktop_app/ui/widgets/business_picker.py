"""The type-ahead business picker of the counter: type part of a name, pinyin initials, a credit
code or an operator's name; ↓/↑ move through the suggestions, Enter picks (the first one when
none is highlighted). Enter typed before the suggestions arrive picks the first of them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.services import desk_queries
from desktop_app.ui import vocabulary
from desktop_app.ui.errors import show_error
from desktop_app.ui.ops import OpRunner

SEARCH_DELAY_MS = 150
SUGGESTIONS = 8
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class BusinessPicker(QWidget):
    """A line edit with suggestions below it; ``picked`` carries the BusinessChoice (None when the
    text is edited again), after which the owner moves the focus on."""

    picked = Signal(object)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self._pick_first_when_loaded = False
        self._choices: list[desk_queries.BusinessChoice] = []
        self.choice: desk_queries.BusinessChoice | None = None

        self.edit = QLineEdit()
        self.edit.setObjectName("business_search")
        self.edit.setPlaceholderText(self.tr("输入名称、拼音首字母、信用代码或经营者姓名"))
        self.edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("business_suggestions")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(150)
        self.list.hide()
        self.status = QLabel()
        self.status.setObjectName("business_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        self.setFocusProxy(self.edit)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.installEventFilter(self)
        self.list.itemClicked.connect(lambda item: self._pick(self._choices[self.list.row(item)]))

    # -- typing ----------------------------------------------------------------------------------
    def _on_edited(self, _text: str) -> None:
        if self.choice is not None:
            self.choice = None
            self.picked.emit(None)
        self._pick_first_when_loaded = False
        self._timer.start()

    def _search(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation, text = self._generation, self.edit.text().strip()
        if not text:
            self._show([], 0)
            return
        self._runner.query(lambda ctx, _p: desk_queries.find_businesses(ctx, text, limit=SUGGESTIONS),
                           lambda result: self._on_found(generation, result), lambda exc: show_error(self, exc))

    def _on_found(self, generation: int, result: tuple[list[desk_queries.BusinessChoice], int]) -> None:
        if generation != self._generation:
            return
        self._show(*result)
        if self._pick_first_when_loaded:
            self._pick_first_when_loaded = False
            if self._choices:
                self._pick(self._choices[0])

    def _show(self, choices: list[desk_queries.BusinessChoice], total: int) -> None:
        self._choices = choices
        self.list.clear()
        for choice in choices:
            text = self.tr("{0}　{1}　经营者 {2}（{3}）　{4}　{5}").format(
                choice.name, choice.uscc, choice.operator_name, choice.operator_id_masked, choice.township,
                vocabulary.display(choice.status))
            self.list.addItem(QListWidgetItem(text))
        if choices:
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(choices))
        if not self.edit.text().strip():
            self.status.clear()
        elif not choices:
            self.status.setText(self.tr("未找到匹配的个体工商户；可按 Alt+N 登记新户"))
        elif total > len(choices):
            self.status.setText(self.tr("共 {0} 户匹配，显示前 {1} 户；继续输入可缩小范围").format(total, len(choices)))
        else:
            self.status.setText(self.tr("↑↓ 选择，回车确定"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self._choices:
            step = 1 if key == Qt.Key.Key_Down else -1
            self.list.setCurrentRow(max(0, min(len(self._choices) - 1, self.list.currentRow() + step)))
            return True
        if key in ENTER_KEYS and self.choice is None and self.edit.text().strip():
            if self._timer.isActive() or not self._choices:
                self._pick_first_when_loaded = True
                if self._timer.isActive():
                    self._search()
                return True
            self._pick(self._choices[max(0, self.list.currentRow())])
            return True
        if key == Qt.Key.Key_Escape and self.list.isVisible():
            self.list.hide()
            return True
        return False

    # -- choosing ----------------------------------------------------------------------------------
    def _pick(self, choice: desk_queries.BusinessChoice) -> None:
        self.choice = choice
        self.edit.setText(self.tr("{0}（{1}）").format(choice.name, choice.uscc))
        self.list.hide()
        self.status.setText(self.tr("经营者 {0}　{1}　{2}").format(choice.operator_name, choice.township,
                                                                    vocabulary.display(choice.status)))
        self.picked.emit(choice)

    def pick_code(self, uscc: str) -> None:
        """Search for a credit code and pick the business that has it (e.g. just registered)."""
        self.choice = None
        self.edit.setText(uscc)
        self._pick_first_when_loaded = True
        self._search()

    def clear(self) -> None:
        """Forget the choice and the text."""
        self._timer.stop()
        self._generation += 1
        self._pick_first_when_loaded = False
        self.choice = None
        self.edit.clear()
        self._show([], 0)
        self.status.clear()

    @property
    def uscc(self) -> str | None:
        """The picked business's credit code, or None."""
        return self.choice.uscc if self.choice else None
