import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations

import mpp.indexes
import mpp.migration_ops


class Migration(migrations.Migration):
    """Trigram index for the worklist's search by applicant name (PostgreSQL only)."""

    dependencies = [
        ("accounts", "0002_initial"),
        ("agencies", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("services", "0002_search_extensions"),
    ]

    operations = [
        mpp.migration_ops.AddIndexOnPostgres(
            model_name="user",
            index=mpp.indexes.PostgresGinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("full_name"), name="gin_trgm_ops"
                ),
                name="accounts_user_name_trgm",
            ),
        ),
    ]
