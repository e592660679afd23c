"""The Qt user interface: windows, pages, table models and dialogs. No SQL and no rules here."""
