"""Index types that exist only on PostgreSQL, declared so that the embedded SQLite run still works."""

from django.contrib.postgres.indexes import GinIndex
from django.db.backends.ddl_references import Statement


class PostgresGinIndex(GinIndex):
    """A GIN index (e.g. trigram operator classes) on PostgreSQL and no index elsewhere.

    SQLite has no GIN, and it applies most schema changes by rebuilding the whole table with every
    index of the model state, so a plain GinIndex breaks the first later migration that touches the
    table (a changed constraint, a new field). Here SQLite gets a statement that does nothing.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor == "postgresql":
            return super().create_sql(model, schema_editor, using=using, **kwargs)
        return Statement("SELECT 1")

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor == "postgresql":
            return super().remove_sql(model, schema_editor, **kwargs)
        return Statement("SELECT 1")
