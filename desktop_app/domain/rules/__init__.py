"""The rule catalogue (policy as data) and the shapes of rule results."""
