from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Akun dan peran")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .roles import sync_role_groups

        # Permissions are created app by app after migrate; syncing after every app means the
        # groups get the permissions of apps that come after this one too.
        post_migrate.connect(sync_role_groups, dispatch_uid="mpp_sync_role_groups")

        from django.contrib.auth import user_logged_in
        from django.contrib.auth.models import update_last_login

        from .signals import record_last_login

        # Django saves the whole user on login, which would write an audit row per login;
        # last_login is not audited, so it is stored without a history row.
        user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
        user_logged_in.connect(record_last_login, dispatch_uid="mpp_record_last_login")
