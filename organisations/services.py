"""Every write to the ormas register: one function per business action.

- ``organisation_register_from_permit``: the SKT-ORMAS permit was issued; write (or renew) the
  register entry from the application's form, its officials, and the activity reports it owes.
- ``activity_report_submit``: the organisation's account sends one periodic report.
- ``organisation_revoke``: Bakesbangpol revokes a registration (and its SKT).
- ``reports_send_reminders``: beat's sweep; reminds before each report is due and once it is late,
  exactly once each (``notify``'s ``dedup_key``).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from datetime import date, datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from agencies.selectors import work_calendar
from mpp.errors import ConflictError, DomainError, NotPermitted
from notifications.services import notify
from permits import uploads

from .models import ActivityReport, Official, Organisation

if TYPE_CHECKING:
    from accounts.models import User
    from permits.models import Application, Permit

REGISTRATION_SERVICE_CODE = "SKT-ORMAS"
MIN_REVOKE_REASON = 10
SUMMARY_MAX = 4000
# The form fields (keys) of the SKT-ORMAS standard that become the register entry.
FIELD_KEYS = {
    "name": "nama_ormas",
    "acronym": "singkatan",
    "legal_form": "bentuk_ormas",
    "address": "alamat_sekretariat",
    "field_of_activity": "bidang_kegiatan",
    "chair": "nama_ketua",
    "secretary": "nama_sekretaris",
    "treasurer": "nama_bendahara",
    "term_start": "masa_bakti_mulai",
    "term_end": "masa_bakti_selesai",
}
REPORT_KINDS = SimpleNamespace(accepted_kinds=["pdf"])  # an activity report is a PDF


class RegisterError(DomainError):
    """The registration cannot become a register entry (HTTP 400)."""


def validity_years() -> int:
    return getattr(settings, "MPP_ORMAS_SKT_YEARS", 5)


def report_months() -> int:
    return getattr(settings, "MPP_ORMAS_REPORT_MONTHS", 6)


def report_grace_days() -> int:
    return getattr(settings, "MPP_ORMAS_REPORT_GRACE_DAYS", 30)


def reminder_days() -> int:
    return getattr(settings, "MPP_ORMAS_REMINDER_DAYS", 14)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return date(year, month, min(day.day, _calendar.monthrange(year, month)[1]))


def report_periods(
    *, start: date, until: date, months: int, grace_days: int
) -> list[tuple[date, date, date]]:
    """(period start, period end, due date) from ``start`` in steps of ``months`` while a period
    begins on or before ``until``. A due date on a closed day moves to the next working day."""
    periods = []
    begin = start
    while begin <= until:
        end = add_months(begin, months) - dt.timedelta(days=1)
        due = end + dt.timedelta(days=grace_days)
        periods.append((begin, end, due))
        begin = end + dt.timedelta(days=1)
    return periods


def _working_due(day: date) -> date:
    cal = work_calendar(years=range(day.year - 1, day.year + 2))
    return day if cal.is_working_day(day) else cal.next_working_day(day)


def _save(instance, *, actor, reason: str, now: datetime, fields: list[str] | None = None) -> None:
    instance._history_user = actor
    instance._change_reason = reason
    instance._history_date = now
    if fields is None:
        instance.save()
    else:
        if any(f.name == "updated_at" for f in instance._meta.concrete_fields):
            fields = [*fields, "updated_at"]
        instance.save(update_fields=fields)


def _form_values(application: Application) -> dict[str, str]:
    return {
        fv.form_field.key: fv.value.strip() for fv in application.field_values.select_related("form_field")
    }


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def registration_data(application: Application) -> dict[str, Any]:
    """The register entry's data from the application's form; RegisterError lists what is missing."""
    raw = _form_values(application)
    data = {name: raw.get(key, "") for name, key in FIELD_KEYS.items()}
    missing = [
        key
        for name, key in FIELD_KEYS.items()
        if name not in ("acronym", "secretary", "treasurer") and not data[name]
    ]
    if missing:
        raise RegisterError(
            _("Data ormas belum lengkap di permohonan (isian: %(keys)s); minta pemohon melengkapinya.")
            % {"keys": ", ".join(missing)},
            code="registration_incomplete",
        )
    if data["legal_form"] not in Organisation.LegalForm.values:
        raise RegisterError(_("Bentuk ormas tidak dikenal."), code="legal_form")
    data["term_start"], data["term_end"] = _parse_date(data["term_start"]), _parse_date(data["term_end"])
    if not data["term_start"] or not data["term_end"] or data["term_end"] < data["term_start"]:
        raise RegisterError(_("Masa bakti pengurus tidak valid."), code="term")
    return data


@transaction.atomic
def organisation_register_from_permit(
    *, application: Application, permit: Permit, actor: User, now: datetime
) -> Organisation:
    """Write the register entry of an issued SKT-ORMAS permit (inside the issuing transaction: a
    failure here rolls the issuance back). The same account registering an organisation of the same
    name again renews its entry: new certificate, validity and officials."""
    data = registration_data(application)
    valid_from = permit.valid_from
    valid_until = permit.valid_until or add_months(valid_from, 12 * validity_years()) - dt.timedelta(days=1)
    organisation = (
        Organisation.objects.select_for_update()
        .filter(account_id=application.applicant_id, name__iexact=data["name"])
        .first()
    )
    renewing = organisation is not None
    if organisation is None:
        organisation = Organisation(account_id=application.applicant_id, registered_on=valid_from)
    organisation.name = data["name"]
    organisation.acronym = data["acronym"]
    organisation.legal_form = data["legal_form"]
    organisation.address = data["address"]
    organisation.field_of_activity = data["field_of_activity"]
    organisation.agency_id = application.agency_id
    organisation.application = application
    organisation.certificate_number = permit.number
    organisation.valid_from = valid_from
    organisation.valid_until = valid_until
    organisation.revoked_at = None
    organisation.revoke_reason = ""
    reason = _("SKT %(number)s diterbitkan") % {"number": permit.number}
    try:
        with transaction.atomic():
            _save(
                organisation,
                actor=actor,
                reason=(_("diperpanjang: ") + reason) if renewing else reason,
                now=now,
            )
    except IntegrityError as exc:  # the same account registered this name at the same moment
        raise ConflictError(
            _("Organisasi dengan nama ini baru saja didaftarkan; muat ulang lalu terbitkan lagi."),
            code="organisation_registered_meanwhile",
        ) from exc
    for official in organisation.officials.all():
        official._history_user = actor
        official._change_reason = _("diganti kepengurusan baru")
        official.delete()
    for position, name in (
        (Official.Position.CHAIR, data["chair"]),
        (Official.Position.SECRETARY, data["secretary"]),
        (Official.Position.TREASURER, data["treasurer"]),
    ):
        if name:
            official = Official(
                organisation=organisation,
                position=position,
                name=name,
                term_start=data["term_start"],
                term_end=data["term_end"],
            )
            _save(official, actor=actor, reason=reason, now=now)
    existing = set(organisation.reports.values_list("period_start", flat=True))
    for start, end, due in report_periods(
        start=organisation.registered_on,
        until=valid_until,
        months=report_months(),
        grace_days=report_grace_days(),
    ):
        if start in existing or end < valid_from:
            continue
        report = ActivityReport(
            organisation=organisation, period_start=start, period_end=end, due_date=_working_due(due)
        )
        _save(report, actor=actor, reason=_("kewajiban laporan dicatat"), now=now)
    return organisation


@transaction.atomic
def activity_report_submit(
    *,
    report: ActivityReport,
    actor: User,
    summary: str,
    activity_count: int,
    member_count: int,
    funding_sources: str,
    file,
    now: datetime | None = None,
) -> ActivityReport:
    """The organisation's account sends the report of one period (after the period has ended)."""
    now = now or timezone.now()
    report = ActivityReport.objects.select_for_update().select_related("organisation").get(pk=report.pk)
    organisation = report.organisation
    if actor.pk != organisation.account_id:
        raise NotPermitted(_("Hanya akun pengurus organisasi ini yang dapat menyampaikan laporannya."))
    if report.submitted_at is not None:
        raise ConflictError(_("Laporan periode ini sudah disampaikan."), code="report_submitted")
    if organisation.revoked_at is not None:
        raise DomainError(_("Pendaftaran organisasi ini telah dicabut."), code="revoked")
    today = timezone.localdate(now)
    if today <= report.period_end:
        raise DomainError(
            _("Laporan periode ini dapat disampaikan mulai %(day)s, setelah periodenya berakhir.")
            % {"day": formats.date_format(report.period_end + dt.timedelta(days=1), "j F Y")},
            code="period_not_ended",
        )
    summary = (summary or "").strip()
    errors = []
    if len(summary) < 20:
        errors.append(_("Tuliskan ringkasan kegiatan (paling sedikit 20 karakter)."))
    if activity_count is None or activity_count < 0:
        errors.append(_("Isi jumlah kegiatan."))
    if member_count is None or member_count < 1:
        errors.append(_("Isi jumlah anggota."))
    if file is None:
        errors.append(_("Unggah dokumen laporan (PDF)."))
    if errors:
        raise DomainError(" ".join(errors), code="invalid_report")
    checked = uploads.check_upload(file, requirement=REPORT_KINDS)
    file.seek(0)
    content = file.read()
    report.summary = summary[:SUMMARY_MAX]
    report.activity_count = activity_count
    report.member_count = member_count
    report.funding_sources = (funding_sources or "").strip()[:255]
    report.document_name = uploads.clean_original_name(getattr(file, "name", ""))
    report.document_sha256 = checked.sha256
    report.document.save(f"laporan.{checked.kind.extension}", ContentFile(content), save=False)
    report.submitted_at = now
    report.submitted_by = actor
    late = report.due_date < today
    _save(
        report,
        actor=actor,
        reason=_("laporan disampaikan terlambat") if late else _("laporan disampaikan"),
        now=now,
    )
    return report


def _is_registry_staff(user, organisation: Organisation) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role in (Role.OFFICER, Role.SUPERVISOR)
        and user.agency_id == organisation.agency_id
    )


@transaction.atomic
def organisation_revoke(
    *, organisation: Organisation, actor: User, reason: str, now: datetime | None = None
) -> Organisation:
    """Revoke a registration (a supervisor of the registering agency) and its SKT, with the reason
    the public register shows."""
    from permits.services import permit_revoke

    now = now or timezone.now()
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not (_is_registry_staff(actor, organisation) and actor.role == Role.SUPERVISOR):
        raise NotPermitted(_("Hanya supervisor instansi pendaftar yang dapat mencabut pendaftaran ormas."))
    if organisation.revoked_at is not None:
        raise ConflictError(_("Pendaftaran organisasi ini sudah dicabut."), code="already_revoked")
    reason = (reason or "").strip()
    if len(reason) < MIN_REVOKE_REASON:
        raise DomainError(
            _(
                "Tuliskan alasan pencabutan yang jelas (dasar aturan atau temuan); alasan ini ditampilkan kepada publik."
            ),
            code="reason_required",
        )
    organisation.revoked_at = now
    organisation.revoke_reason = reason
    _save(
        organisation,
        actor=actor,
        reason=_("dicabut: %(reason)s") % {"reason": reason},
        now=now,
        fields=["revoked_at", "revoke_reason"],
    )
    permit = getattr(organisation.application, "permit", None)
    if permit is not None and permit.revoked_at is None and permit.number == organisation.certificate_number:
        permit_revoke(permit=permit, actor=actor, reason=reason, now=now)
    return organisation


def period_label(report: ActivityReport) -> str:
    start = formats.date_format(report.period_start, "j F Y")
    end = formats.date_format(report.period_end, "j F Y")
    return f"{start} – {end}"


def reports_send_reminders(*, now: datetime | None = None) -> int:
    """Beat: remind each organisation's account before a report is due (``MPP_ORMAS_REMINDER_DAYS``)
    and once when it is late. Safe to run as often as wanted: each message has its dedup key."""
    from .selectors import reports_needing_reminder

    now = now or timezone.now()
    today = timezone.localdate(now)
    sent = 0
    for report, late in reports_needing_reminder(today=today, reminder_days=reminder_days()):
        marker = "late_reminder_sent_at" if late else "due_reminder_sent_at"
        with transaction.atomic():
            claimed = ActivityReport.objects.filter(pk=report.pk, **{f"{marker}__isnull": True}).update(
                **{marker: now}
            )
            if not claimed:
                continue  # another sweep got there first
            organisation = report.organisation
            event = "ormas.report_late" if late else "ormas.report_due"
            notification = notify(
                recipient=organisation.account,
                event=event,
                context={
                    "organisation_name": organisation.name,
                    "period": period_label(report),
                    "due_date": formats.date_format(report.due_date, "j F Y"),
                },
                link=reverse("organisations:report_submit", args=[report.pk]),
                dedup_key=f"{event}:{report.pk}",
            )
        sent += notification is not None
    return sent
