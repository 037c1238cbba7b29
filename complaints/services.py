"""Writes of complaints and public consultation: one keyword-only function per business action.

Every status change locks the complaint, checks ``TRANSITIONS`` (complaints.models), records a
history row naming the actor and the reason, and tells people through ``notifications.notify``
(on commit is not needed: notify writes inbox rows in the same transaction and enqueues its
deliveries on commit). Staff-facing messages never carry the reporter's identity.

Deadlines (working days, settings ``MPP_COMPLAINT_*_DAYS``) come from the MPP's calendar
(``agencies.selectors.work_calendar``): routing by the complaint officer, the agency's answer, and
the reporter's reaction, after which :func:`complaints_sweep` closes the complaint, exactly once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.permissions import is_agency_staff, is_citizen, is_complaint_officer
from agencies.selectors import work_calendar
from mpp.errors import ConflictError, DomainError, NotPermitted
from notifications.services import notify
from permits.tracking import new_secret, secrets_match
from permits.uploads import check_upload, clean_original_name

from .lapor import ForwardPayload, forwarder
from .models import (
    TRANSITIONS,
    Complaint,
    ComplaintAttachment,
    ComplaintCategory,
    ComplaintKind,
    ComplaintMessage,
    ComplaintSequence,
    ComplaintStatus,
    Question,
)

S = ComplaintStatus
MAX_ATTACHMENTS = 3
MIN_DESCRIPTION = 20
MIN_REASON = 10
_ANY_KIND = SimpleNamespace(accepted_kinds=())  # attachments: every kind permits/uploads accepts


class ComplaintError(DomainError):
    """The input cannot be accepted; the message says what to fix."""


class TransitionNotAllowed(DomainError):
    status_code = 409

    def __init__(self, current: str, target: str):
        self.current, self.target = current, target
        super().__init__(
            _("Pengaduan berstatus '%(status)s' tidak dapat diubah menjadi '%(target)s'.")
            % {"status": S(current).label, "target": S(target).label},
            code="transition_not_allowed",
        )


def ensure_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS.get(current, frozenset()):
        raise TransitionNotAllowed(current, target)


# --- Helpers ------------------------------------------------------------------------------------


def route_days() -> int:
    return settings.MPP_COMPLAINT_ROUTE_DAYS


def answer_days() -> int:
    return settings.MPP_COMPLAINT_ANSWER_DAYS


def close_days() -> int:
    return settings.MPP_COMPLAINT_CLOSE_DAYS


def _calendar(now: datetime):
    year = timezone.localtime(now).year
    return work_calendar(years=range(year - 2, year + 3))


def _deadline(now: datetime, days: int) -> datetime:
    return _calendar(now).deadline_after(now, days)


def _format(value: datetime | None) -> str:
    if value is None:
        return ""
    return formats.date_format(timezone.localtime(value), "j F Y H.i")


def _save(complaint: Complaint, *, actor, reason: str, now: datetime, fields: Iterable[str]) -> None:
    complaint._history_user = actor if getattr(actor, "pk", None) else None
    complaint._change_reason = reason
    complaint._history_date = now
    complaint.save(update_fields=[*fields, "updated_at"])


def _lock(complaint: Complaint, seen: str | None = None) -> Complaint:
    locked = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if seen is not None and seen != locked.status:
        raise ConflictError(
            _("Pengaduan ini baru saja diubah orang lain (status sekarang: %(status)s). Muat ulang halaman.")
            % {"status": S(locked.status).label},
            code="concurrent_change",
        )
    return locked


def _message(complaint: Complaint, side: str, body: str, now: datetime) -> None:
    if body:
        ComplaintMessage.objects.create(complaint=complaint, author_side=side, body=body, created_at=now)


def complaint_officers() -> list[User]:
    return list(User.objects.filter(role=Role.COMPLAINT_OFFICER, is_active=True))


def agency_staff(agency_id: int) -> list[User]:
    return list(
        User.objects.filter(agency_id=agency_id, role__in=(Role.OFFICER, Role.SUPERVISOR), is_active=True)
    )


def _staff_context(complaint: Complaint) -> dict:
    """What staff messages may say: never the reporter's identity."""
    return {
        "number": complaint.number,
        "subject": complaint.subject,
        "category": complaint.category.name,
        "due_date": _format(complaint.due_at),
    }


def _notify_reporter(complaint: Complaint, event: str, extra: dict | None = None) -> None:
    if complaint.reporter_id is None:
        return  # anonymous or a visitor without an account: they follow it with number and secret
    notify(
        recipient=complaint.reporter,
        event=event,
        context={
            "number": complaint.number,
            "subject": complaint.subject,
            "status": complaint.get_status_display(),
            "due_date": _format(complaint.due_at),
            **(extra or {}),
        },
        link=f"/pengaduan/saya/{complaint.number}/",
        dedup_key=f"complaint:{complaint.pk}:{event}:{complaint.status}:{complaint.updated_at.isoformat()}",
    )


def _notify_staff(recipients: Sequence[User], complaint: Complaint, event: str, link: str) -> None:
    for user in recipients:
        notify(
            recipient=user,
            event=event,
            context=_staff_context(complaint),
            link=link,
            dedup_key=f"complaint:{complaint.pk}:{event}:{complaint.updated_at.isoformat()}:{user.pk}",
        )


def _allocate_number(year: int) -> str:
    ComplaintSequence.objects.get_or_create(year=year)
    sequence = ComplaintSequence.objects.select_for_update().get(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"ADU-{year}-{sequence.last:06d}"


def _is_reporter(complaint: Complaint, actor, secret: str) -> bool:
    if actor is not None and getattr(actor, "pk", None) and actor.pk == complaint.reporter_id:
        return True
    return bool(secret) and secrets_match(secret, complaint.secret)


def _ensure_reporter(complaint: Complaint, actor, secret: str) -> None:
    if not _is_reporter(complaint, actor, secret):
        raise NotPermitted(_("Hanya pelapor yang dapat melakukan ini."))


def _ensure_agency_staff(complaint: Complaint, actor) -> None:
    if not (is_agency_staff(actor) and actor.agency_id == complaint.agency_id):
        raise NotPermitted(_("Hanya petugas instansi yang ditugasi yang dapat menjawab pengaduan ini."))


def _ensure_officer(actor) -> None:
    if not is_complaint_officer(actor):
        raise NotPermitted(_("Hanya petugas pengaduan MPP yang dapat melakukan ini."))


def _clean_text(value: str, *, minimum: int, message: str) -> str:
    value = (value or "").strip()
    if len(value) < minimum:
        raise ComplaintError(message, code="text_too_short")
    return value


# --- Filing -------------------------------------------------------------------------------------


@transaction.atomic
def complaint_submit(
    *,
    kind: str,
    category: ComplaintCategory,
    subject: str,
    description: str,
    reporter: User | None = None,
    reporter_name: str = "",
    reporter_email: str = "",
    reporter_phone: str = "",
    anonymous: bool = False,
    confidential: bool = False,
    allow_publication: bool = False,
    channel: str = Complaint.Channel.WEB,
    service=None,
    application=None,
    attachments: Sequence = (),
    registered_by: User | None = None,
    address: str = "",
    lat=None,
    long=None,
    now: datetime | None = None,
) -> Complaint:
    """File a complaint (web form, Open311, or staff registering one received by phone or social
    media). Returns it with its number; the secret is shown to the reporter once."""
    now = now or timezone.now()
    if kind not in ComplaintKind.values:
        raise ComplaintError(_("Pilih jenis laporan."), code="kind")
    if not category.is_active:
        raise ComplaintError(_("Kategori ini tidak lagi dipakai. Pilih kategori lain."), code="category")
    if channel not in Complaint.Channel.values:
        raise ComplaintError(_("Saluran tidak dikenal."), code="channel")
    if registered_by is not None and not (
        is_complaint_officer(registered_by) or is_agency_staff(registered_by)
    ):
        raise NotPermitted(_("Hanya petugas yang dapat mencatat pengaduan atas nama warga."))
    if registered_by is None and channel not in (Complaint.Channel.WEB, Complaint.Channel.OPEN311):
        raise ComplaintError(_("Saluran ini hanya dicatat oleh petugas."), code="channel")
    subject = _clean_text(subject, minimum=5, message=_("Tulis judul laporan (paling sedikit 5 huruf)."))[
        :200
    ]
    description = _clean_text(
        description,
        minimum=MIN_DESCRIPTION,
        message=_("Uraikan kejadiannya (paling sedikit %(n)s huruf): apa, kapan, di mana.")
        % {"n": MIN_DESCRIPTION},
    )
    if reporter is not None and not is_citizen(reporter):
        reporter = None
    if application is not None and (reporter is None or application.applicant_id != reporter.pk):
        raise NotPermitted(_("Permohonan itu bukan milik Anda."))
    if kind == ComplaintKind.WHISTLEBLOWING:
        confidential = True
    if anonymous:
        reporter, reporter_name, reporter_email, reporter_phone = None, "", "", ""
        if application is not None:
            # An application names its applicant: linking it would undo the anonymity.
            raise ComplaintError(
                _("Laporan anonim tidak dapat ditautkan ke permohonan Anda. Pilih rahasia saja."),
                code="anonymous_application",
            )
    elif reporter is not None:
        reporter_name = reporter_name or reporter.get_full_name()
        reporter_email = reporter_email or reporter.email
        reporter_phone = reporter_phone or reporter.phone
    elif not reporter_name.strip() or not (reporter_email.strip() or reporter_phone.strip()):
        raise ComplaintError(
            _("Tulis nama dan email atau nomor telepon pelapor, atau pilih laporan anonim."), code="identity"
        )
    if len(attachments) > MAX_ATTACHMENTS:
        raise ComplaintError(
            _("Paling banyak %(n)s lampiran.") % {"n": MAX_ATTACHMENTS}, code="too_many_attachments"
        )
    checked = [(file, check_upload(file, requirement=_ANY_KIND)) for file in attachments]
    if application is not None and service is None:
        service = application.service
    agency = (service.agency if service is not None else None) or category.default_agency
    complaint = Complaint(
        number=_allocate_number(timezone.localtime(now).year),
        secret=new_secret(),
        kind=kind,
        channel=channel,
        category=category,
        subject=subject,
        description=description,
        address=(address or "").strip()[:255],
        lat=lat,
        long=long,
        service=service,
        application=application,
        reporter=reporter,
        reporter_name=reporter_name.strip()[:150],
        reporter_email=reporter_email.strip()[:254],
        reporter_phone=reporter_phone.strip()[:20],
        is_anonymous=anonymous,
        is_confidential=confidential,
        allow_publication=allow_publication and not confidential,
        registered_by=registered_by,
        agency=agency,
        due_at=_deadline(now, route_days()),
        created_at=now,
    )
    complaint._history_user = registered_by or reporter
    complaint._change_reason = _("diterima melalui %(channel)s") % {
        "channel": complaint.get_channel_display()
    }
    complaint._history_date = now
    complaint.save()
    for index, (file, result) in enumerate(checked, start=1):
        # An anonymous reporter's file name ("ktp-siti.jpg") could name them: keep a neutral one.
        name = f"lampiran-{index}.{result.kind.extension}" if anonymous else getattr(file, "name", "")
        attachment = ComplaintAttachment(
            complaint=complaint,
            original_name=clean_original_name(name),
            content_type=result.kind.content_type,
            extension=result.kind.extension,
            size=result.size,
            sha256=result.sha256,
        )
        attachment.file.save(f"lampiran.{result.kind.extension}", file, save=False)
        attachment.save()
    _notify_reporter(complaint, "complaint.received", {"secret": complaint.secret})
    _notify_staff(complaint_officers(), complaint, "complaint.new", f"/pengaduan/petugas/{complaint.number}/")
    return complaint


# --- The complaint officer's desk ----------------------------------------------------------------


@transaction.atomic
def complaint_route(
    *, complaint: Complaint, actor: User, agency, note: str = "", now: datetime | None = None
) -> Complaint:
    """Verified: hand it to the agency that must answer, which has ``MPP_COMPLAINT_ANSWER_DAYS``."""
    now = now or timezone.now()
    _ensure_officer(actor)
    complaint = _lock(complaint, complaint.status)
    ensure_transition(complaint.status, S.ROUTED)
    if agency is None:
        raise ComplaintError(_("Pilih instansi yang harus menjawab."), code="agency")
    complaint.status = S.ROUTED
    complaint.agency = agency
    complaint.routed_at = now
    complaint.due_at = _deadline(now, answer_days())
    note = (note or "").strip()
    if note:
        complaint.officer_note = note
    _save(
        complaint,
        actor=actor,
        reason=_("diverifikasi dan diteruskan ke %(agency)s") % {"agency": agency.name},
        now=now,
        fields=["status", "agency", "routed_at", "due_at", "officer_note"],
    )
    # The routing note is for the agency (officer_note, shown on its page), not the reporter's timeline.
    _notify_reporter(complaint, "complaint.status_changed", {"note": agency.name})
    _notify_staff(
        agency_staff(agency.pk), complaint, "complaint.routed", f"/pengaduan/instansi/{complaint.number}/"
    )
    return complaint


@transaction.atomic
def complaint_forward(
    *, complaint: Complaint, actor: User, note: str, now: datetime | None = None
) -> Complaint:
    """Not the MPP's authority: forward to SP4N-LAPOR! (which reaches the competent institution)
    with a note, recording the reference it returns."""
    now = now or timezone.now()
    _ensure_officer(actor)
    note = _clean_text(
        note, minimum=MIN_REASON, message=_("Tulis catatan: kepada siapa dan mengapa diteruskan.")
    )
    complaint = _lock(complaint, complaint.status)
    ensure_transition(complaint.status, S.FORWARDED)
    reference = forwarder().forward(
        ForwardPayload(
            number=complaint.number,
            kind=complaint.kind,
            category=complaint.category.name,
            subject=complaint.subject,
            description=complaint.description,
            note=note,
        )
    )
    complaint.status = S.FORWARDED
    complaint.lapor_reference = reference[:60]
    complaint.officer_note = note
    complaint.due_at = None
    complaint.closed_at = now
    _save(
        complaint,
        actor=actor,
        reason=_("bukan kewenangan, diteruskan ke SP4N-LAPOR! (%(ref)s): %(note)s")
        % {"ref": reference, "note": note},
        now=now,
        fields=["status", "lapor_reference", "officer_note", "due_at", "closed_at"],
    )
    _message(complaint, ComplaintMessage.Author.OFFICER, note, now)
    _notify_reporter(complaint, "complaint.status_changed", {"note": note})
    return complaint


@transaction.atomic
def complaint_archive(
    *, complaint: Complaint, actor: User, reason: str, now: datetime | None = None
) -> Complaint:
    now = now or timezone.now()
    _ensure_officer(actor)
    reason = _clean_text(
        reason, minimum=MIN_REASON, message=_("Tulis alasan pengarsipan (paling sedikit 10 huruf).")
    )
    complaint = _lock(complaint, complaint.status)
    ensure_transition(complaint.status, S.ARCHIVED)
    complaint.status = S.ARCHIVED
    complaint.officer_note = reason
    complaint.due_at = None
    complaint.closed_at = now
    _save(
        complaint,
        actor=actor,
        reason=_("diarsipkan: %(reason)s") % {"reason": reason},
        now=now,
        fields=["status", "officer_note", "due_at", "closed_at"],
    )
    _message(complaint, ComplaintMessage.Author.OFFICER, reason, now)
    _notify_reporter(complaint, "complaint.status_changed", {"note": reason})
    return complaint


# --- The agency --------------------------------------------------------------------------------


@transaction.atomic
def complaint_answer(
    *, complaint: Complaint, actor: User, answer: str, now: datetime | None = None
) -> Complaint:
    """The agency's answer; the reporter then has ``MPP_COMPLAINT_CLOSE_DAYS`` to react."""
    now = now or timezone.now()
    answer = _clean_text(
        answer, minimum=MIN_DESCRIPTION, message=_("Tulis jawaban yang menjelaskan tindak lanjutnya.")
    )
    complaint = _lock(complaint, complaint.status)
    _ensure_agency_staff(complaint, actor)
    ensure_transition(complaint.status, S.ANSWERED)
    complaint.status = S.ANSWERED
    complaint.answer = answer
    complaint.answered_at = now
    complaint.answered_by = actor
    complaint.due_at = _deadline(now, close_days())
    _save(
        complaint,
        actor=actor,
        reason=_("dijawab"),
        now=now,
        fields=["status", "answer", "answered_at", "answered_by", "due_at"],
    )
    _message(complaint, ComplaintMessage.Author.AGENCY, answer, now)
    _notify_reporter(complaint, "complaint.answered")
    return complaint


# --- The reporter ------------------------------------------------------------------------------


@transaction.atomic
def complaint_reply(
    *, complaint: Complaint, actor: User | None, secret: str = "", body: str, now: datetime | None = None
) -> Complaint:
    """The reporter is not satisfied: back to the agency, with a new answer deadline."""
    now = now or timezone.now()
    body = _clean_text(body, minimum=MIN_REASON, message=_("Tulis tanggapan Anda (paling sedikit 10 huruf)."))
    complaint = _lock(complaint, complaint.status)
    _ensure_reporter(complaint, actor, secret)
    ensure_transition(complaint.status, S.ROUTED)
    complaint.status = S.ROUTED
    complaint.due_at = _deadline(now, answer_days())
    _save(
        complaint,
        actor=actor,
        reason=_("tanggapan pelapor: %(body)s") % {"body": body},
        now=now,
        fields=["status", "due_at"],
    )
    _message(complaint, ComplaintMessage.Author.REPORTER, body, now)
    _notify_staff(
        agency_staff(complaint.agency_id),
        complaint,
        "complaint.reply",
        f"/pengaduan/instansi/{complaint.number}/",
    )
    return complaint


def _clean_rating(rating) -> int | None:
    if rating in (None, ""):
        return None
    try:
        value = int(rating)
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 5:
        raise ComplaintError(_("Nilai jawaban harus 1 sampai 5."), code="rating")
    return value


@transaction.atomic
def complaint_accept(
    *,
    complaint: Complaint,
    actor: User | None,
    secret: str = "",
    rating=None,
    comment: str = "",
    now: datetime | None = None,
) -> Complaint:
    """The reporter accepts the answer (optionally rating it 1-5): the complaint is closed."""
    now = now or timezone.now()
    rating = _clean_rating(rating)
    complaint = _lock(complaint, complaint.status)
    _ensure_reporter(complaint, actor, secret)
    ensure_transition(complaint.status, S.CLOSED)
    complaint.status = S.CLOSED
    complaint.closed_at = now
    complaint.due_at = None
    fields = ["status", "closed_at", "due_at"]
    if rating is not None:
        complaint.rating, complaint.rating_comment = rating, (comment or "").strip()
        fields += ["rating", "rating_comment"]
    _save(complaint, actor=actor, reason=_("jawaban diterima pelapor"), now=now, fields=fields)
    return complaint


@transaction.atomic
def complaint_rate(
    *,
    complaint: Complaint,
    actor: User | None,
    secret: str = "",
    rating,
    comment: str = "",
    now: datetime | None = None,
) -> Complaint:
    """Rate the answer (1-5) once it exists; rating again replaces the earlier rating."""
    now = now or timezone.now()
    value = _clean_rating(rating)
    if value is None:
        raise ComplaintError(_("Pilih nilai 1 sampai 5."), code="rating")
    complaint = _lock(complaint)
    _ensure_reporter(complaint, actor, secret)
    if complaint.status not in (S.ANSWERED, S.CLOSED) or not complaint.answered_at:
        raise ComplaintError(_("Jawaban dapat dinilai setelah instansi menjawab."), code="not_answered")
    complaint.rating, complaint.rating_comment = value, (comment or "").strip()
    _save(
        complaint,
        actor=actor,
        reason=_("jawaban dinilai %(n)s") % {"n": value},
        now=now,
        fields=["rating", "rating_comment"],
    )
    return complaint


# --- Deadlines -----------------------------------------------------------------------------------


@transaction.atomic
def complaint_auto_close(*, complaint: Complaint, now: datetime | None = None) -> bool:
    """Close an answered complaint whose reaction time ran out. False when someone acted first."""
    now = now or timezone.now()
    complaint = _lock(complaint)
    if complaint.status != S.ANSWERED or complaint.due_at is None or complaint.due_at >= now:
        return False
    complaint.status = S.CLOSED
    complaint.closed_at = now
    complaint.closed_automatically = True
    complaint.due_at = None
    _save(
        complaint,
        actor=None,
        reason=_("ditutup otomatis: tidak ada tanggapan pelapor %(n)s hari kerja") % {"n": close_days()},
        now=now,
        fields=["status", "closed_at", "closed_automatically", "due_at"],
    )
    _notify_reporter(complaint, "complaint.closed")
    return True


_STAGE = {S.SUBMITTED: "route", S.ROUTED: "answer"}


def _deadline_recipients(complaint: Complaint) -> list[User]:
    if complaint.status == S.SUBMITTED:
        return complaint_officers()
    return agency_staff(complaint.agency_id) + complaint_officers()


def complaints_sweep(*, now: datetime | None = None) -> dict[str, int]:
    """Beat: warn before a stage deadline, alert on breach (once per complaint, stage, deadline
    value and recipient: notify's dedup_key), and close answered complaints left without reaction.
    Safe to run as often as wanted and from two workers at once."""
    now = now or timezone.now()
    calendar = _calendar(now)
    counts = {"warned": 0, "alerted": 0, "closed": 0}
    for complaint in Complaint.objects.filter(status=S.ANSWERED, due_at__lt=now).only("pk"):
        if complaint_auto_close(complaint=complaint, now=now):
            counts["closed"] += 1
    open_stages = Complaint.objects.filter(status__in=_STAGE.keys(), due_at__isnull=False).select_related(
        "category"
    )
    for complaint in open_stages:
        stage = _STAGE[complaint.status]
        if now > complaint.due_at:
            event, counter = "complaint.deadline_breached", "alerted"
        elif calendar.working_days_left(now, complaint.due_at) <= settings.MPP_COMPLAINT_WARN_DAYS:
            event, counter = "complaint.deadline_soon", "warned"
        else:
            continue
        link = f"/pengaduan/petugas/{complaint.number}/"
        for user in _deadline_recipients(complaint):
            if user.role != Role.COMPLAINT_OFFICER:
                link = f"/pengaduan/instansi/{complaint.number}/"
            sent = notify(
                recipient=user,
                event=event,
                context={**_staff_context(complaint), "stage": stage},
                link=link,
                dedup_key=f"complaint:{complaint.pk}:{stage}:{complaint.due_at.isoformat()}:{event}:{user.pk}",
            )
            if sent is not None:
                counts[counter] += 1
    return counts


# --- Public consultation ------------------------------------------------------------------------


@transaction.atomic
def question_ask(*, service, asker: User, question: str, now: datetime | None = None) -> Question:
    now = now or timezone.now()
    if not is_citizen(asker):
        raise NotPermitted(_("Hanya akun warga yang dapat bertanya."))
    text = _clean_text(question, minimum=10, message=_("Tulis pertanyaan Anda (paling sedikit 10 huruf)."))
    item = Question(service=service, asker=asker, question=text, created_at=now)
    item._history_user = asker
    item._change_reason = "ditanyakan"
    item.save()
    for user in agency_staff(service.agency_id):
        notify(
            recipient=user,
            event="question.asked",
            context={"service_name": service.name, "question": text[:200]},
            link="/konsultasi/petugas/",
            dedup_key=f"question:{item.pk}:asked:{user.pk}",
        )
    return item


@transaction.atomic
def question_answer(
    *, question: Question, actor: User, answer: str, publish: bool = False, now: datetime | None = None
) -> Question:
    """An officer of the service's agency answers; ``publish`` shows it as the service's FAQ."""
    now = now or timezone.now()
    question = Question.objects.select_for_update().select_related("service").get(pk=question.pk)
    if not (is_agency_staff(actor) and actor.agency_id == question.service.agency_id):
        raise NotPermitted(_("Hanya petugas instansi penyelenggara layanan ini yang dapat menjawab."))
    text = _clean_text(answer, minimum=10, message=_("Tulis jawaban (paling sedikit 10 huruf)."))
    first_answer = question.status == Question.Status.OPEN
    question.status = Question.Status.ANSWERED
    question.answer = text
    question.answered_by = actor
    question.answered_at = now
    question.is_published = bool(publish)
    question._history_user = actor
    question._change_reason = "dijawab" + (" dan dipublikasikan sebagai FAQ" if publish else "")
    question.save(update_fields=["status", "answer", "answered_by", "answered_at", "is_published"])
    if first_answer:
        notify(
            recipient=question.asker,
            event="question.answered",
            context={
                "service_name": question.service.name,
                "question": question.question[:200],
                "answer": text,
            },
            link="/konsultasi/saya/",
            dedup_key=f"question:{question.pk}:answered",
        )
    return question
