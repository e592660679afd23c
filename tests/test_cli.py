"""The command line: exit codes and messages of the interchange contract (run as a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook


ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run this checkout's command line (not whichever copy happens to be installed)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def test_init_template_import_export_check(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    assert run("init", "--db", str(db), "--demo", "small", cwd=tmp_path).returncode == 0
    assert run("template", "--out", str(tmp_path / "t.xlsx"), cwd=tmp_path).returncode == 0
    assert (tmp_path / "t.xlsx").exists()
    exported = run("export", "--db", str(db), "--out", str(tmp_path / "e.xlsx"), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    other = tmp_path / "other.sqlite3"
    imported = run("import", "--db", str(other), str(tmp_path / "e.xlsx"), cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "村庄：新增" in imported.stdout
    checked = run("check", "--db", str(other), cwd=tmp_path)
    assert checked.returncode == 0 and "完好" in checked.stdout


def test_refused_import_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    run("init", "--db", str(db), cwd=tmp_path)
    book = Workbook()
    sheet = book.active
    sheet.title = "村庄"
    sheet.append(["区划代码", "名称", "类型", "常住人口"])
    sheet.append(["410821100201", "甲村", "行政村", -1])
    sheet.append(["410821999201", "乙村", "行政村", "多"])
    book.save(tmp_path / "bad.xlsx")
    result = run("import", "--db", str(db), str(tmp_path / "bad.xlsx"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["村庄, row 2, 常住人口: 不能小于0", "村庄, row 3, 常住人口: 应为整数，而不是“多”"]


def test_corrupt_database_exits_1_and_is_not_overwritten(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    db.write_bytes(b"PK\x03\x04 not sqlite")
    for command in (["check", "--db", str(db)], ["export", "--db", str(db), "--out", str(tmp_path / "x.xlsx")],
                    ["init", "--db", str(db)]):
        result = run(*command, cwd=tmp_path)
        assert result.returncode == 1 and "不是 SQLite" in result.stderr
    assert db.read_bytes() == b"PK\x03\x04 not sqlite"


def test_report_writes_a_pdf_and_refuses_bad_options_without_a_file(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    run("init", "--db", str(db), "--demo", "small", cwd=tmp_path)
    made = run("report", "county-summary", "--db", str(db), "--county", "410821000000", "--year", "2025",
               "--out", str(tmp_path / "summary.pdf"), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF")
    unknown = run("report", "no-such-kind", "--db", str(db), "--out", str(tmp_path / "x.pdf"), cwd=tmp_path)
    assert unknown.returncode == 2 and "未知的报表种类" in unknown.stderr
    bad_year = run("report", "county-summary", "--db", str(db), "--division", "410821000000", "--year", "20x5",
                   "--out", str(tmp_path / "y.pdf"), cwd=tmp_path)
    assert bad_year.returncode == 2 and bad_year.stderr.startswith("year: ") and "20x5" in bad_year.stderr
    missing = run("report", "facility-inspection", "--db", str(tmp_path / "none.sqlite3"),
                  "--out", str(tmp_path / "z.pdf"), cwd=tmp_path)
    assert missing.returncode == 1
    assert not any((tmp_path / name).exists() for name in ("x.pdf", "y.pdf", "z.pdf", "none.sqlite3"))


def test_backup_restore_and_a_refused_source(tmp_path: Path) -> None:
    db, folder = tmp_path / "desk.sqlite3", tmp_path / "backups"
    run("init", "--db", str(db), cwd=tmp_path)
    made = run("backup", "--db", str(db), "--to", str(folder), cwd=tmp_path)
    assert made.returncode == 0 and "已备份" in made.stdout, made.stderr
    (copy,) = folder.iterdir()
    restored = run("restore", "--from", str(copy), "--db", str(db), cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    (kept,) = tmp_path.glob("desk.before-restore-*.sqlite3")
    assert f"原数据库文件已保留为：{kept}" in restored.stdout
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a backup" * 10)
    refused = run("restore", "--from", str(bad), "--db", str(db), cwd=tmp_path)
    assert refused.returncode == 2 and refused.stderr.strip().splitlines() == [
        f"--from: 不是 SQLite 数据库文件（{bad}），未做任何改动"]
    assert len(list(tmp_path.glob("desk.before-restore-*"))) == 1
    missing = run("backup", "--db", str(tmp_path / "none.sqlite3"), "--to", str(folder), cwd=tmp_path)
    assert missing.returncode == 1 and not (tmp_path / "none.sqlite3").exists()


def test_check_reports_the_first_broken_link_of_the_audit_chain(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "desk.sqlite3"
    run("init", "--db", str(db), "--demo", "small", cwd=tmp_path)
    clean = run("check", "--db", str(db), cwd=tmp_path)
    assert clean.returncode == 0 and "摘要链完好" in clean.stdout, clean.stderr
    conn = sqlite3.connect(db)
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").fetchall()
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE audit_log SET actor = 'someone-else' WHERE id = 2")
    for _name, sql in triggers:
        conn.execute(sql)
    conn.commit()
    conn.close()
    broken = run("check", "--db", str(db), cwd=tmp_path)
    assert broken.returncode == 1 and "审计记录链在编号 2 处断开" in broken.stderr


def test_version(tmp_path: Path) -> None:
    from desktop_app import __version__

    assert run("--version", cwd=tmp_path).stdout.strip() == f"township-desk {__version__}"


def test_evaluate_writes_json_and_refuses_a_bad_date(tmp_path: Path) -> None:
    import json

    db = tmp_path / "desk.sqlite3"
    run("init", "--db", str(db), "--demo", "small", cwd=tmp_path)
    out = tmp_path / "evaluation.json"
    result = run("evaluate", "--db", str(db), "--as-of", "2025-12-31", "--json", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["as_of"] == "2025-12-31"
    assert {"facilities", "villages", "staff", "counties", "city"} <= set(document)
    assert len(document["counties"]) == 11
    bad = run("evaluate", "--db", str(db), "--as-of", "2025-02-30", "--json", str(tmp_path / "x.json"), cwd=tmp_path)
    assert bad.returncode == 2 and "--as-of" in bad.stderr
    assert not (tmp_path / "x.json").exists()
    missing = run("evaluate", "--db", str(tmp_path / "none.sqlite3"), "--as-of", "2025-12-31", "--json", str(out), cwd=tmp_path)
    assert missing.returncode == 1 and not (tmp_path / "none.sqlite3").exists()


def test_evaluate_writes_the_applications_with_masked_ids_and_yuan(tmp_path: Path) -> None:
    import json
    import re
    import sqlite3

    db = tmp_path / "desk.sqlite3"
    assert run("init", "--db", str(db), "--demo", "small", cwd=tmp_path).returncode == 0
    out = tmp_path / "evaluation.json"
    result = run("evaluate", "--db", str(db), "--as-of", "2024-12-31", "--json", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    document = json.loads(text)
    assert list(document) == ["as_of", "catalogue_version", "facilities", "villages", "staff", "counties", "city", "subsidies",
                              "applications"]
    with sqlite3.connect(db) as conn:
        received = {r[0]: r[1] for r in conn.execute("SELECT receipt_no, base_policy_id FROM applications WHERE received_on <= '2024-12-31'")}
        people = {r[0] for r in conn.execute("SELECT id_number FROM applications WHERE id_number IS NOT NULL"
                                             " UNION SELECT operator_id_number FROM businesses UNION SELECT id_number FROM person_statuses"
                                             " UNION SELECT hired_id_number FROM application_hires")}
    applications = document["applications"]
    assert [a["receipt_no"] for a in applications] == sorted(received)  # received by the as-of date, in receipt order
    assert {a["policy"] for a in applications} == set(received.values())
    assert all(set(a) == {"receipt_no", "policy", "eligible", "amount", "failed_rules", "reasons"} for a in applications)
    assert not set(re.findall(r"\d{17}[\dX]", text)) & people, "personal ID numbers are masked"
    assert re.search(r"4108\*{10}[0-9X]{4}", text)
    eligible = [a for a in applications if a["eligible"]]
    assert len(eligible) > len(applications) / 2 and all(not a["failed_rules"] for a in eligible)
    assert all(isinstance(a["amount"], (int, float)) and len(f"{a['amount']}".partition(".")[2]) <= 2 for a in eligible)
    assert all(a["amount"] is None and a["failed_rules"] and a["reasons"] for a in applications if not a["eligible"])
    startup = next(a for a in eligible if a["policy"] == "ib.startup_subsidy")
    assert startup["amount"] == 5000.0 and startup["reasons"][0] == "符合全部条件，核定金额5,000.00元"
    stable = [a["amount"] for a in eligible if a["policy"] == "emp.stable_job_return"]
    assert any(round(a * 100) % 100 for a in stable)  # amounts with fen are kept to the fen


def test_report_of_a_business_desk_case_and_a_refused_receipt(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "desk.sqlite3"
    run("init", "--db", str(db), "--demo", "small", cwd=tmp_path)
    with sqlite3.connect(db) as conn:
        refused = conn.execute("SELECT receipt_no FROM applications WHERE status = '不予批准' LIMIT 1").fetchone()[0]
        accepted = conn.execute("SELECT receipt_no FROM applications WHERE status = '已受理' LIMIT 1").fetchone()[0]
    made = run("report", "decision-notice", "--db", str(db), "--receipt", refused, "--out", str(tmp_path / "notice.pdf"),
               cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "notice.pdf").read_bytes().startswith(b"%PDF")
    undecided = run("report", "decision-notice", "--db", str(db), "--receipt", accepted, "--out", str(tmp_path / "a.pdf"),
                    cwd=tmp_path)
    assert undecided.returncode == 2 and "尚未作出审批决定" in undecided.stderr
    unknown = run("report", "acceptance-receipt", "--db", str(db), "--receipt", "410821209901010001",
                  "--out", str(tmp_path / "b.pdf"), cwd=tmp_path)
    assert unknown.returncode == 2 and "410821209901010001" in unknown.stderr
    no_year = run("report", "payment-ledger", "--db", str(db), "--division", "410821000000", "--year", "2019",
                  "--out", str(tmp_path / "c.pdf"), cwd=tmp_path)
    assert no_year.returncode == 2 and "2019年没有发放记录" in no_year.stderr
    assert not any((tmp_path / name).exists() for name in ("a.pdf", "b.pdf", "c.pdf"))
