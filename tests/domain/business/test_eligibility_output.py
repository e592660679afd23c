"""The interchange §3 application object and the purity of the business package."""

from __future__ import annotations

import ast
import json
import sys
from datetime import date
from pathlib import Path

from ib_testkit import ROOT, MemoryHistory, application, business, check

DAY = date(2024, 4, 1)


def test_as_json_of_an_eligible_application():
    shop = business()
    app = application("ib.guarantee_loan", DAY, uscc=shop.uscc, facts={"贷款类型": "贴息", "贷款金额": "123456.78"})
    data = check(app, MemoryHistory([shop])).as_json("R-1")
    assert data == {"receipt_no": "R-1", "policy": "ib.guarantee_loan", "eligible": True, "amount": 123456.78,
                    "failed_rules": [], "reasons": ["符合全部条件，核定金额123,456.78元"]}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_as_json_of_an_ineligible_application_has_no_amount():
    shop = business(status="注销")
    app = application("ib.guarantee_loan", DAY, uscc=shop.uscc, facts={"贷款类型": "贴息", "贷款金额": "1000"})
    data = check(app, MemoryHistory([shop])).as_json()
    assert data["receipt_no"] == app.receipt_no
    assert data["eligible"] is False and data["amount"] is None
    assert data["failed_rules"] == ["ib.guarantee_loan"]
    assert data["reasons"] == ["个体工商户状态为“注销”，不是“存续”"]


def test_business_package_uses_the_standard_library_and_the_domain_only():
    package = ROOT / "desktop_app" / "domain" / "business"
    files = [*package.glob("*.py"), ROOT / "desktop_app" / "domain" / "money.py"]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                top = name.split(".")[0]
                allowed = top in sys.stdlib_module_names or name.startswith("desktop_app.domain") or top == "__future__"
                assert allowed and top != "sqlite3", f"{Path(path).name} imports {name}"
