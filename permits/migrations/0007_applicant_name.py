"""The applicant's name on the application, for the worklist's name search.

Adds ``applicant_name``, copies every applicant's name into it (one ``UPDATE ... FROM`` on
PostgreSQL: about a minute for 1,000,000 applications), then builds the trigram index. On PostgreSQL
two triggers keep the copy right whatever writes the rows (the services, the admin, a bulk load):
a new or re-assigned application takes its applicant's name, and a renamed user renames their
applications. SQLite (the embedded run) relies on the services, which set the name themselves:
SQLite drops a table's triggers when a later migration rebuilds it.
"""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

import mpp.indexes

BACKFILL_POSTGRES = """
UPDATE permits_application AS a SET applicant_name = u.full_name
FROM accounts_user AS u WHERE u.id = a.applicant_id AND a.applicant_name IS DISTINCT FROM u.full_name
"""
BACKFILL_OTHER = """
UPDATE permits_application SET applicant_name = COALESCE(
    (SELECT full_name FROM accounts_user WHERE accounts_user.id = permits_application.applicant_id), '')
"""

TRIGGERS = """
CREATE FUNCTION permits_application_applicant_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.applicant_name := COALESCE((SELECT full_name FROM accounts_user WHERE id = NEW.applicant_id), '');
    RETURN NEW;
END $$;
CREATE TRIGGER permits_application_applicant_name
    BEFORE INSERT OR UPDATE OF applicant_id, applicant_name ON permits_application
    FOR EACH ROW EXECUTE FUNCTION permits_application_applicant_name();

CREATE FUNCTION accounts_user_rename_applications() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE permits_application SET applicant_name = NEW.full_name
    WHERE applicant_id = NEW.id AND applicant_name IS DISTINCT FROM NEW.full_name;
    RETURN NULL;
END $$;
CREATE TRIGGER accounts_user_rename_applications
    AFTER UPDATE OF full_name ON accounts_user
    FOR EACH ROW WHEN (OLD.full_name IS DISTINCT FROM NEW.full_name)
    EXECUTE FUNCTION accounts_user_rename_applications();
"""

DROP_TRIGGERS = """
DROP TRIGGER IF EXISTS accounts_user_rename_applications ON accounts_user;
DROP FUNCTION IF EXISTS accounts_user_rename_applications();
DROP TRIGGER IF EXISTS permits_application_applicant_name ON permits_application;
DROP FUNCTION IF EXISTS permits_application_applicant_name();
"""


def backfill(apps, schema_editor):
    postgres = schema_editor.connection.vendor == "postgresql"
    schema_editor.execute(BACKFILL_POSTGRES if postgres else BACKFILL_OTHER)


def add_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGERS)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGERS)


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("permits", "0006_risk_standard_declaration_verification"),
        ("services", "0006_kbli_risk"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="applicant_name",
            field=models.CharField(blank=True, editable=False, max_length=150, verbose_name="nama pemohon"),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(add_triggers, drop_triggers),
        migrations.AddIndex(
            model_name="application",
            index=mpp.indexes.PostgresGinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("applicant_name"), name="gin_trgm_ops"
                ),
                name="permit_app_name_trgm",
            ),
        ),
    ]
