"""Thin dialogs: load values, show validation messages next to fields, return a value."""
