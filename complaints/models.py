"""Complaints and the satisfaction survey: models arrive with their issue."""
