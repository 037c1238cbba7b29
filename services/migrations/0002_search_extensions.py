from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm for typo-tolerant catalogue search; a no-op on SQLite."""

    dependencies = [("services", "0001_initial")]
    operations = [TrigramExtension()]
