"""Township Desk (乡镇服务台): offline desktop app for Jiaozuo's townships.

The version below is the single source of truth: the window title, the About dialog,
report footers and ``township-desk --version`` all read it.
"""

__version__ = "0.1.0"
