"""Permit applications: models arrive with the applications issue."""
