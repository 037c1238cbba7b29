"""Django's system checks pass without warnings: e.g. two apps registering the same URL namespace
make `{% url %}` silently resolve to the wrong page."""

from django.core.management import call_command


def test_system_checks_report_no_warnings():
    call_command("check", fail_level="WARNING")
