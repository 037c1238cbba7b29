from django.utils import timezone


def record_last_login(sender, user, **kwargs) -> None:
    """Store last_login without saving the user (and so without an audit row per login)."""
    user.last_login = timezone.now()
    type(user).objects.filter(pk=user.pk).update(last_login=user.last_login)
