"""The ``township-desk`` command line (interchange §1) over the same services as the GUI.

Exit status: 0 done; 2 the input was refused (one line per problem on stderr, nothing written);
1 anything else. The command line acts as the system administrator, audited as ``cli:<user>``.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop_app import __version__
from desktop_app.domain.errors import DatabaseFileError, DeskError, NotFound, PermissionDenied, RuleViolation, ValidationError

EXIT_OK, EXIT_ERROR, EXIT_REFUSED = 0, 1, 2
NOT_YET: dict[str, str] = {}
log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand of the contract."""
    parser = argparse.ArgumentParser(prog="township-desk", description="乡镇服务台 Township Desk")
    parser.add_argument("--version", action="version", version=f"township-desk {__version__}")
    parser.add_argument("--db", type=Path, help="数据库文件（默认在用户数据目录）")
    parser.add_argument("--demo", nargs="?", const="small", choices=("small", "city"), help="在示例数据库上启动")
    sub = parser.add_subparsers(dest="command")

    init = sub.add_parser("init", help="创建或升级数据库并载入区划代码")
    init.add_argument("--db", type=Path, required=True, dest="sub_db")
    init.add_argument("--demo", choices=("small", "city"), dest="sub_demo")
    init.add_argument("--seed", type=int, default=2023)

    template = sub.add_parser("template", help="生成空白导入模板")
    template.add_argument("--out", type=Path, required=True)

    imp = sub.add_parser("import", help="导入工作簿（全部成功或全部不写入）")
    imp.add_argument("--db", type=Path, required=True, dest="sub_db")
    imp.add_argument("file", type=Path)

    exp = sub.add_parser("export", help="导出整个数据库为工作簿")
    exp.add_argument("--db", type=Path, required=True, dest="sub_db")
    exp.add_argument("--out", type=Path, required=True)

    evaluate = sub.add_parser("evaluate", help="按日期评估所有规则并写出 JSON")
    evaluate.add_argument("--db", type=Path, required=True, dest="sub_db")
    evaluate.add_argument("--as-of", required=True)
    evaluate.add_argument("--json", type=Path, required=True)

    report = sub.add_parser("report", help="生成 PDF 报表")
    report.add_argument("kind")
    report.add_argument("--db", type=Path, required=True, dest="sub_db")
    report.add_argument("--out", type=Path, required=True)
    for option in ("--division", "--county", "--facility", "--year", "--receipt", "--visit"):
        report.add_argument(option)
    report.add_argument("--blank", action="store_true")

    backup = sub.add_parser("backup", help="在线备份数据库")
    backup.add_argument("--db", type=Path, required=True, dest="sub_db")
    backup.add_argument("--to", type=Path, required=True)

    restore = sub.add_parser("restore", help="从备份恢复数据库")
    restore.add_argument("--from", type=Path, required=True, dest="source")
    restore.add_argument("--db", type=Path, required=True, dest="sub_db")

    check = sub.add_parser("check", help="检查数据库完整性")
    check.add_argument("--db", type=Path, required=True, dest="sub_db")
    return parser


def _print_problems(error: ValidationError) -> None:
    for problem in error.problems:
        print(str(problem), file=sys.stderr)


def _run(args: argparse.Namespace) -> int:
    from desktop_app.domain.actor import cli_actor

    command = args.command
    if command in NOT_YET:
        print(NOT_YET[command], file=sys.stderr)
        return EXIT_ERROR
    if command == "evaluate":
        from datetime import date

        from desktop_app.domain.errors import Problem
        from desktop_app.services.database import open_context
        from desktop_app.services.evaluation import write_evaluation

        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise ValidationError(Problem("--as-of", f"日期应为 YYYY-MM-DD，而不是“{args.as_of}”")) from None
        ctx = open_context(args.sub_db, actor=cli_actor(), create=False)
        try:
            print(f"已写出评估结果：{write_evaluation(ctx, as_of=as_of, path=args.json)}")
        finally:
            ctx.close()
        return EXIT_OK
    if command == "report":
        return _report(args)
    if command == "template":
        from desktop_app.services.workbook import write_template

        print(f"已生成模板：{write_template(args.out)}")
        return EXIT_OK
    if command == "init":
        from desktop_app.services.database import initialize

        def progress(done: int, total: int, text: str) -> None:
            log.debug("%s %d/%d", text, done, total)

        result = initialize(args.sub_db, actor=cli_actor(), demo=args.sub_demo, seed=args.seed, progress=progress)
        counts = "，".join(f"{k} {v}" for k, v in result.demo_counts.items())
        print(f"数据库已就绪：{result.path}（区划 {result.divisions} 个{'；示例数据 ' + counts if counts else ''}）")
        return EXIT_OK
    if command == "check":
        from desktop_app.services.database import check_database

        report = check_database(args.sub_db)
        for problem in report.problems:
            print(problem, file=sys.stderr)
        if report.ok:
            chain = report.audit_chain
            trail = f"；审计记录 {chain.checked} 条，摘要链完好" if chain else ""
            print(f"数据库完好：{report.path}（结构版本 {', '.join(report.applied_migrations)}{trail}）")
        return EXIT_OK if report.ok else EXIT_ERROR
    if command in ("backup", "restore"):
        return _backup_or_restore(args)
    from desktop_app.services.database import open_context

    ctx = open_context(args.sub_db, actor=cli_actor(), create=command == "import")
    try:
        if command == "import":
            from desktop_app.services.backup import backup_before
            from desktop_app.services.workbook import import_workbook

            backup_before(ctx, "import")
            print(import_workbook(ctx, args.file).summary())
            return EXIT_OK
        if command == "export":
            from desktop_app.services.workbook import export_workbook

            print(f"已导出：{export_workbook(ctx, args.out)}")
            return EXIT_OK
    finally:
        ctx.close()
    raise AssertionError(f"unhandled command {command}")


def _report(args: argparse.Namespace) -> int:
    """``report KIND``: one PDF, written atomically (no file is left when the report is refused)."""
    from desktop_app.domain.actor import cli_actor
    from desktop_app.services.database import open_context
    from desktop_app.services.reports import parse_year, write_report

    if args.division and args.county and args.division != args.county:
        from desktop_app.domain.errors import Problem

        raise ValidationError(Problem("--county", "--county 是 --division 的别名，两者不能给出不同的代码"))
    year = parse_year(args.year)
    ctx = open_context(args.sub_db, actor=cli_actor(), create=False)
    try:
        out = write_report(ctx, out=args.out, kind=args.kind, division=args.division or args.county,
                           facility=args.facility, year=year, blank=args.blank, receipt=args.receipt,
                           visit=args.visit)
    finally:
        ctx.close()
    print(f"已生成报表：{out}")
    return EXIT_OK


def _backup_or_restore(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from desktop_app.domain.actor import cli_actor
    from desktop_app.services.backup import backup_database_file, restore

    if args.command == "backup":
        result = backup_database_file(args.sub_db, args.to, actor=cli_actor())
        print(f"已备份：{result.path}（{result.size} 字节，已通过完整性检查）")
        return EXIT_OK
    try:
        done = restore(args.source, args.sub_db, actor=cli_actor())
    except ValidationError as refused:
        raise ValidationError([replace(p, field="--from") for p in refused.problems]) from refused
    print(f"已从备份恢复：{done.source} → {done.target}")
    print(f"原数据库文件已保留为：{done.kept}" if done.kept else "恢复前该位置没有数据库文件，无需保留旧文件")
    if done.pending_migrations:
        print("该备份的结构版本较旧，下次打开时将自动升级：" + "、".join(done.pending_migrations))
    if done.audit_chain is not None and not done.audit_chain.ok:
        print(f"注意：该备份的审计记录链在编号 {done.audit_chain.first_broken_id} 处断开：{done.audit_chain.reason}",
              file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (or the GUI when no subcommand is given); return the exit status."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        from desktop_app.app import run_gui

        return run_gui(db_path=args.db, demo=args.demo)
    try:
        return _run(args)
    except ValidationError as error:
        _print_problems(error)
        return EXIT_REFUSED
    except (RuleViolation, NotFound, PermissionDenied) as error:
        print(str(error), file=sys.stderr)
        return EXIT_REFUSED
    except DatabaseFileError as error:
        print(str(error), file=sys.stderr)
        return EXIT_ERROR
    except DeskError as error:
        print(str(error), file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the CLI's error boundary
        log.exception("command failed")
        print(f"意外错误：{type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
