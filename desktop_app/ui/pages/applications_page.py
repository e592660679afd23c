"""政策申请: the counter's page — 受理 (intake), 审核办理 (work lists over the decision screen),
风险提示 (fraud signals) and 政策目录 (catalogue, county amounts, calendar) as tabs.

F2 goes to intake, F3 to the work lists. ``open_business(uscc)`` asks the main window to show a
business on the business page; :meth:`open_case` and :meth:`start_intake` are its entry points
from other pages.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop_app.ui.ops import OpRunner
from desktop_app.ui.pages.decision_panel import DecisionPanel
from desktop_app.ui.pages.intake_panel import IntakePanel
from desktop_app.ui.pages.policy_page import PolicyPage
from desktop_app.ui.pages.signals_page import SignalsPage
from desktop_app.ui.pages.work_lists import WorkListsPanel


class ApplicationsPage(QWidget):
    """The four tabs of the counter; ``ready`` once the intake form and the work lists have loaded."""

    ready = Signal()
    open_business = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._waiting = {"intake", "work_lists"}
        self.intake = IntakePanel(runner)
        self.work_lists = WorkListsPanel(runner)
        self.decision = DecisionPanel(runner)
        self.signals = SignalsPage(runner)
        self.policy = PolicyPage(runner)
        self.review = QSplitter(Qt.Orientation.Vertical)
        self.review.addWidget(self.work_lists)
        self.review.addWidget(self.decision)
        self.review.setStretchFactor(0, 2)
        self.review.setStretchFactor(1, 3)
        self.review.setSizes([300, 460])
        review_tab = QWidget()
        review_layout = QVBoxLayout(review_tab)
        review_layout.setContentsMargins(6, 6, 6, 6)
        review_layout.addWidget(self.review)
        self.review_tab = review_tab
        self.tabs = QTabWidget()
        self.tabs.addTab(self.intake, self.tr("受理 (F2)"))
        self.tabs.addTab(review_tab, self.tr("审核办理 (F3)"))
        self.tabs.addTab(self.signals, self.tr("风险提示"))
        self.tabs.addTab(self.policy, self.tr("政策目录"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        for key, slot in (("F2", self.show_intake), ("F3", self.show_work_lists)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.intake.ready.connect(lambda: self._loaded("intake"))
        self.work_lists.ready.connect(lambda: self._loaded("work_lists"))
        self.intake.open_case.connect(self.open_case)
        self.work_lists.case_selected.connect(self.decision.show_case)
        self.signals.open_case.connect(self.open_case)
        self.signals.open_business.connect(self.open_business)

    def _loaded(self, part: str) -> None:
        if part in self._waiting:
            self._waiting.discard(part)
            if not self._waiting:
                self.ready.emit()

    def show_intake(self) -> None:
        """Show the intake tab with the cursor on the measure."""
        self.tabs.setCurrentWidget(self.intake)
        self.intake.measure.setFocus()

    def show_work_lists(self) -> None:
        """Show the work lists with the cursor in the case list."""
        self.tabs.setCurrentWidget(self.review_tab)
        self.work_lists.table.setFocus()

    def start_intake(self, uscc: str) -> None:
        """Begin an intake for a business (from the business page)."""
        self.tabs.setCurrentWidget(self.intake)
        self.intake.start_for_business(uscc)

    def open_case(self, receipt_no: str) -> None:
        """Show a case on the decision screen (the list searches for it so it is highlighted)."""
        self.tabs.setCurrentWidget(self.review_tab)
        self.work_lists.select_receipt(receipt_no)
        self.work_lists.show_queue("all", search=receipt_no)
        self.decision.show_case(receipt_no)

    def focus_search(self) -> None:
        """Ctrl+F: the case search of the work lists."""
        self.tabs.setCurrentWidget(self.review_tab)
        self.work_lists.search.setFocus()
        self.work_lists.search.selectAll()

    def reload(self) -> None:
        """Refresh the work lists, the shown case and the signals."""
        self.work_lists.refresh()
        self.decision.reload()
        self.signals.reload()
