"""Save a PNG of the main window on a demo database (offscreen), signed in as the demo administrator.

``python scripts/screenshot_main_window.py DB OUT.png [LANGUAGE] [MODULE]`` — MODULE is a navigation
key (divisions, overview, facilities, staff, subsidies, businesses, applications, reports, admin);
``divisions`` (default) also selects 周庄镇 so the village list is filled.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.app import gui_actor  # noqa: E402
from desktop_app.services import users  # noqa: E402
from desktop_app.services.database import open_context  # noqa: E402
from desktop_app.ui.fonts import install_fonts  # noqa: E402
from desktop_app.ui.i18n import install_translation  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.ops import OpRunner  # noqa: E402
from desktop_app.ui.settings import AppSettings  # noqa: E402


def main() -> int:
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    language = sys.argv[3] if len(sys.argv) > 3 else "zh_CN"
    module = sys.argv[4] if len(sys.argv) > 4 else "divisions"
    app = QApplication([])
    install_fonts(app)
    keep = install_translation(app, language)
    runner = OpRunner(lambda: open_context(db, actor=gui_actor()))
    # The same worker context serves the window's queries, so they run as the signed-in user.
    runner.query(lambda ctx, _p: users.sign_in(ctx, user_name="admin", password=users.DEMO_PASSWORD), lambda _a: None)
    window = MainWindow(runner, AppSettings(Path("/tmp/screenshot-settings.ini")), db_path=db,
                        user_name="gui:demo", demo_dataset="small")
    window.resize(1280, 760)
    window.show()

    def select_township() -> None:
        page = window.divisions_page
        page.tree_search.setText("xwx")
        QTimer.singleShot(300, lambda: (page.tree_search.setText("周庄"), QTimer.singleShot(600, grab)))

    def grab() -> None:
        window.grab().save(str(out))
        app.quit()

    def show_module() -> None:
        window.select_module(module)
        QTimer.singleShot(2500, grab)

    window.ready.connect(lambda: QTimer.singleShot(100, select_township if module == "divisions" else show_module))
    app.exec()
    runner.shutdown()
    del keep
    return 0


if __name__ == "__main__":
    sys.exit(main())
