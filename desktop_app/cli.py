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
NOT_YET = {
    "report": "报表（report）尚未提供，将随“打印报表”功能上线",
    "backup": "备份（backup）尚未提供，将随“用户、权限、审计与备份”功能上线",
    "restore": "恢复（restore）尚未提供，将随“用户、权限、审计与备份”功能上线",
}
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
        from desktop_app.services.health_evaluation import write_evaluation

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
            print(f"数据库完好：{report.path}（结构版本 {', '.join(report.applied_migrations)}）")
        return EXIT_OK if report.ok else EXIT_ERROR
    from desktop_app.services.database import open_context

    ctx = open_context(args.sub_db, actor=cli_actor(), create=command == "import")
    try:
        if command == "import":
            from desktop_app.services.workbook import import_workbook

            print(import_workbook(ctx, args.file).summary())
            return EXIT_OK
        if command == "export":
            from desktop_app.services.workbook import export_workbook

            print(f"已导出：{export_workbook(ctx, args.out)}")
            return EXIT_OK
    finally:
        ctx.close()
    raise AssertionError(f"unhandled command {command}")


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
