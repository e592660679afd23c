"""Reports: turn plain data into PDF bytes with reportlab.

This package touches neither the database nor Qt. ``fonts`` registers the embedded CJK fonts and
routes characters the main font lacks to the fallback font; ``document`` is the A4 base (title
block, tables, page numbers, footer, demo marking) that every report kind builds on.
"""
