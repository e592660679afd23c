"""Reusable widgets of the GUI."""
