"""Plain-Python domain layer: entities, validators, rule engine, money. No Qt, no SQL."""
