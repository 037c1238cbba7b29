"""The MPP floor: queues with a letter prefix, counters (loket) that serve them, tickets numbered per
queue per day, online bookings with a per-slot quota, and the figures kept when a day closes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PriorityPolicy(models.TextChoices):
    # Service BC / Qmatic "served first": any waiting priority ticket goes before regular ones.
    FIRST = "first", _("Prioritas dilayani lebih dulu")
    # One priority ticket after every N regular ones, so regular visitors are not starved.
    INTERLEAVE = "interleave", _("Satu prioritas setiap N tiket biasa")


class Queue(models.Model):
    """One line of visitors for a set of an agency's services, shown as a letter prefix (A001)."""

    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.CASCADE, related_name="queues"
    )
    prefix = models.CharField(_("huruf awalan"), max_length=2, unique=True)
    name = models.CharField(_("nama antrian"), max_length=120)
    services = models.ManyToManyField(
        "services.Service", verbose_name=_("layanan"), related_name="queues", blank=True
    )
    priority_policy = models.CharField(
        _("kebijakan prioritas"), max_length=12, choices=PriorityPolicy.choices, default=PriorityPolicy.FIRST
    )
    priority_every = models.PositiveSmallIntegerField(
        _("N tiket biasa per satu prioritas"),
        default=3,
        help_text=_("Dipakai pada kebijakan selang-seling: satu prioritas setelah N tiket biasa."),
    )
    default_service_minutes = models.PositiveSmallIntegerField(
        _("lama layanan bawaan (menit)"),
        default=10,
        help_text=_("Perkiraan lama layanan sampai ada riwayat tiket yang selesai."),
    )
    slot_minutes = models.PositiveSmallIntegerField(_("panjang sesi (menit)"), default=30)
    slot_capacity = models.PositiveSmallIntegerField(_("kapasitas per sesi"), default=12)
    booking_share = models.PositiveSmallIntegerField(
        _("bagian kapasitas untuk pemesanan daring (%)"),
        default=50,
        help_text=_("Bagian kapasitas tiap sesi yang disimpan untuk pemesan daring."),
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("antrian")
        verbose_name_plural = _("antrian")
        ordering = ["prefix"]
        constraints = [
            models.CheckConstraint(condition=Q(booking_share__lte=100), name="queue_booking_share_percent"),
            models.CheckConstraint(condition=Q(slot_minutes__gte=5), name="queue_slot_minutes_min"),
            models.CheckConstraint(condition=Q(priority_every__gte=1), name="queue_priority_every_min"),
        ]

    def __str__(self) -> str:
        return f"{self.prefix} — {self.name}"

    @property
    def booking_quota_per_slot(self) -> int:
        return self.slot_capacity * self.booking_share // 100


class CounterStatus(models.TextChoices):
    OPEN = "open", _("Buka")
    BREAK = "break", _("Istirahat")
    CLOSED = "closed", _("Tutup")


class Counter(models.Model):
    """A service counter (loket) of an agency on the MPP floor."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="counters",
    )
    number = models.PositiveSmallIntegerField(_("nomor loket"), unique=True)
    label = models.CharField(_("nama loket"), max_length=100)
    is_active = models.BooleanField(_("aktif"), default=True)
    queues = models.ManyToManyField(
        Queue, verbose_name=_("antrian yang dilayani"), related_name="counters", blank=True
    )
    status = models.CharField(
        _("status"), max_length=8, choices=CounterStatus.choices, default=CounterStatus.CLOSED
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(_("status berubah"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("loket")
        verbose_name_plural = _("loket")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Loket {self.number} — {self.label}"


class QueueBreak(models.Model):
    """A daily pause in calling (ISHOMA, Friday prayers): counters cannot call next during it."""

    label = models.CharField(_("keterangan"), max_length=100)
    weekday = models.PositiveSmallIntegerField(
        _("hari"), null=True, blank=True, help_text=_("0 = Senin ... 6 = Minggu; kosong = setiap hari.")
    )
    starts_at = models.TimeField(_("mulai"))
    ends_at = models.TimeField(_("selesai"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jeda pemanggilan")
        verbose_name_plural = _("jeda pemanggilan")
        ordering = ["weekday", "starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(starts_at__lt=models.F("ends_at")), name="queue_break_order"),
            models.CheckConstraint(
                condition=Q(weekday__isnull=True) | Q(weekday__lte=6), name="queue_break_weekday"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} {self.starts_at:%H:%M}-{self.ends_at:%H:%M}"


class QueueDay(models.Model):
    """The per-(queue, day) counter row: locked to hand out the next number; also counts walk-ins
    against the walk-in share of the day's capacity. Numbers restart every day (a new row).

    ``waiting`` and ``waiting_priority`` are the day's tickets in status "waiting" (all, and those
    with a priority reason), kept by the services in the same locked transactions that change a
    ticket's status (issue and transfer add one, call, cancel and closing time take it off), so
    the kiosk's "people ahead" needs no COUNT over the line (issue 6)."""

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    last_number = models.PositiveIntegerField(default=0)
    walk_ins = models.PositiveIntegerField(default=0)
    waiting = models.PositiveIntegerField(default=0)
    waiting_priority = models.PositiveIntegerField(default=0)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["queue", "day"], name="queue_day_unique")]

    def __str__(self) -> str:
        return f"{self.queue.prefix} {self.day}"


class TicketStatus(models.TextChoices):
    WAITING = "waiting", _("Menunggu")
    CALLED = "called", _("Dipanggil")
    SERVING = "serving", _("Sedang dilayani")
    DONE = "done", _("Selesai")
    NO_SHOW = "no_show", _("Tidak hadir")
    CANCELLED = "cancelled", _("Dibatalkan")
    TRANSFERRED = "transferred", _("Dialihkan")


_T = TicketStatus
# The one table of allowed ticket status changes.
TICKET_TRANSITIONS: dict[str, frozenset[str]] = {
    _T.WAITING: frozenset({_T.CALLED, _T.CANCELLED, _T.NO_SHOW}),
    _T.CALLED: frozenset({_T.CALLED, _T.SERVING, _T.NO_SHOW, _T.TRANSFERRED}),  # CALLED->CALLED: recall
    _T.SERVING: frozenset({_T.DONE, _T.TRANSFERRED}),
    _T.DONE: frozenset(),
    _T.NO_SHOW: frozenset(),
    _T.CANCELLED: frozenset(),
    _T.TRANSFERRED: frozenset(),
}
OPEN_TICKET_STATUSES = (_T.WAITING, _T.CALLED, _T.SERVING)


class PriorityReason(models.TextChoices):
    NONE = "", _("Tidak ada")
    ELDERLY = "elderly", _("Lanjut usia")
    DISABILITY = "disability", _("Penyandang disabilitas")
    PREGNANT = "pregnant", _("Ibu hamil")
    INFANT = "infant", _("Membawa bayi/balita")


class TicketSource(models.TextChoices):
    WALK_IN = "walk_in", _("Datang langsung")
    BOOKING = "booking", _("Pemesanan daring")
    TRANSFER = "transfer", _("Pengalihan")


class Ticket(models.Model):
    queue = models.ForeignKey(
        Queue, verbose_name=_("antrian"), on_delete=models.PROTECT, related_name="tickets"
    )
    day = models.DateField(_("tanggal"))
    number = models.PositiveIntegerField(_("nomor"))
    code = models.CharField(_("nomor antrian"), max_length=12)
    # The ticket's QR and status page use this; guessing it is as hard as guessing a UUID.
    token = models.CharField(max_length=32, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=TicketStatus.choices, default=TicketStatus.WAITING
    )
    source = models.CharField(
        _("asal"), max_length=10, choices=TicketSource.choices, default=TicketSource.WALK_IN
    )
    priority_reason = models.CharField(
        _("prioritas"), max_length=12, choices=PriorityReason.choices, blank=True, default=""
    )
    service = models.ForeignKey(
        "services.Service",
        verbose_name=_("layanan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="queue_tickets",
    )
    # The place in line: the issue time, kept by a transfer so the visitor does not start over.
    queued_at = models.DateTimeField(_("masuk antrian"))
    issued_at = models.DateTimeField(_("diterbitkan"), auto_now_add=True)
    counter = models.ForeignKey(
        Counter,
        verbose_name=_("loket"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
    )
    # A transfer to one counter: only that counter may call the ticket.
    for_counter = models.ForeignKey(
        Counter, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    transferred_from = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="transferred_to"
    )
    called_at = models.DateTimeField(null=True, blank=True)
    call_count = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    near_notified_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["token"])

    class Meta:
        verbose_name = _("tiket antrian")
        verbose_name_plural = _("tiket antrian")
        ordering = ["day", "queued_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["queue", "day", "number"], name="ticket_number_unique_per_queue_day"
            ),
        ]
        indexes = [
            # call-next and the position: the waiting tickets of a queue in line order.
            models.Index(
                fields=["queue", "day", "queued_at", "id"],
                name="ticket_waiting_line",
                condition=Q(status="waiting"),
            ),
            models.Index(fields=["counter", "status"], name="ticket_counter_status"),
            models.Index(fields=["queue", "finished_at"], name="ticket_queue_finished"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def is_priority(self) -> bool:
        return bool(self.priority_reason)


class BookingStatus(models.TextChoices):
    ACTIVE = "active", _("Aktif")
    CHECKED_IN = "checked_in", _("Sudah check-in")
    CANCELLED = "cancelled", _("Dibatalkan")
    EXPIRED = "expired", _("Kedaluwarsa")


BOOKING_HOLDING_STATUSES = (BookingStatus.ACTIVE, BookingStatus.CHECKED_IN)


class SlotLedger(models.Model):
    """One session of one queue on one day: its capacity, the share kept for online bookings and
    how much of it is booked. The row is locked while booking, so the quota is never exceeded."""

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="slots")
    day = models.DateField()
    starts_at = models.TimeField()
    ends_at = models.TimeField()
    capacity = models.PositiveSmallIntegerField()
    booking_quota = models.PositiveSmallIntegerField()
    booked = models.PositiveSmallIntegerField(default=0)
    checked_in = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["day", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["queue", "day", "starts_at"], name="slot_unique"),
            models.CheckConstraint(
                condition=Q(booked__lte=models.F("booking_quota")), name="slot_quota_not_exceeded"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.queue.prefix} {self.day} {self.starts_at:%H:%M}"


class Booking(models.Model):
    code = models.CharField(_("kode pemesanan"), max_length=10, unique=True)
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("warga"),
        on_delete=models.CASCADE,
        related_name="queue_bookings",
    )
    nik = models.CharField(_("NIK"), max_length=16)
    service = models.ForeignKey(
        "services.Service", verbose_name=_("layanan"), on_delete=models.PROTECT, related_name="+"
    )
    queue = models.ForeignKey(
        Queue, verbose_name=_("antrian"), on_delete=models.PROTECT, related_name="bookings"
    )
    slot = models.ForeignKey(SlotLedger, on_delete=models.PROTECT, related_name="bookings")
    day = models.DateField(_("tanggal"))
    starts_at = models.TimeField(_("jam sesi"))
    priority_reason = models.CharField(
        _("prioritas"), max_length=12, choices=PriorityReason.choices, blank=True, default=""
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.ACTIVE
    )
    ticket = models.OneToOneField(
        Ticket, on_delete=models.SET_NULL, null=True, blank=True, related_name="booking"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    reminded_day_before_at = models.DateTimeField(null=True, blank=True)
    reminded_hour_before_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pemesanan antrian")
        verbose_name_plural = _("pemesanan antrian")
        ordering = ["-day", "starts_at"]
        constraints = [
            # One active booking per NIK per service per day (bots and resale).
            models.UniqueConstraint(
                fields=["nik", "service", "day"],
                condition=Q(status__in=["active", "checked_in"]),
                name="booking_one_per_nik_service_day",
            ),
        ]
        indexes = [models.Index(fields=["status", "day"], name="booking_status_day")]

    def __str__(self) -> str:
        return self.code


class DailyFigures(models.Model):
    """What a queue did on one day, kept when the day closes."""

    queue = models.ForeignKey(Queue, on_delete=models.CASCADE, related_name="figures")
    day = models.DateField()
    issued = models.PositiveIntegerField(default=0)
    served = models.PositiveIntegerField(default=0)
    no_show = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    priority = models.PositiveIntegerField(default=0)
    booked = models.PositiveIntegerField(default=0)
    median_wait_seconds = models.PositiveIntegerField(null=True, blank=True)
    median_service_seconds = models.PositiveIntegerField(null=True, blank=True)
    closed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("rekap harian antrian")
        verbose_name_plural = _("rekap harian antrian")
        ordering = ["-day", "queue"]
        constraints = [models.UniqueConstraint(fields=["queue", "day"], name="daily_figures_unique")]

    def __str__(self) -> str:
        return f"{self.queue.prefix} {self.day}"


class QueueMonth(models.Model):
    """The dashboards' monthly queue sums per scope ("mpp" with id 0, "agency", "queue", "service",
    "officer": the one who finished the ticket), rebuilt by queueing.reporting.queue_months_refresh
    (beat, every sweep interval, for this and last month)."""

    scope = models.CharField(max_length=8)
    scope_id = models.BigIntegerField()
    month = models.DateField()
    issued = models.PositiveIntegerField(default=0)
    served = models.PositiveIntegerField(default=0)
    no_show = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "scope_id", "month"], name="queue_month_unique")
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.scope_id} {self.month:%Y-%m}"


class QueueMonthMinutes(models.Model):
    """Histogram of waits ("wait": issue -> call) and service times ("service": start -> finish) in
    whole minutes per scope and month: medians over any months come from summed histograms."""

    scope = models.CharField(max_length=8)
    scope_id = models.BigIntegerField()
    month = models.DateField()
    kind = models.CharField(max_length=8)
    minutes = models.PositiveIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "scope_id", "month", "kind", "minutes"], name="queue_month_minutes_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.scope_id} {self.month:%Y-%m} {self.kind} {self.minutes}"
