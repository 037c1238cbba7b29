"""Forms of the staff side: the worklist's query string, the action forms on the application page,
and officer-assisted filing at the counter.

Every action form carries ``seen_status``, the status the officer saw when the page was rendered.
The view puts it back on the application it passes to the service, and the service compares it
with the locked row: a change by someone else in between is refused with the "muat ulang" message
(``ConflictError``) instead of being acted on blindly.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from accounts.nik import InvalidNik, parse_nik
from accounts.phone import InvalidPhone, normalize_mobile
from accounts.services import is_deliverable_email
from services.models import Service

from .models import Application
from .selectors import WorklistFilters, worklist_statuses
from .transitions import ApplicationStatus

S = ApplicationStatus

# --- Worklist query ---------------------------------------------------------------------------

MAX_DUE_WITHIN_DAYS = 60
DUE_WITHIN_CHOICES = (0, 1, 2, 3, 5, 10)
OVERDUE = "terlambat"
HANDLED_BY_ME = "saya"
UNASSIGNED = "belum"


@dataclass(frozen=True)
class WorklistQuery:
    """The worklist's filters as the page shows them, plus the selector's filters."""

    status: str = ""
    service: str = ""
    deadline: str = ""  # "", "terlambat" or a number of working days
    handled: str = ""  # "", "saya" or "belum"
    q: str = ""

    @property
    def filters(self) -> WorklistFilters:
        return WorklistFilters(
            status=self.status,
            service=self.service,
            overdue=self.deadline == OVERDUE,
            due_within_days=int(self.deadline) if self.deadline.isdigit() else None,
            assigned_to_me=self.handled == HANDLED_BY_ME,
            unassigned=self.handled == UNASSIGNED,
            q=self.q,
        )

    @property
    def is_filtered(self) -> bool:
        return bool(self.status or self.service or self.deadline or self.handled or self.q)

    def params(self) -> dict[str, str]:
        """The valid filters as query parameters (bad values are never carried over)."""
        values = {
            "status": self.status,
            "layanan": self.service,
            "batas": self.deadline,
            "penanganan": self.handled,
            "q": self.q,
        }
        return {key: value for key, value in values.items() if value}


def worklist_status_choices() -> list[tuple[str, str]]:
    return [
        ("", _("Perlu ditangani (semua yang terbuka)")),
        *[(value, label) for value, label in S.choices if value != S.DRAFT],
        ("all", _("Semua status")),
    ]


def parse_worklist_query(params, service_codes: set[str]) -> tuple[WorklistQuery, list[str]]:
    """Read the worklist's query string. An unknown value is ignored and reported, never an error."""
    notices: list[str] = []

    def ignored(label: str, value: str) -> None:
        notices.append(
            _("Filter %(filter)s '%(value)s' tidak dikenal dan diabaikan.")
            % {"filter": label, "value": value}
        )

    status = params.get("status", "").strip()
    if status and status not in {value for value, _label in worklist_status_choices()}:
        ignored(_("status"), status)
        status = ""

    service = params.get("layanan", "").strip().upper()
    if service and service not in service_codes:
        ignored(_("layanan"), params.get("layanan", "").strip())
        service = ""

    deadline = params.get("batas", "").strip().lower()
    if deadline and deadline != OVERDUE:
        if not deadline.isdigit() or int(deadline) > MAX_DUE_WITHIN_DAYS:
            notices.append(
                _(
                    "Filter batas waktu '%(value)s' tidak valid dan diabaikan; isi 'terlambat' atau "
                    "jumlah hari kerja 0 sampai %(max)d."
                )
                % {"value": params.get("batas", "").strip(), "max": MAX_DUE_WITHIN_DAYS}
            )
            deadline = ""
        else:
            deadline = str(int(deadline))

    handled = params.get("penanganan", "").strip().lower()
    if handled and handled not in (HANDLED_BY_ME, UNASSIGNED):
        ignored(_("penanganan"), params.get("penanganan", "").strip())
        handled = ""

    q = " ".join(params.get("q", "").split())[:100]
    # A deadline or "not yet handled" filter with a status it excludes (selectors.worklist_statuses):
    # the list is empty, and the page says why rather than showing nothing.
    if status and status != "all":
        label = S(status).label
        if deadline and not worklist_statuses(WorklistFilters(status=status, overdue=True)):
            notices.append(
                _(
                    "Filter batas waktu hanya mencakup permohonan yang sedang diproses, jadi tidak ada "
                    "permohonan berstatus '%(status)s' di daftar ini."
                )
                % {"status": label}
            )
        if handled == UNASSIGNED and not worklist_statuses(WorklistFilters(status=status, unassigned=True)):
            notices.append(
                _(
                    "'Belum ditangani' hanya mencakup permohonan yang masih terbuka, jadi tidak ada "
                    "permohonan berstatus '%(status)s' di daftar ini."
                )
                % {"status": label}
            )
    query = WorklistQuery(status=status, service=service, deadline=deadline, handled=handled, q=q)
    return query, notices


# --- Actions on one application ---------------------------------------------------------------

NOTE_MAX = 1000


def _note_field(label=None, *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label or gettext_lazy("Catatan (tidak wajib)"),
        required=required,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ActionForm(forms.Form):
    """Base of every action: the status the officer saw when the page was shown."""

    seen_status = forms.ChoiceField(choices=S.choices, widget=forms.HiddenInput)

    def __init__(self, *args, application: Application | None = None, **kwargs):
        self.application = application
        # The application page shows several action forms with the same field names ("note",
        # "seen_status"): each form gets its own ids (id_verify_note, id_step_note, ...), so every
        # label points at its own field instead of the first "id_note" on the page.
        kwargs.setdefault("auto_id", f"id_{type(self).__name__.removesuffix('Form').lower()}_%s")
        kwargs.setdefault("initial", {})
        if application is not None:
            kwargs["initial"].setdefault("seen_status", application.status)
        super().__init__(*args, **kwargs)


class VerifyForm(ActionForm):
    note = _note_field()


class ApproveForm(ActionForm):
    note = _note_field()


class StandardVerifyForm(ActionForm):
    """The agency's verification of the standard fulfilment document (OSS RBA, menengah tinggi)."""

    note = _note_field(gettext_lazy("Catatan verifikasi (opsional)"))


class IssueForm(ActionForm):
    pass


class ClaimForm(ActionForm):
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class StepForm(ActionForm):
    step = forms.IntegerField(widget=forms.HiddenInput)
    note = _note_field()


class AssignForm(ActionForm):
    assignee = forms.ModelChoiceField(
        label=gettext_lazy("Tugaskan kepada"),
        queryset=User.objects.none(),
        empty_label=gettext_lazy("Pilih petugas…"),
    )

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        if staff is not None:
            self.fields["assignee"].queryset = staff
        self.fields["assignee"].label_from_instance = _staff_label

    def clean_assignee(self):
        assignee = self.cleaned_data["assignee"]
        if self.application is not None and assignee.pk == self.application.assigned_to_id:
            raise ValidationError(_("Permohonan ini sudah ditangani oleh %(name)s.") % {"name": assignee})
        return assignee


def _staff_label(user: User) -> str:
    role = _("supervisor") if user.role == Role.SUPERVISOR else _("petugas")
    return f"{user.full_name or user.email} ({role})"


REJECT_OTHER_RULE = "aturan"


class RejectForm(ActionForm):
    """The reason cites what was not met: one of the standard's requirements or another rule."""

    basis = forms.ChoiceField(label=gettext_lazy("Dasar penolakan"))
    rule = forms.CharField(
        label=gettext_lazy("Aturan yang tidak dipenuhi"),
        required=False,
        max_length=300,
        help_text=gettext_lazy("Wajib bila memilih 'aturan lain', mis. Perda 5/2021 Pasal 12 ayat (2)."),
    )
    explanation = forms.CharField(
        label=gettext_lazy("Penjelasan untuk pemohon"),
        min_length=10,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Ditampilkan kepada pemohon. Jelaskan apa yang tidak dipenuhi."),
    )

    def __init__(self, *args, requirements=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.requirements = {str(r.pk): r for r in requirements}
        self.fields["basis"].choices = [
            ("", _("Pilih persyaratan atau aturan…")),
            (
                _("Persyaratan standar pelayanan"),
                [(f"req-{pk}", r.name) for pk, r in self.requirements.items()],
            ),
            (REJECT_OTHER_RULE, _("Aturan lain (tulis di bawah)")),
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("basis") == REJECT_OTHER_RULE and not cleaned.get("rule", "").strip():
            self.add_error("rule", _("Tulis aturan yang tidak dipenuhi."))
        return cleaned

    @property
    def reason(self) -> str:
        """The reason text the citizen reads: the cited requirement or rule, then the explanation."""
        basis = self.cleaned_data["basis"]
        explanation = self.cleaned_data["explanation"].strip()
        if basis == REJECT_OTHER_RULE:
            cited = _("Tidak memenuhi aturan: %(rule)s.") % {"rule": self.cleaned_data["rule"].strip()}
        else:
            requirement = self.requirements[basis.removeprefix("req-")]
            cited = _("Persyaratan tidak dipenuhi: %(name)s.") % {"name": requirement.name}
        return f"{cited} {explanation}"


CORRECTION_GENERAL = "umum"


class CorrectionForm(ActionForm):
    note = _note_field(gettext_lazy("Catatan umum untuk pemohon (tidak wajib)"))


class CorrectionItemForm(forms.Form):
    target = forms.ChoiceField(label=gettext_lazy("Yang perlu diperbaiki"), required=False)
    message = forms.CharField(
        label=gettext_lazy("Apa yang salah dan cara memperbaikinya"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = (targets or {}).get("choices", [])
        self._targets = (targets or {}).get("objects", {})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("target") not in ("", CORRECTION_GENERAL) and not cleaned.get("message", "").strip():
            self.add_error("message", _("Tulis apa yang perlu diperbaiki."))
        return cleaned

    def item(self):
        """(requirement | form field | None, message), or None for an empty row."""
        message = self.cleaned_data.get("message", "").strip()
        if not message:
            return None
        return self._targets.get(self.cleaned_data.get("target") or CORRECTION_GENERAL), message


def correction_targets(requirements, form_fields) -> dict:
    """The choices of a correction item: "umum", each requirement, each form field."""
    objects: dict[str, object] = {CORRECTION_GENERAL: None}
    requirement_choices, field_choices = [], []
    for requirement in requirements:
        objects[f"req-{requirement.pk}"] = requirement
        requirement_choices.append((f"req-{requirement.pk}", requirement.name))
    for form_field in form_fields:
        objects[f"field-{form_field.pk}"] = form_field
        field_choices.append((f"field-{form_field.pk}", form_field.label))
    choices = [(CORRECTION_GENERAL, _("Umum"))]
    if requirement_choices:
        choices.append((_("Berkas persyaratan"), requirement_choices))
    if field_choices:
        choices.append((_("Isian formulir"), field_choices))
    return {"choices": choices, "objects": objects}


class BaseCorrectionItemFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        if not self.items():
            raise ValidationError(
                _("Sebutkan paling sedikit satu hal yang perlu diperbaiki."), code="no_items"
            )

    def items(self) -> list:
        return [item for form in self.forms if (item := form.item()) is not None]


CorrectionItemFormSet = forms.formset_factory(
    CorrectionItemForm, formset=BaseCorrectionItemFormSet, extra=3, max_num=20, absolute_max=20
)


# --- Officer-assisted filing ------------------------------------------------------------------


class CitizenSearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("NIK atau email warga"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
        help_text=gettext_lazy("16 angka NIK pada KTP-el, atau alamat email akun warga."),
    )

    def clean_q(self) -> str:
        value = self.cleaned_data["q"].strip()
        if "@" in value:
            return value.lower()
        value = "".join(value.split())
        try:
            parse_nik(value)
        except InvalidNik as exc:
            raise ValidationError(str(exc), code="invalid_nik") from exc
        return value

    def find(self) -> tuple[User | None, User | None]:
        """(the citizen found, or None; a non-citizen account using the NIK or email, or None)."""
        value = self.cleaned_data["q"]
        lookup = {"email__iexact": value} if "@" in value else {"nik": value}
        user = User.objects.filter(**lookup).first()
        if user is None:
            return None, None
        if user.role != Role.CITIZEN or user.is_superuser:
            return None, user
        return user, None


def chosen_citizen(pk: str) -> User | None:
    """The citizen account picked on the search result (posted back as a hidden field, so checked
    again: an active citizen account)."""
    if not str(pk).isdigit():
        return None
    return User.objects.filter(pk=int(pk), role=Role.CITIZEN, is_superuser=False, is_active=True).first()


class AssistStartForm(forms.Form):
    """Which service, and the citizen's consent: required before anything is filed in their name."""

    service = forms.ModelChoiceField(
        label=gettext_lazy("Layanan"),
        queryset=Service.objects.none(),
        empty_label=gettext_lazy("Pilih layanan…"),
    )
    consent = forms.BooleanField(
        label=gettext_lazy("Warga menyetujui petugas mengajukan permohonan atas namanya"),
        error_messages={"required": gettext_lazy("Persetujuan warga wajib dicatat.")},
    )
    consent_note = forms.CharField(
        label=gettext_lazy("Catatan persetujuan"),
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Bagaimana persetujuan diberikan, mis. 'Persetujuan lisan di loket 3, KTP-el asli diperiksa'."
        ),
    )

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        if services is not None:
            self.fields["service"].queryset = services


class CitizenCreateForm(forms.Form):
    """A new citizen account created at the counter; an email or a mobile number is required."""

    full_name = forms.CharField(label=gettext_lazy("Nama lengkap (sesuai KTP-el)"), max_length=150)
    nik = forms.CharField(
        label=gettext_lazy("NIK"),
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(
        label=gettext_lazy("Nomor HP"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("Email"),
        max_length=254,
        required=False,
        help_text=gettext_lazy(
            "Kosongkan bila warga tidak punya email; tanda terima lalu hanya diberikan tercetak di loket."
        ),
    )

    def clean_nik(self) -> str:
        nik = "".join(self.cleaned_data["nik"].split())
        try:
            parse_nik(nik)
        except InvalidNik as exc:
            raise ValidationError(str(exc), code="invalid_nik") from exc
        return nik

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        try:
            return normalize_mobile(phone)
        except InvalidPhone as exc:
            raise ValidationError(str(exc), code="invalid_phone") from exc

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email and not is_deliverable_email(email):
            raise ValidationError(_("Alamat email ini tidak dapat dipakai."), code="reserved_email")
        return email

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("phone"):
            raise ValidationError(
                _("Isi email atau nomor HP warga agar MPP dapat menghubunginya."), code="no_contact"
            )
        return cleaned
