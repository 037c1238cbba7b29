"""Migration operations that only make sense on PostgreSQL (the embedded run uses SQLite)."""

from django.db import migrations


class AddIndexOnPostgres(migrations.AddIndex):
    """AddIndex for PostgreSQL-only index types (GIN, trigram operator classes); SQLite keeps the
    model state but builds no index."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
