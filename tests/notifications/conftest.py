import pytest


@pytest.fixture(autouse=True)
def _notification_settings(settings, tmp_path):
    """Text messages go to a file; quiet hours are off unless a test turns them on (CI runs at
    any hour)."""
    settings.MPP_SMS_GATEWAY = "file"
    settings.MPP_SMS_GATEWAY_FILE = str(tmp_path / "messages.jsonl")
    settings.MPP_QUIET_HOURS_START = "00:00"
    settings.MPP_QUIET_HOURS_END = "00:00"
    settings.MPP_STAFF_OFFICE_HOURS_ONLY = False
    settings.CELERY_TASK_ALWAYS_EAGER = False


@pytest.fixture
def text_messages(settings):
    """The WhatsApp/SMS messages written by the file gateway, as dicts."""
    import json
    from pathlib import Path

    def read():
        path = Path(settings.MPP_SMS_GATEWAY_FILE)
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]

    return read
