"""The pages of the main window, one module per module of the app."""
