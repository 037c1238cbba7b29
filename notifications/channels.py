"""How a delivery leaves the building: e-mail through Django's backend, WhatsApp/SMS through a
message gateway chosen by ``MPP_SMS_GATEWAY`` ("http", "console" or "file")."""

from __future__ import annotations

import json
import logging
import threading
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.mail import send_mail

from accounts.services import is_deliverable_email

from .models import Channel, Delivery

logger = logging.getLogger(__name__)


class DeliveryError(Exception):
    """The channel could not send (the message is retried, then marked failed)."""


class NoAddress(DeliveryError):
    """The recipient has no address for this channel; retrying cannot help."""


class MessageGateway:
    """Sends a short text to a phone number over WhatsApp or SMS."""

    def send(self, *, channel: str, to: str, message: str) -> None:
        raise NotImplementedError


class HttpGateway(MessageGateway):
    """POSTs ``{"to", "message", "channel"}`` as JSON with a bearer token; non-2xx raises."""

    def __init__(self, *, url: str, token: str, timeout: float = 10):
        self.url = url
        self.token = token
        self.timeout = timeout

    def send(self, *, channel: str, to: str, message: str) -> None:
        if not self.url:
            raise DeliveryError("MPP_SMS_GATEWAY_URL is not set")
        data = json.dumps({"to": to, "message": message, "channel": channel}).encode()
        request = urllib.request.Request(
            self.url,
            data=data,
            method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}"},
        )
        try:
            # urlopen raises HTTPError for 4xx/5xx; 1xx/3xx that reach here are refused too.
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                if not 200 <= response.status < 300:
                    raise DeliveryError(f"gateway answered HTTP {response.status}")
        except urllib.error.HTTPError as exc:
            raise DeliveryError(f"gateway answered HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise DeliveryError(f"gateway unreachable: {exc}") from exc


class ConsoleGateway(MessageGateway):
    """Development: writes the message to the log."""

    def send(self, *, channel: str, to: str, message: str) -> None:
        logger.info("%s to %s: %s", channel, to, message)


class FileGateway(MessageGateway):
    """Tests and benchmarks: appends one JSON line per message to a file."""

    _lock = threading.Lock()

    def __init__(self, *, path: str | Path):
        self.path = Path(path)

    def send(self, *, channel: str, to: str, message: str) -> None:
        line = json.dumps({"channel": channel, "to": to, "message": message}, ensure_ascii=False)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")


def message_gateway() -> MessageGateway:
    kind = settings.MPP_SMS_GATEWAY
    if kind == "http":
        return HttpGateway(url=settings.MPP_SMS_GATEWAY_URL, token=settings.MPP_SMS_GATEWAY_TOKEN)
    if kind == "file":
        return FileGateway(path=settings.MPP_SMS_GATEWAY_FILE)
    if kind == "console":
        return ConsoleGateway()
    raise DeliveryError(f"unknown MPP_SMS_GATEWAY {kind!r}")


def _absolute(link: str) -> str:
    if link.startswith("/"):
        return settings.MPP_PUBLIC_BASE_URL.rstrip("/") + link
    return link


def send_email(delivery: Delivery) -> None:
    notification = delivery.notification
    address = notification.recipient.email
    # Citizens registered at the counter without e-mail get a reserved placeholder address.
    if not is_deliverable_email(address):
        raise NoAddress("no deliverable e-mail address")
    body = notification.body
    if notification.link:
        body += "\n\n" + _absolute(notification.link)
    subject = " ".join(notification.title.split())
    try:
        send_mail(subject, body, None, [address], fail_silently=False)
    except Exception as exc:  # SMTP and socket errors alike are recorded and retried
        raise DeliveryError(f"{type(exc).__name__}: {exc}") from exc


def send_text(delivery: Delivery) -> None:
    notification = delivery.notification
    phone = notification.recipient.phone
    if not phone:
        raise NoAddress("no phone number")
    message = f"{notification.title}\n{notification.body}"
    if notification.link:
        message += "\n" + _absolute(notification.link)
    message_gateway().send(channel=delivery.channel, to=phone, message=message)


def send(delivery: Delivery) -> None:
    """Send one delivery; raises :class:`DeliveryError` on failure."""
    if delivery.channel == Channel.EMAIL:
        send_email(delivery)
    else:
        send_text(delivery)
