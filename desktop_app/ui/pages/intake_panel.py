"""受理 (intake) at the counter, built for the keyboard.

Top to bottom: the measure (digits or pinyin initials, Enter moves on), the business (type-ahead,
Enter picks), the applicant's ID (filled from the business's operator), exactly the facts the
measure lists, the materials (Space: 未收取 → 已收取 → 不适用; Alt+A ticks all), then the
optional amount, receipt date and county. Enter anywhere else accepts. With materials missing the
first Enter only lists them and a second Enter issues the one-time notice (一次性告知), so a
stray key never writes one. Alt+N registers a new business and picks it.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.business.facts import Material
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import InvalidIdNumber, parse_id_number
from desktop_app.domain.money import format_yuan, parse_yuan
from desktop_app.services import applications, business_registry, desk_queries
from desktop_app.services.applications import IntakeResult
from desktop_app.ui import vocabulary
from desktop_app.ui.dialogs.business_dialog import BusinessDialog
from desktop_app.ui.dialogs.person_status_dialog import PersonStatusDialog
from desktop_app.ui.errors import message_for, show_error
from desktop_app.ui.ops import OpRunner
from desktop_app.ui.widgets.business_picker import ENTER_KEYS, BusinessPicker
from desktop_app.ui.widgets.date_edit import DateEdit
from desktop_app.ui.widgets.fact_editors import FactEditor, TypeAheadCombo, editor_for

RECEIVED, WAIVED, MISSING = "received", "waived", "missing"
ERROR_STYLE = "color: #c0392b;"


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error_{name}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _with_error(widget: QWidget, error: QLabel) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setSpacing(1)
    box.addWidget(widget)
    box.addWidget(error)
    return box


class MaterialBox(QCheckBox):
    """A material's state: Space (or a click) cycles 未收取 → 已收取 → 不适用 → 未收取."""

    def __init__(self, material: Material, parent: QWidget | None = None):
        super().__init__(parent)
        self.material = material
        self.setTristate(True)
        self.setToolTip(self.tr("证明：{0}").format(material.proves))
        self.stateChanged.connect(lambda _s: self._show_state())
        self._show_state()

    def nextCheckState(self) -> None:  # noqa: N802 - Qt API
        following = {Qt.CheckState.Unchecked: Qt.CheckState.Checked, Qt.CheckState.Checked: Qt.CheckState.PartiallyChecked,
                     Qt.CheckState.PartiallyChecked: Qt.CheckState.Unchecked}
        self.setCheckState(following[self.checkState()])

    @property
    def state(self) -> str:
        """``received``, ``waived`` or ``missing``."""
        return {Qt.CheckState.Checked: RECEIVED, Qt.CheckState.PartiallyChecked: WAIVED}.get(self.checkState(), MISSING)

    def _show_state(self) -> None:
        texts = {RECEIVED: (self.tr("已收取"), "#1e7b45"), WAIVED: (self.tr("不适用"), "#626f70"),
                 MISSING: (self.tr("未收取"), "#a93226")}
        text, colour = texts[self.state]
        self.setText(text)
        self.setStyleSheet(f"color: {colour}; font-weight: bold;")


class IntakePanel(QWidget):
    """The intake form and its result (receipt number and promised date, or the one-time notice)."""

    ready = Signal()
    result_shown = Signal(object)
    open_case = Signal(str)

    def __init__(self, runner: OpRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._runner = runner
        self._ready = False
        self._forms: dict[str, desk_queries.MeasureForm] = {}
        self._form: desk_queries.MeasureForm | None = None
        self._counties: list[Any] = []
        self._facts: list[tuple[FactEditor, QLabel]] = []
        self._materials: list[MaterialBox] = []
        self._applicant: desk_queries.IntakeApplicant | None = None
        self._auto_id = ""
        self._loading_applicant = False
        self._accept_when_loaded = False
        self._notice_armed = False
        self._busy = False
        self._focus_chain: list[QWidget] = []
        self.last_result: IntakeResult | None = None

        self.measure = TypeAheadCombo()
        self.measure.setObjectName("measure")
        self.measure.addItem(self.tr("请选择政策（数字键或拼音首字母）"), None)
        self.measure_info = QLabel()
        self.measure_info.setObjectName("measure_info")
        self.measure_info.setWordWrap(True)
        self.picker = BusinessPicker(runner)
        self.register_button = QPushButton(self.tr("登记新户(&N)…"))
        self.register_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.id_number = QLineEdit()
        self.id_number.setObjectName("id_number")
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("申请人18位居民身份证号"))
        self.id_info = QLabel()
        self.id_info.setObjectName("id_info")
        self.id_info.setWordWrap(True)
        self.id_info.setStyleSheet("color: #555;")
        self.status_button = QPushButton(self.tr("人员身份(&G)…"))
        self.status_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._status_generation = 0
        self.facts_form = QFormLayout()
        self.materials_layout = QVBoxLayout()
        self.all_button = QPushButton(self.tr("全部收齐(&A)"))
        self.all_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.amount = QLineEdit()
        self.amount.setObjectName("amount_requested")
        self.amount.setPlaceholderText(self.tr("可不填，单位元"))
        self.received_on = DateEdit(QDate.currentDate())
        self.received_on.setObjectName("received_on")
        self.received_on.setMaximumDate(QDate.currentDate())
        self.county = TypeAheadCombo()
        self.county.setObjectName("county")
        self.county.addItem(self.tr("按申请主体自动确定"), None)
        self.accept_button = QPushButton(self.tr("受理（回车）"))
        self.accept_button.setObjectName("accept")
        self.accept_button.setAutoDefault(True)
        self.clear_button = QPushButton(self.tr("清空重填(&R)"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.errors = {name: _error_label(name) for name in (
            "policy", "uscc", "id_number", "facts", "materials", "amount_requested", "received_on", "county_code")}

        self._build_layout()
        self.measure.currentIndexChanged.connect(lambda _i: self._on_measure_changed())
        self.measure.installEventFilter(self)
        self.picker.picked.connect(self._on_picked)
        self.register_button.clicked.connect(self.register_business)
        self.status_button.clicked.connect(self.record_person_status)
        self.id_number.textChanged.connect(lambda _t: self._on_id_changed())
        self.all_button.clicked.connect(self.tick_all)
        self.received_on.dateChanged.connect(lambda _d: self._load_forms())
        self.accept_button.clicked.connect(self.accept_intake)
        self.clear_button.clicked.connect(self.reset)
        self.result.linkActivated.connect(lambda link: self.open_case.emit(link.removeprefix("case:")))
        for widget in (self.amount, self.county, self.picker.edit):
            signal = widget.currentIndexChanged if isinstance(widget, TypeAheadCombo) else widget.textChanged
            signal.connect(lambda *_: self._disarm())
        self._load_forms()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        measure_label = QLabel(self.tr("政策(&P)"))
        measure_label.setBuddy(self.measure)
        measure_box = _with_error(self.measure, self.errors["policy"])
        measure_box.addWidget(self.measure_info)
        form.addRow(measure_label, measure_box)
        business_row = QHBoxLayout()
        business_row.addWidget(self.picker, 1)
        business_row.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignTop)
        self.business_label = QLabel(self.tr("申请主体(&B)"))
        self.business_label.setBuddy(self.picker.edit)
        self.business_row = QWidget()
        business_box = QVBoxLayout(self.business_row)
        business_box.setContentsMargins(0, 0, 0, 0)
        business_box.addLayout(business_row)
        business_box.addWidget(self.errors["uscc"])
        form.addRow(self.business_label, self.business_row)
        self.id_label = QLabel(self.tr("身份证号(&I)"))
        self.id_label.setBuddy(self.id_number)
        self.id_row = QWidget()
        id_line = QHBoxLayout()
        id_line.addWidget(self.id_number, 1)
        id_line.addWidget(self.status_button)
        id_box = QVBoxLayout(self.id_row)
        id_box.setContentsMargins(0, 0, 0, 0)
        id_box.setSpacing(1)
        id_box.addLayout(id_line)
        id_box.addWidget(self.errors["id_number"])
        id_box.addWidget(self.id_info)
        form.addRow(self.id_label, self.id_row)

        self.facts_box = QGroupBox(self.tr("申请事实"))
        facts_layout = QVBoxLayout(self.facts_box)
        facts_layout.addLayout(self.facts_form)
        facts_layout.addWidget(self.errors["facts"])
        self.materials_box = materials_box = QGroupBox(self.tr("申请材料（空格键切换：未收取 → 已收取 → 不适用）"))
        materials_outer = QVBoxLayout(materials_box)
        materials_outer.addLayout(self.materials_layout)
        bottom = QHBoxLayout()
        bottom.addWidget(self.errors["materials"], 1)
        bottom.addWidget(self.all_button)
        materials_outer.addLayout(bottom)

        more = QFormLayout()
        amount_label = QLabel(self.tr("申请金额(&M)"))
        amount_label.setBuddy(self.amount)
        more.addRow(amount_label, _with_error(self.amount, self.errors["amount_requested"]))
        date_label = QLabel(self.tr("受理日期(&D)"))
        date_label.setBuddy(self.received_on)
        more.addRow(date_label, _with_error(self.received_on, self.errors["received_on"]))
        county_label = QLabel(self.tr("受理县区(&C)"))
        county_label.setBuddy(self.county)
        more.addRow(county_label, _with_error(self.county, self.errors["county_code"]))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.accept_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.facts_box)
        left_layout.addWidget(materials_box)
        left_layout.addLayout(more)
        left_layout.addLayout(buttons)
        left_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        result_box = QGroupBox(self.tr("受理结果"))
        result_layout = QVBoxLayout(result_box)
        result_layout.addWidget(self.result, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addWidget(result_box, 2)
        self._show_hint()

    # -- loading -------------------------------------------------------------------------------------
    def _load_forms(self) -> None:
        day = self.received_on.value()
        self._runner.query(lambda ctx, _p: (desk_queries.intake_forms(ctx, day=day), desk_queries.county_choices(ctx)),
                           self._fill_forms, lambda exc: show_error(self, exc))

    def _fill_forms(self, result: tuple[list[desk_queries.MeasureForm], list[Any]]) -> None:
        forms, counties = result
        chosen = self.measure.currentData()
        self._forms = {f.base_id: f for f in forms}
        self.measure.blockSignals(True)
        while self.measure.count() > 1:
            self.measure.removeItem(1)
        for number, form in enumerate(forms, start=1):
            self.measure.add_option(self.tr("{0}. {1}").format(number, form.title), form.base_id, keys=(form.base_id,))
        self.measure.setCurrentIndex(max(0, self.measure.findData(chosen)))
        self.measure.blockSignals(False)
        if not self._counties:
            self._counties = counties
            for county in counties:
                self.county.add_option(county.name, county.code)
        self._on_measure_changed(keep_values=True)
        if not self._ready:
            self._ready = True
            self.measure.setFocus()
            self.ready.emit()

    # -- the measure -----------------------------------------------------------------------------------
    def _on_measure_changed(self, keep_values: bool = False) -> None:
        self._disarm()
        kept = {editor.spec.name: editor.text() for editor, _ in self._facts} if keep_values else {}
        states = {box.material.name: box.checkState() for box in self._materials} if keep_values else {}
        self._form = self._forms.get(self.measure.currentData())
        self._clear_dynamic()
        form = self._form
        self.business_label.setVisible(form is None or form.needs_business)
        self.business_row.setVisible(form is None or form.needs_business)
        self.id_label.setVisible(form is None or form.needs_person)
        self.id_row.setVisible(form is None or form.needs_person)
        self.materials_box.setVisible(form is not None)
        if form is None:
            self.measure_info.clear()
            self.facts_box.hide()
            self._chain()
            return
        window = html.escape(self.tr("有效期 {0}").format(form.window))
        if not form.in_force:
            outside = html.escape(self.tr("（受理日期不在有效期内，系统初审将不予通过）"))
            window = f"<span style='color:#a93226'>{window}{outside}</span>"
        self.measure_info.setText(self.tr("{0}　{1}　承诺 {2} 个工作日办结").format(
            html.escape(form.citation), window, form.promised_days))
        for field in form.facts:
            editor = editor_for(field.spec, field.options)
            error = _error_label(f"fact_{field.spec.name}")
            if field.spec.name in kept:
                editor.set_text(kept[field.spec.name])
            self.facts_form.addRow(field.spec.label, _with_error(editor.widget, error))
            editor.widget.show()  # at once, not when the event loop next runs: the clerk may already be typing
            self._facts.append((editor, error))
            signal = getattr(editor.widget, "currentIndexChanged", None) or editor.widget.textChanged
            signal.connect(lambda *_: self._disarm())
        self.facts_box.setVisible(bool(form.facts))
        for material in form.materials:
            box = MaterialBox(material)
            box.setObjectName(f"material_{len(self._materials)}")
            if material.name in states:
                box.setCheckState(states[material.name])
            box.stateChanged.connect(lambda _s: self._disarm())
            name = QLabel(material.name)
            name.setWordWrap(True)
            name.setToolTip(box.toolTip())
            row = QHBoxLayout()
            row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(name, 1)
            holder = QWidget()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.materials_layout.addWidget(holder)
            holder.show()
            self._materials.append(box)
        self._chain()

    def _clear_dynamic(self) -> None:
        while self.facts_form.rowCount():
            self.facts_form.removeRow(0)
        while self.materials_layout.count():
            item = self.materials_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._facts, self._materials = [], []

    def _chain(self) -> None:
        """Tab order: measure, business, ID, facts, materials, amount, date, county, accept."""
        chain = [self.measure, self.picker.edit, self.id_number, *(e.widget for e, _ in self._facts), *self._materials,
                 self.amount, self.received_on, self.county, self.accept_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._focus_chain = chain

    def _focus_after(self, widget: QWidget, *, skip: tuple[QWidget, ...] = ()) -> None:
        chain = self._focus_chain
        if widget not in chain:
            return
        for candidate in chain[chain.index(widget) + 1:]:
            if candidate.isVisibleTo(self) and candidate.isEnabled() and candidate not in skip:
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.measure and event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:  # type: ignore[attr-defined]
            if self._form is not None:
                self._focus_after(self.measure)
            return True
        return super().eventFilter(watched, event)

    # -- the applicant ---------------------------------------------------------------------------------
    def _on_picked(self, choice: desk_queries.BusinessChoice | None) -> None:
        self._applicant = None
        self._show_error("uscc", "")
        if choice is None:
            return
        if self.picker.edit.hasFocus():  # picked from the keyboard: move on (the ID comes from the operator)
            self._focus_after(self.picker.edit, skip=(self.id_number,))
        self._loading_applicant = True
        self._runner.query(lambda ctx, _p: desk_queries.intake_applicant(ctx, choice.uscc), self._on_applicant,
                           self._on_applicant_failed)

    def _on_applicant(self, applicant: desk_queries.IntakeApplicant) -> None:
        self._loading_applicant = False
        if self.picker.uscc != applicant.uscc:
            return
        self._applicant = applicant
        current = self.id_number.text().strip()
        if applicant.operator_id_number and (not current or current == self._auto_id):
            self._auto_id = applicant.operator_id_number
            self.id_number.setText(applicant.operator_id_number)
        elif not current and self._form is not None and self._form.needs_person:
            self.id_number.setFocus()  # the operator's ID is not on record: the clerk types it
        registered = applicant.registered_on.isoformat() if applicant.registered_on else self.tr("未填写")
        self.picker.status.setText(self.tr("经营者 {0}　{1}　{2}　登记于 {3}").format(
            applicant.operator_name, applicant.township, vocabulary.display(applicant.status), registered))
        if self._accept_when_loaded:
            self._accept_when_loaded = False
            self.accept_intake()

    def _on_applicant_failed(self, exc: BaseException) -> None:
        self._loading_applicant = False
        self._accept_when_loaded = False
        self._show_error("uscc", message_for(exc))

    def _on_id_changed(self) -> None:
        self._disarm()
        text = self.id_number.text().strip().upper()
        problem = None
        if len(text) >= 18:
            try:
                parsed = parse_id_number(text)
            except InvalidIdNumber as exc:
                problem = str(exc)
            else:
                born = self.tr("出生日期 {0}　性别 {1}").format(parsed.birth_date.isoformat(), vocabulary.display(parsed.sex))
                self.id_info.setText(born)
                self._load_statuses(parsed.value, born)
        if len(text) < 18 or problem:
            self._status_generation += 1
            self.id_info.clear()
        self.errors["id_number"].setText(problem or "")
        self.errors["id_number"].setVisible(bool(problem))

    def _load_statuses(self, id_number: str, born: str) -> None:
        """Show the groups recorded for the person under the ID (several measures decide on them)."""
        self._status_generation += 1
        generation = self._status_generation

        def shown(statuses: list[Any]) -> None:
            if generation != self._status_generation:
                return
            if statuses:
                groups = "、".join(
                    self.tr("{0}（{1}起）").format(vocabulary.display(s.status), s.since.isoformat()) if s.since
                    else vocabulary.display(s.status) for s in statuses)
                recorded = self.tr("已登记人员身份：{0}").format(groups)
            else:
                recorded = self.tr("尚未登记人员身份（Alt+G 登记）")
            self.id_info.setText(f"{born}　{recorded}")

        self._runner.query(lambda ctx, _p: business_registry.person_statuses(ctx, id_number), shown,
                           lambda exc: show_error(self, exc))

    def record_person_status(self) -> None:
        """Open the 人员身份 form for the applicant's ID (Alt+G); the ID's line shows it when saved."""
        id_number = self.id_number.text().strip().upper()
        applicant = self._applicant
        name = applicant.operator_name if applicant and applicant.operator_id_number == id_number else ""

        def submit(values: dict[str, Any], done: Any) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            def saved(_changes: Any) -> None:
                done(None, None)
                self._on_id_changed()

            self._runner.op(lambda ctx, _p: business_registry.save_person_status(ctx, **values), saved, failed)

        dialog = PersonStatusDialog(self, submit=submit, id_number=id_number, name=name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def register_business(self) -> None:
        """Open the registration form; the new business becomes the applicant."""
        def submit(business: Any, done: Any) -> None:
            def failed(exc: BaseException) -> None:
                if isinstance(exc, ValidationError):
                    done(exc.by_field(), None)
                else:
                    done(None, message_for(exc))

            def saved(_changes: Any) -> None:
                done(None, None)
                self.picker.pick_code(business.uscc)

            self._runner.op(lambda ctx, _p: business_registry.create_business(ctx, business=business), saved, failed)

        dialog = BusinessDialog(self, submit=submit, counties=self._counties)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def start_for_business(self, uscc: str) -> None:
        """Begin an intake for a known business (from the business page): pick it, then choose the measure."""
        self.reset()
        self.picker.pick_code(uscc)
        self.measure.setFocus()

    @property
    def material_boxes(self) -> list[MaterialBox]:
        """The materials of the chosen measure, in order."""
        return list(self._materials)

    # -- accepting -------------------------------------------------------------------------------------
    def tick_all(self) -> None:
        """Mark every material not marked 不适用 as received."""
        for box in self._materials:
            if box.state == MISSING:
                box.setCheckState(Qt.CheckState.Checked)

    def _disarm(self) -> None:
        if self._notice_armed:
            self._notice_armed = False
            self._show_hint()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in ENTER_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept_intake()
            return
        if event.key() == Qt.Key.Key_Escape and self._notice_armed:
            self._disarm()
            if self._materials:
                self._materials[0].setFocus()
            return
        super().keyPressEvent(event)

    def _show_error(self, name: str, text: str) -> None:
        self.errors[name].setText(text)
        self.errors[name].setVisible(bool(text))

    def _show_errors(self, by_field: dict[str, str], facts: list[str]) -> None:
        for name in self.errors:
            self._show_error(name, by_field.get(name, ""))
        unplaced = list(facts)
        for editor, label in self._facts:
            mine = [f for f in facts if f"“{editor.spec.key}”" in f]
            label.setText("\n".join(mine))
            label.setVisible(bool(mine))
            unplaced = [f for f in unplaced if f not in mine]
        self.errors["facts"].setText("\n".join(unplaced))
        self.errors["facts"].setVisible(bool(unplaced))

    def accept_intake(self) -> None:
        """Accept the case, or (materials missing) list them first and issue the notice on the next Enter."""
        if self._busy:
            return
        form = self._form
        if form is None:
            self._show_errors({"policy": self.tr("请先选择政策")}, [])
            self.measure.setFocus()
            return
        if self._loading_applicant:
            self._accept_when_loaded = True
            return
        amount_text = self.amount.text().strip()
        try:
            amount = parse_yuan(amount_text) if amount_text else None
        except ValueError as exc:
            self._show_errors({"amount_requested": str(exc)}, [])
            return
        if form.needs_business and self.picker.uscc is None and self.picker.edit.text().strip():
            self._show_errors({"uscc": self.tr("请从下拉建议中选定个体工商户（回车选定第一项）")}, [])
            self.picker.edit.setFocus()
            return
        missing = [box.material.name for box in self._materials if box.state == MISSING]
        if missing and not self._notice_armed:
            self._notice_armed = True
            self._show_missing(missing)
            return
        self._notice_armed = False
        values = {
            "policy_id": form.base_id,
            "uscc": self.picker.uscc if form.needs_business else None,
            "id_number": (self.id_number.text().strip().upper() or None) if form.needs_person else None,
            "facts": {editor.spec.key: editor.text() for editor, _ in self._facts if editor.text()},
            "amount_requested_fen": amount,
            "materials_received": [b.material.name for b in self._materials if b.state == RECEIVED],
            "materials_waived": [b.material.name for b in self._materials if b.state == WAIVED],
            "received_on": self.received_on.value(),
            "county_code": self.county.currentData(),
        }
        self._busy = True
        self.accept_button.setEnabled(False)
        self._runner.op(lambda ctx, _p: applications.intake(ctx, **values), self._on_done, self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.accept_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        by_field = exc.by_field()
        facts = [p.reason for p in exc.problems if p.field == "facts"]
        by_field["materials"] = "；".join(p.reason for p in exc.problems if p.field.startswith("materials_"))
        self._show_errors(by_field, facts)
        refused = html.escape(self.tr("输入有误，未受理：请按字段旁的提示修改。"))
        self.result.setText(f"<p style='{ERROR_STYLE}'>{refused}</p>")

    def _on_done(self, result: IntakeResult) -> None:
        self._busy = False
        self.accept_button.setEnabled(True)
        self._show_errors({}, [])
        self.last_result = result
        if result.accepted:
            self._show_accepted(result)
            self._reset_form(keep_measure=True)
        else:
            self._show_notice(result)
        self.result_shown.emit(result)

    # -- the result area -------------------------------------------------------------------------------
    def _show_hint(self) -> None:
        self.result.setText(self.tr(
            "<p><b>键盘操作</b></p><p>数字键或拼音首字母选政策，回车进入下一项；<br>"
            "输入名称、拼音首字母或信用代码，↑↓ 选择、回车选定申请主体；<br>"
            "Tab 逐项填写申请事实；空格键切换材料状态，Alt+A 全部收齐；<br>"
            "回车受理。Alt+N 登记新户，Alt+G 登记人员身份，Alt+R 清空重填。</p>"))

    def _show_missing(self, missing: list[str]) -> None:
        items = "".join(f"<li>{html.escape(m)}</li>" for m in missing)
        heading = html.escape(self.tr("尚有 {0} 项材料未收取：").format(len(missing)))
        advice = html.escape(self.tr("再按回车出具一次性告知书（一次列明全部缺少的材料），按 Esc 返回补充。"))
        self.result.setText(f"<p style='color:#8a5300'><b>{heading}</b></p><ol>{items}</ol><p>{advice}</p>")

    def _show_accepted(self, result: IntakeResult) -> None:
        verdict = result.eligibility
        if verdict is not None and verdict.eligible:
            judged = self.tr("系统初审：符合，核定金额 {0} 元").format(format_yuan(verdict.amount_fen))
            colour = "#1e7b45"
        else:
            judged = self.tr("系统初审：不符合 — {0}").format("；".join(verdict.reasons) if verdict else "")
            colour = "#a93226"
        title, number, promised = self.tr("已受理"), self.tr("受理编号"), self.tr("承诺办结日期")
        open_case = self.tr("打开此件办理")
        next_case = self.tr("已清空申请主体和材料，可继续受理同一政策的下一件；Alt+R 全部清空。")
        self.result.setText(
            f"<h2 style='color:#1e7b45'>{html.escape(title)}</h2>"
            f"<p>{html.escape(number)}<br><span style='font-size:20pt; font-weight:bold'>{result.receipt_no}</span></p>"
            f"<p>{html.escape(promised)}　<b>{result.promised_on.isoformat()}</b></p>"
            f"<p style='color:{colour}'>{html.escape(judged)}</p>"
            f"<p><a href='case:{result.receipt_no}'>{html.escape(open_case)}</a></p>"
            f"<p style='color:#555'>{html.escape(next_case)}</p>")

    def _show_notice(self, result: IntakeResult) -> None:
        notice = result.notice
        missing = "".join(f"<li>{html.escape(m)}</li>" for m in notice.materials_missing)
        received = "、".join(notice.materials_received) or self.tr("无")
        applicant = notice.applicant_name or notice.uscc or ""
        title, number = self.tr("一次性告知"), self.tr("告知书编号")
        request = self.tr("请补齐以下全部材料后再来办理：")
        received_text = self.tr("已收取：{0}").format(received)
        self.result.setText(
            f"<h2 style='color:#a93226'>{html.escape(title)}</h2>"
            f"<p>{html.escape(number)}　<b>{notice.notice_no}</b></p>"
            f"<p>{html.escape(notice.policy_title)}（{html.escape(notice.citation)}）<br>{html.escape(applicant)}</p>"
            f"<p><b>{html.escape(request)}</b></p><ol>{missing}</ol>"
            f"<p style='color:#555'>{html.escape(received_text)}</p>")

    # -- resetting -------------------------------------------------------------------------------------
    def _reset_form(self, *, keep_measure: bool) -> None:
        """Clear the applicant, facts and materials; the measure stays for a run of the same measure."""
        self.picker.clear()
        self._applicant = None
        self._auto_id = ""
        self.id_number.clear()
        self.amount.clear()
        self.county.setCurrentIndex(0)
        if keep_measure and self._form is not None:
            self._on_measure_changed()
            self._focus_after(self.measure)
        else:
            self.measure.setCurrentIndex(0)
            self.measure.setFocus()

    def reset(self) -> None:
        """Clear the whole form and the result area (Alt+R)."""
        self._notice_armed = False
        self._reset_form(keep_measure=False)
        self._show_errors({}, [])
        self._show_hint()
