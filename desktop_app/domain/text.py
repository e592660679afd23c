"""Text helpers for search: pinyin initials of Chinese names (``修武县`` → ``xwx``).

pypinyin is imported on first use only: it costs ~150 ms, which start-up must not pay.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _pinyin_module():  # noqa: ANN202 - returns the lazily imported module
    import pypinyin

    return pypinyin


def pinyin_initials(text: str) -> str:
    """Lowercase initials of each Chinese character; Latin letters and digits are kept lowercase."""
    pypinyin = _pinyin_module()
    parts = pypinyin.lazy_pinyin(text or "", style=pypinyin.Style.FIRST_LETTER, errors=lambda s: list(s))
    return "".join(p[:1] if len(p) > 1 and not p.isascii() else p for p in parts).lower().replace(" ", "")


def pinyin_full(text: str) -> str:
    """Full toneless pinyin without spaces (``修武县`` → ``xiuwuxian``), for search."""
    pypinyin = _pinyin_module()
    return "".join(pypinyin.lazy_pinyin(text or "", errors=lambda s: list(s))).lower().replace(" ", "")
