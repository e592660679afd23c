"""The database layer: the only place that holds SQL. One repository module per aggregate."""
