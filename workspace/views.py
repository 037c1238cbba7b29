"""The admin workspace (/kelola/): thin views that check the admin's scope, then call one service."""

import difflib

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role, User
from accounts.permissions import is_citizen, is_mpp_admin
from accounts.services import staff_create, user_set_role
from agencies.models import Announcement, CalendarOverride
from agencies.selectors import office_hours
from agencies.workcalendar import SOURCE_CUTI_BERSAMA, indonesian_closed_days_by_source
from mpp.errors import DomainError
from permits.forms import ApplicationForm
from queueing import admin_services
from queueing.models import Counter, Queue, QueueBreak
from services import services as catalogue
from services.models import Service, ServiceStandard, StandardComment

from . import forms, selectors
from . import services as workspace_services
from .access import check_agency, mpp_admin_required, workspace_required


def _service_for(request, code: str) -> Service:
    service = get_object_or_404(Service.objects.select_related("agency"), code=code)
    check_agency(request.user, service.agency_id)
    return service


def _standard_for(request, pk: int) -> ServiceStandard:
    standard = get_object_or_404(ServiceStandard.objects.select_related("service__agency"), pk=pk)
    check_agency(request.user, standard.service.agency_id)
    return standard


# --- Home and services --------------------------------------------------------------------------


@workspace_required
def home(request):
    q = request.GET.get("q", "").strip()[:100]
    services = list(selectors.workspace_services(user=request.user, q=q))
    return render(request, "workspace/home.html", {"services": services, "q": q})


@workspace_required
def service_detail(request, code: str):
    service = _service_for(request, code)
    versions = list(selectors.service_versions(service=service))
    return render(request, "workspace/service.html", {"service": service, "versions": versions})


@workspace_required
@require_POST
def draft_create(request, code: str):
    service = _service_for(request, code)
    try:
        draft = catalogue.standard_draft_create(service=service, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("workspace:service", code=service.code)
    messages.success(request, _("Draf versi %(version)s dibuat.") % {"version": draft.version})
    return redirect("workspace:standard_edit", pk=draft.pk)


@workspace_required
def standard_detail(request, pk: int):
    _standard_for(request, pk)
    standard = selectors.standard_with_rows(pk=pk)
    comments = list(selectors.standard_comments(standard=standard))
    return render(
        request,
        "workspace/standard.html",
        {
            "standard": standard,
            "comments": comments,
            "publish_form": forms.PublishForm(),
            "consultation_form": forms.ConsultationForm(),
            "answer_form": forms.AnswerForm(),
            "consultation_open": standard.consultation_is_open(),
        },
    )


@workspace_required
def standard_edit(request, pk: int):
    standard = _standard_for(request, pk)
    if standard.status != ServiceStandard.Status.DRAFT:
        messages.error(request, _("Standar yang sudah diterbitkan tidak dapat diubah; buat draf baru."))
        return redirect("workspace:standard", pk=pk)
    data = request.POST if request.method == "POST" else None
    form = forms.StandardForm(data, instance=standard)
    formsets = {
        key: formset_class(data, instance=standard, prefix=key)
        for key, formset_class in forms.FORMSETS.items()
    }
    if request.method == "POST" and form.is_valid() and all(fs.is_valid() for fs in formsets.values()):
        try:
            catalogue.standard_draft_update(
                standard=standard,
                actor=request.user,
                fields={name: form.cleaned_data[name] for name in forms.StandardForm.Meta.fields},
                rows={key: forms.formset_rows(fs) for key, fs in formsets.items()},
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Draf disimpan."))
            return redirect("workspace:standard", pk=pk)
    return render(
        request,
        "workspace/standard_edit.html",
        {"standard": standard, "form": form, "formsets": formsets},
    )


@workspace_required
@require_POST
def standard_publish(request, pk: int):
    standard = _standard_for(request, pk)
    form = forms.PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nomor dan tanggal keputusan serta tanggal berlaku wajib diisi."))
        return redirect("workspace:standard", pk=pk)
    try:
        standard = catalogue.standard_publish(standard=standard, actor=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("workspace:standard", pk=pk)
    if standard.status == ServiceStandard.Status.IN_FORCE:
        messages.success(request, _("Versi %(v)s diterbitkan dan berlaku.") % {"v": standard.version})
    else:
        messages.success(
            request,
            _("Versi %(v)s diterbitkan dan berlaku mulai %(d)s.")
            % {"v": standard.version, "d": standard.effective_from.strftime("%d-%m-%Y")},
        )
    return redirect("workspace:service", code=standard.service.code)


@workspace_required
@require_POST
def consultation_open(request, pk: int):
    standard = _standard_for(request, pk)
    form = forms.ConsultationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi tanggal penutupan konsultasi."))
        return redirect("workspace:standard", pk=pk)
    try:
        catalogue.standard_consultation_open(
            standard=standard, actor=request.user, closes_at=form.cleaned_data["closes_at"]
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Konsultasi publik dibuka."))
    return redirect("workspace:standard", pk=pk)


@workspace_required
@require_POST
def comment_answer(request, pk: int):
    comment = get_object_or_404(StandardComment.objects.select_related("standard__service"), pk=pk)
    check_agency(request.user, comment.standard.service.agency_id)
    form = forms.AnswerForm(request.POST)
    if form.is_valid():
        catalogue.standard_comment_answer(
            comment=comment, actor=request.user, answer=form.cleaned_data["answer"]
        )
        messages.success(request, _("Jawaban disimpan."))
    else:
        messages.error(request, _("Jawaban tidak boleh kosong."))
    return redirect("workspace:standard", pk=comment.standard_id)


@workspace_required
def standard_preview(request, pk: int):
    _standard_for(request, pk)
    standard = selectors.standard_with_rows(pk=pk)
    form = ApplicationForm(form_fields=standard.form_fields.all(), with_delivery=False)
    return render(request, "workspace/preview.html", {"standard": standard, "form": form})


def _rows_text(standard: ServiceStandard) -> dict[str, list[str]]:
    return {
        _("Persyaratan"): [
            f"{r.name}{'' if r.mandatory else ' (' + _('tidak wajib') + ')'}"
            for r in standard.requirements.all()
        ],
        _("Langkah SOP"): [
            f"{s.name} · {s.get_responsible_role_display()} · {s.duration_days} {_('hari')}"
            for s in standard.steps.all()
        ],
        _("Rincian tarif"): [
            f"{f.label}: Rp{f.amount:,.0f}".replace(",", ".") for f in standard.fee_items.all()
        ],
        _("Isian formulir"): [
            f"{f.key}: {f.label} ({f.get_field_type_display()})" for f in standard.form_fields.all()
        ],
    }


@workspace_required
def compare(request, code: str):
    service = _service_for(request, code)
    versions = list(service.standards.order_by("-version"))
    by_version = {str(s.version): s for s in versions}
    a = by_version.get(request.GET.get("a", "")) or (versions[1] if len(versions) > 1 else None)
    b = by_version.get(request.GET.get("b", "")) or (versions[0] if versions else None)
    rows, lists = [], []
    if a and b:
        a = selectors.standard_with_rows(pk=a.pk)
        b = selectors.standard_with_rows(pk=b.pk)
        seen = set()
        for name in ("time_limit_days", "fee_kind", "levy_formula", *forms.EDITABLE_STANDARD_FIELDS):
            if name in seen:
                continue
            seen.add(name)
            field = ServiceStandard._meta.get_field(name)
            left = getattr(a, f"get_{name}_display")() if field.choices else getattr(a, name)
            right = getattr(b, f"get_{name}_display")() if field.choices else getattr(b, name)
            rows.append({"label": field.verbose_name, "a": left, "b": right, "changed": left != right})
        a_rows, b_rows = _rows_text(a), _rows_text(b)
        for label in a_rows:
            matcher = difflib.SequenceMatcher(a=a_rows[label], b=b_rows[label])
            pairs = []
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                left, right = a_rows[label][i1:i2], b_rows[label][j1:j2]
                for k in range(max(len(left), len(right))):
                    pairs.append(
                        {
                            "a": left[k] if k < len(left) else "",
                            "b": right[k] if k < len(right) else "",
                            "changed": tag != "equal",
                        }
                    )
            lists.append({"label": label, "pairs": pairs})
    return render(
        request,
        "workspace/compare.html",
        {"service": service, "versions": versions, "a": a, "b": b, "rows": rows, "lists": lists},
    )


# --- Public consultation (citizens) ------------------------------------------------------------


def consultation_list(request):
    drafts = list(selectors.consultations_open(now=timezone.now()))
    return render(request, "workspace/consultation_list.html", {"drafts": drafts})


def consultation_detail(request, pk: int):
    standard = get_object_or_404(selectors.consultations_open(now=timezone.now()), pk=pk)
    standard = selectors.standard_with_rows(pk=standard.pk)
    form = forms.CommentForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_citizen(request.user):
            raise PermissionDenied(_("Tanggapan konsultasi publik dikirim dari akun warga."))
        if form.is_valid():
            try:
                catalogue.standard_comment_add(
                    standard=standard, author=request.user, body=form.cleaned_data["body"]
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Terima kasih, tanggapan Anda terkirim."))
                return redirect("standard_consultation:detail", pk=pk)
    own = (
        list(selectors.standard_comments(standard=standard).filter(author=request.user))
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "workspace/consultation_detail.html",
        {"standard": standard, "form": form, "own_comments": own},
    )


# --- Maklumat and announcements ------------------------------------------------------------------


def _agency_choice(request):
    return selectors.manageable_agencies(user=request.user)


@workspace_required
def maklumat(request):
    allow_mpp = is_mpp_admin(request.user)
    form = forms.MaklumatForm(
        request.POST or None,
        agencies=_agency_choice(request),
        allow_mpp=allow_mpp,
        initial={"signed_on": timezone.localdate(), "agency": request.user.agency_id},
    )
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        check_agency(request.user, agency.pk if agency else None)
        data = {k: v for k, v in form.cleaned_data.items() if k != "agency"}
        try:
            workspace_services.maklumat_publish(agency=agency, actor=request.user, **data)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Maklumat baru diterbitkan."))
            return redirect("workspace:maklumat")
    rows = list(selectors.workspace_maklumat(user=request.user))
    current_ids = set()
    for agency_id in {m.agency_id for m in rows}:
        current = next((m for m in rows if m.agency_id == agency_id), None)
        if current:
            current_ids.add(current.pk)
    return render(
        request, "workspace/maklumat.html", {"form": form, "rows": rows, "current_ids": current_ids}
    )


@workspace_required
def announcements(request, pk: int | None = None):
    announcement = None
    if pk is not None:
        announcement = get_object_or_404(Announcement, pk=pk)
        check_agency(request.user, announcement.agency_id)
    initial = (
        {
            "agency": announcement.agency_id,
            "title": announcement.title,
            "body": announcement.body,
            "publish_from": timezone.localtime(announcement.publish_from),
            "publish_until": announcement.publish_until and timezone.localtime(announcement.publish_until),
        }
        if announcement
        else {
            "agency": request.user.agency_id,
            "publish_from": timezone.localtime().replace(second=0, microsecond=0),
        }
    )
    form = forms.AnnouncementForm(
        request.POST or None,
        agencies=_agency_choice(request),
        allow_mpp=is_mpp_admin(request.user),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data.pop("agency")
        check_agency(request.user, agency.pk if agency else None)
        try:
            workspace_services.announcement_save(
                announcement=announcement, agency=agency, actor=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Pengumuman disimpan."))
            return redirect("workspace:announcements")
    rows = list(selectors.workspace_announcements(user=request.user)[:100])
    return render(
        request,
        "workspace/announcements.html",
        {"form": form, "rows": rows, "editing": announcement, "now": timezone.now()},
    )


# --- Calendar (MPP admin) ---------------------------------------------------------------------------


@mpp_admin_required
def calendar(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("tahun", today.year))
    except ValueError:
        year = today.year
    year = min(max(year, today.year - 5), today.year + 5)
    current = {row.weekday: (row.opens_at, row.closes_at) for row in office_hours()}
    hours_form = forms.OfficeHoursForm(
        request.POST if request.POST.get("action") == "hours" else None, current=current
    )
    override_form = forms.OverrideForm(request.POST if request.POST.get("action") == "override" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "hours" and hours_form.is_valid():
                changed = workspace_services.office_hours_set(hours=hours_form.hours(), actor=request.user)
                messages.success(request, _("Jam layanan disimpan (%(n)s hari berubah).") % {"n": changed})
                request.session["calendar_changed"] = True
                return redirect(f"{request.path}?tahun={year}")
            if action == "override" and override_form.is_valid():
                workspace_services.calendar_override_set(
                    day=override_form.cleaned_data["date"],
                    kind=override_form.cleaned_data["kind"],
                    reason=override_form.cleaned_data["reason"],
                    actor=request.user,
                )
                messages.success(request, _("Koreksi kalender disimpan."))
                request.session["calendar_changed"] = True
                return redirect(f"{request.path}?tahun={override_form.cleaned_data['date'].year}")
            if action == "remove":
                override = get_object_or_404(CalendarOverride, pk=request.POST.get("override"))
                workspace_services.calendar_override_remove(override=override, actor=request.user)
                messages.success(request, _("Koreksi kalender dihapus."))
                request.session["calendar_changed"] = True
                return redirect(f"{request.path}?tahun={override.date.year}")
            if action == "recompute":
                checked, moved = workspace_services.deadlines_recompute(actor=request.user)
                request.session.pop("calendar_changed", None)
                messages.success(
                    request,
                    _("Batas waktu %(checked)s permohonan berjalan diperiksa; %(moved)s berpindah.")
                    % {"checked": checked, "moved": moved},
                )
                return redirect(f"{request.path}?tahun={year}")
        except DomainError as error:
            messages.error(request, error.message)
    overrides = {o.date: o for o in CalendarOverride.objects.filter(profile_id=1, date__year=year)}
    days = []
    for day, (name, source) in sorted(indonesian_closed_days_by_source([year]).items()):
        override = overrides.pop(day, None)
        days.append({"date": day, "name": name, "source": source, "override": override})
    for day, override in sorted(overrides.items()):
        days.append({"date": day, "name": override.reason, "source": "local", "override": override})
    days.sort(key=lambda d: d["date"])
    return render(
        request,
        "workspace/calendar.html",
        {
            "year": year,
            "hours_form": hours_form,
            "override_form": override_form,
            "days": days,
            "cuti_bersama": SOURCE_CUTI_BERSAMA,
            "calendar_changed": request.session.get("calendar_changed", False),
            "years": range(today.year - 1, today.year + 3),
        },
    )


# --- Staff accounts ---------------------------------------------------------------------------------


def _roles_for(user) -> list[str]:
    if is_mpp_admin(user):
        return list(selectors.STAFF_ROLES)
    return [Role.OFFICER, Role.SUPERVISOR, Role.EXPERT]


@workspace_required
def staff(request):
    roles = _roles_for(request.user)
    agencies = _agency_choice(request)
    form = forms.StaffForm(
        request.POST or None, agencies=agencies, roles=roles, initial={"agency": request.user.agency_id}
    )
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        if not is_mpp_admin(request.user):
            check_agency(request.user, agency.pk if agency else None)
        if User.objects.filter(email__iexact=form.cleaned_data["email"]).exists():
            form.add_error("email", _("Email ini sudah terdaftar."))
        else:
            staff_create(
                email=form.cleaned_data["email"],
                full_name=form.cleaned_data["full_name"],
                role=form.cleaned_data["role"],
                agency=agency,
                actor=request.user,
            )
            messages.success(
                request, _("Akun dibuat. Petugas mengatur sandinya lewat 'Lupa sandi' di halaman masuk.")
            )
            return redirect("workspace:staff")
    rows = list(selectors.workspace_staff(user=request.user))
    return render(
        request,
        "workspace/staff.html",
        {"form": form, "rows": rows, "role_form": forms.RoleForm(agencies=agencies, roles=roles)},
    )


@workspace_required
@require_POST
def staff_role(request, pk: int):
    member = get_object_or_404(selectors.workspace_staff(user=request.user), pk=pk)
    roles = _roles_for(request.user)
    if member.role not in roles:
        raise PermissionDenied(_("Anda tidak dapat mengubah peran akun ini."))
    form = forms.RoleForm(request.POST, agencies=_agency_choice(request), roles=roles)
    if form.is_valid():
        agency = form.cleaned_data["agency"] or (None if is_mpp_admin(request.user) else request.user.agency)
        from accounts.models import AGENCY_BOUND_ROLES

        if form.cleaned_data["role"] in AGENCY_BOUND_ROLES and agency is None:
            messages.error(request, _("Peran ini memerlukan instansi."))
        else:
            user_set_role(user=member, role=form.cleaned_data["role"], agency=agency, actor=request.user)
            messages.success(request, _("Peran %(name)s diubah.") % {"name": member.full_name})
    else:
        messages.error(request, _("Pilih peran yang tersedia."))
    return redirect("workspace:staff")


# --- Queues, counters and calling breaks ------------------------------------------------------------

QUEUE_FIELDS = (
    "prefix",
    "name",
    "services",
    "priority_policy",
    "priority_every",
    "default_service_minutes",
    "slot_minutes",
    "slot_capacity",
    "booking_share",
    "is_active",
)


def _queue_initial(queue: Queue | None, user) -> dict:
    if queue is None:
        return {"agency": user.agency_id}
    return {
        "agency": queue.agency_id,
        **{name: getattr(queue, name) for name in QUEUE_FIELDS if name != "services"},
        "services": [s.pk for s in queue.services.all()],
    }


@workspace_required
def queues(request, pk: int | None = None):
    queue = None
    if pk is not None:
        queue = get_object_or_404(Queue, pk=pk)
        check_agency(request.user, queue.agency_id)
    form = forms.QueueForm(
        request.POST or None, agencies=_agency_choice(request), initial=_queue_initial(queue, request.user)
    )
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data["agency"]
        check_agency(request.user, agency.pk)
        try:
            saved = admin_services.queue_save(
                queue=queue,
                agency=agency,
                actor=request.user,
                **{name: form.cleaned_data[name] for name in QUEUE_FIELDS},
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Antrian %(queue)s disimpan.") % {"queue": saved})
            return redirect("workspace:queues")
    context = {
        "form": form,
        "editing": queue,
        "rows": list(selectors.workspace_queues(user=request.user)),
        "breaks": list(selectors.queue_breaks()),
        "break_form": forms.QueueBreakForm() if is_mpp_admin(request.user) else None,
    }
    return render(request, "workspace/queues.html", context)


@mpp_admin_required
@require_POST
def queue_break_add(request):
    form = forms.QueueBreakForm(request.POST)
    if form.is_valid():
        try:
            admin_services.queue_break_add(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Jeda pemanggilan ditambahkan."))
    else:
        messages.error(
            request,
            _("Jeda tidak disimpan: %(errors)s")
            % {"errors": "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items())},
        )
    return redirect("workspace:queues")


@mpp_admin_required
@require_POST
def queue_break_delete(request, pk: int):
    pause = get_object_or_404(QueueBreak, pk=pk)
    admin_services.queue_break_delete(pause=pause, actor=request.user)
    messages.success(request, _("Jeda pemanggilan dihapus."))
    return redirect("workspace:queues")


@workspace_required
def counters(request, pk: int | None = None):
    counter = None
    if pk is not None:
        counter = get_object_or_404(Counter, pk=pk)
        check_agency(request.user, counter.agency_id)
    initial = (
        {
            "agency": counter.agency_id,
            "number": counter.number,
            "label": counter.label,
            "queues": [q.pk for q in counter.queues.all()],
            "is_active": counter.is_active,
        }
        if counter
        else {"agency": request.user.agency_id}
    )
    form = forms.CounterForm(request.POST or None, agencies=_agency_choice(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        agency = form.cleaned_data.pop("agency")
        check_agency(request.user, agency.pk)
        try:
            saved = admin_services.counter_save(
                counter=counter, agency=agency, actor=request.user, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(counter)s disimpan.") % {"counter": saved})
            return redirect("workspace:counters")
    context = {
        "form": form,
        "editing": counter,
        "rows": list(selectors.workspace_counters(user=request.user)),
    }
    return render(request, "workspace/counters.html", context)
