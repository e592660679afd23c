"""Qt item models over service-provided lists."""
