"""Role-aware controls on the health pages: a read-only user sees the edit actions disabled with a
tooltip naming the roles that may use them (and a double-click opens no form); a health
administrator gets them back, adding villages only inside his scope; the training grid turns read
only; the overview starts on the user's own county. (The services refuse regardless.)"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop_app.domain.actor import Actor
from desktop_app.domain.security import ADMIN, EDIT_HEALTH, HEALTH_ADMIN, READ_ONLY
from desktop_app.services import health_queries, staff_queries
from desktop_app.services.dashboard import CITY_SCOPE
from desktop_app.ui.pages.dashboard_page import DashboardPage
from desktop_app.ui.pages.divisions_page import DivisionsPage
from desktop_app.ui.pages.facilities_page import FacilitiesPage
from desktop_app.ui.pages.staff_page import StaffPage
from desktop_app.ui.pages.training_page import FIXED_COLUMNS, TrainingEntry
from desktop_app.ui.roles import refused_tip

XIUWU, BOAI = "410821000000", "410822000000"
READER = Actor("test:reader", role=READ_ONLY)
XIUWU_HEALTH = Actor("test:xiuwu-health", role=HEALTH_ADMIN, scope_code=XIUWU)
BOAI_HEALTH = Actor("test:boai-health", role=HEALTH_ADMIN, scope_code=BOAI)


def refused(button) -> bool:
    """Disabled, with a tooltip naming the roles that may use it."""
    tip = button.toolTip()
    return not button.isEnabled() and "只读/督导" in tip and "系统管理员" in tip and "卫健管理员" in tip


def idle(runner, qtbot) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10000)


def test_the_refusal_names_the_roles_that_may(qapp) -> None:
    assert refused_tip(READ_ONLY, EDIT_HEALTH) == "“只读/督导”角色无权使用此功能，需要以下角色之一：系统管理员、卫健管理员"


def test_villages_page(runner, qtbot) -> None:
    page = DivisionsPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.reload_tree()  # as the main window does
        page.show()
    with qtbot.waitSignal(page.village_model.loaded, timeout=10000):
        page.tree_search.setText("周庄镇")
    page.table.selectRow(0)
    page.apply_role(READER)
    assert all(refused(b) for b in (page.add_button, page.edit_button, page.delete_button))
    idle(runner, qtbot)
    page.edit_village()  # the double-click
    assert not runner.busy
    page.apply_role(BOAI_HEALTH)
    assert not page.add_button.isEnabled() and "管辖范围" in page.add_button.toolTip()
    page.apply_role(XIUWU_HEALTH)
    assert page.add_button.isEnabled() and page.edit_button.isEnabled() and page.delete_button.isEnabled()


def test_facilities_page(runner, qtbot) -> None:
    page = FacilitiesPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    page.table.selectRow(0)
    page.apply_role(READER)
    assert all(refused(b) for b in (page.add_button, page.edit_button, page.delete_button))
    idle(runner, qtbot)  # the selected facility's detail
    page.edit_facility()
    page.delete_facility()
    assert not runner.busy
    page.apply_role(XIUWU_HEALTH)
    assert page.add_button.isEnabled() and page.edit_button.isEnabled() and page.delete_button.isEnabled()


def test_staff_page_and_its_training_entry(runner, qtbot) -> None:
    page = StaffPage(runner)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    with qtbot.waitSignal(page.detail_loaded, timeout=10000):
        page.table.selectRow(0)
    page.apply_role(READER)
    assert all(refused(b) for b in (page.add_button, page.edit_button, page.training_button))
    idle(runner, qtbot)
    page.edit_staff()
    assert not runner.busy
    page.apply_role(Actor("test:admin", role=ADMIN))
    assert page.add_button.isEnabled() and page.edit_button.isEnabled() and page.training_button.isEnabled()


def first_township_with_staff(runner, qtbot) -> str:
    found: list = []

    def look(ctx, _p):
        for county in health_queries.division_choices(ctx):
            for code, _name in county.townships:
                if staff_queries.training_sheet(ctx, township_code=code, year=date.today().year):
                    return code
        return None

    runner.query(look, found.append, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    assert isinstance(found[0], str)
    return found[0]


def test_training_entry_is_read_only_for_a_reader(runner, qtbot) -> None:
    entry = TrainingEntry(runner, township_code=first_township_with_staff(runner, qtbot))
    qtbot.addWidget(entry)
    with qtbot.waitSignal(entry.loaded, timeout=10000):
        entry.show()
    entry.apply_role(READER)
    cell = entry.model.index(0, FIXED_COLUMNS)
    assert not entry.model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not entry.model.setData(cell, "3", Qt.ItemDataRole.EditRole) and not entry.model.is_dirty()
    assert refused(entry.save_button) and refused(entry.revert_button)
    entry.apply_role(XIUWU_HEALTH)
    assert entry.model.setData(cell, "3", Qt.ItemDataRole.EditRole) and entry.save_button.isEnabled()
    entry.model.set_rows([])  # nothing to discard on close


def test_the_overview_starts_on_the_users_county(runner, qtbot) -> None:
    page = DashboardPage(runner)
    qtbot.addWidget(page)
    page.apply_role(Actor("test:city", role=READ_ONLY))
    assert page.scope == CITY_SCOPE
    page.apply_role(Actor("test:township", role=READ_ONLY, scope_code="410821103000"))
    assert page.scope == XIUWU
    with qtbot.waitSignal(page.ready, timeout=20000):
        page.show()
    assert page.scope_combo.currentData() == XIUWU
