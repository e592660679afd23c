"""Use cases called by both the GUI and the command line: one function, one transaction."""
