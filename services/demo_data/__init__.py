"""Demo data of MPP Kota Probolinggo: agencies, categories and services with their standards."""
