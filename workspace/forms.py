from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from agencies.models import Agency, CalendarOverride, Weekday
from queueing.models import PriorityPolicy, Queue
from services.models import FeeItem, FormField, Requirement, Service, ServiceStandard, SopStep
from services.services import EDITABLE_STANDARD_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class StandardForm(forms.ModelForm):
    class Meta:
        model = ServiceStandard
        fields = EDITABLE_STANDARD_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 3})
            for name in EDITABLE_STANDARD_FIELDS
            if name not in ("time_limit_days", "fee_kind", "levy_formula")
        }


class RequirementForm(forms.ModelForm):
    accepted = forms.MultipleChoiceField(
        label=_("Jenis berkas diterima"),
        choices=Requirement.FileKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Requirement
        fields = ["order", "name", "description", "mandatory", "kind"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["accepted"].initial = self.instance.accepted_kinds


class StepForm(forms.ModelForm):
    class Meta:
        model = SopStep
        fields = ["order", "name", "responsible_role", "duration_days"]


class FeeForm(forms.ModelForm):
    class Meta:
        model = FeeItem
        fields = ["order", "label", "amount"]


class FormFieldForm(forms.ModelForm):
    choices_text = forms.CharField(
        label=_("Pilihan (satu per baris)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    class Meta:
        model = FormField
        fields = ["order", "key", "label", "help_text", "field_type", "required", "min_value", "max_value"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.choices:
            self.fields["choices_text"].initial = "\n".join(str(c) for c in self.instance.choices)

    def clean(self):
        data = super().clean()
        choices = [line.strip() for line in (data.get("choices_text") or "").splitlines() if line.strip()]
        if data.get("field_type") == FormField.FieldType.CHOICE and not choices:
            self.add_error("choices_text", _("Isian pilihan memerlukan sedikitnya satu pilihan."))
        data["choices"] = choices
        return data

    def validate_unique(self):
        """Keys are checked across the whole list by the service (rows are replaced together)."""


def row_formset(model, form, extra=1):
    return forms.inlineformset_factory(ServiceStandard, model, form=form, extra=extra, can_delete=True)


RequirementFormSet = row_formset(Requirement, RequirementForm)
StepFormSet = row_formset(SopStep, StepForm)
FeeFormSet = row_formset(FeeItem, FeeForm)
FormFieldFormSet = row_formset(FormField, FormFieldForm)

FORMSETS = {
    "requirements": RequirementFormSet,
    "steps": StepFormSet,
    "fee_items": FeeFormSet,
    "form_fields": FormFieldFormSet,
}


def formset_rows(formset) -> list[dict]:
    rows = []
    for form in formset.forms:
        if not form.has_changed() and not form.instance.pk:
            continue
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        row = {name: data[name] for name in form.Meta.fields if name in data}
        if isinstance(form, RequirementForm):
            row["accepted_kinds"] = data.get("accepted") or []
        if isinstance(form, FormFieldForm):
            row["choices"] = data.get("choices", [])
        rows.append(row)
    return sorted(rows, key=lambda r: r.get("order") or 0)


class PublishForm(forms.Form):
    decree_number = forms.CharField(label=_("Nomor keputusan"), max_length=200)
    decree_date = forms.DateField(label=_("Tanggal keputusan"), widget=DATE)
    effective_from = forms.DateField(label=_("Berlaku mulai"), widget=DATE)


class ConsultationForm(forms.Form):
    closes_at = forms.DateTimeField(label=_("Konsultasi ditutup pada"), widget=DATETIME)


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Tanggapan Anda"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Jawaban"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class MaklumatForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Instansi"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("MPP (seluruh mal)"),
    )
    text = forms.CharField(label=_("Isi maklumat"), widget=forms.Textarea(attrs={"rows": 6}))
    signer_name = forms.CharField(label=_("Nama penanda tangan"), max_length=150)
    signer_position = forms.CharField(label=_("Jabatan penanda tangan"), max_length=200)
    signed_on = forms.DateField(label=_("Tanggal"), widget=DATE)

    def __init__(self, *args, agencies, allow_mpp: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].required = not allow_mpp


class AnnouncementForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Instansi"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("MPP (seluruh mal)"),
    )
    title = forms.CharField(label=_("Judul"), max_length=200)
    body = forms.CharField(label=_("Isi"), widget=forms.Textarea(attrs={"rows": 4}))
    publish_from = forms.DateTimeField(label=_("Tayang mulai"), widget=DATETIME)
    publish_until = forms.DateTimeField(label=_("Tayang sampai"), widget=DATETIME, required=False)

    def __init__(self, *args, agencies, allow_mpp: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].required = not allow_mpp


class OfficeHoursForm(forms.Form):
    def __init__(self, *args, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for weekday, label in Weekday.choices:
            opens, closes = current.get(weekday, (None, None))
            self.fields[f"open_{weekday}"] = forms.BooleanField(
                label=label, required=False, initial=opens is not None
            )
            self.fields[f"opens_{weekday}"] = forms.TimeField(
                label=_("Buka"),
                required=False,
                initial=opens,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )
            self.fields[f"closes_{weekday}"] = forms.TimeField(
                label=_("Tutup"),
                required=False,
                initial=closes,
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            )

    def rows(self):
        return [
            (label, self[f"open_{d}"], self[f"opens_{d}"], self[f"closes_{d}"])
            for d, label in Weekday.choices
        ]

    def clean(self):
        data = super().clean()
        for weekday, _label in Weekday.choices:
            if data.get(f"open_{weekday}"):
                opens, closes = data.get(f"opens_{weekday}"), data.get(f"closes_{weekday}")
                if opens is None or closes is None:
                    self.add_error(f"opens_{weekday}", _("Isi jam buka dan tutup untuk hari yang buka."))
                elif opens >= closes:
                    self.add_error(f"closes_{weekday}", _("Jam tutup harus setelah jam buka."))
        return data

    def hours(self) -> dict:
        return {
            d: (self.cleaned_data[f"opens_{d}"], self.cleaned_data[f"closes_{d}"])
            if self.cleaned_data.get(f"open_{d}")
            else None
            for d, _label in Weekday.choices
        }


class OverrideForm(forms.Form):
    date = forms.DateField(label=_("Tanggal"), widget=DATE)
    kind = forms.ChoiceField(label=_("Jenis"), choices=CalendarOverride.Kind.choices)
    reason = forms.CharField(label=_("Alasan"), max_length=200)


class StaffForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    role = forms.ChoiceField(label=_("Peran"))
    agency = forms.ModelChoiceField(label=_("Instansi"), queryset=Agency.objects.none(), required=False)

    def __init__(self, *args, agencies, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]

    def clean(self):
        data = super().clean()
        from accounts.models import AGENCY_BOUND_ROLES

        if data.get("role") in AGENCY_BOUND_ROLES and not data.get("agency"):
            self.add_error("agency", _("Peran ini memerlukan instansi."))
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Peran"))
    agency = forms.ModelChoiceField(label=_("Instansi"), queryset=Agency.objects.none(), required=False)

    def __init__(self, *args, agencies, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]


# --- Queues and counters (validation of the rules between rows is in queueing.admin_services) ---


class _AgencyServiceChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.agency.short_name} — {obj.name}"


class QueueForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Instansi"), queryset=Agency.objects.none())
    prefix = forms.CharField(
        label=_("Huruf awalan"),
        max_length=2,
        help_text=_("Satu atau dua huruf kapital, tampil di depan nomor tiket (mis. A001)."),
    )
    name = forms.CharField(label=_("Nama antrian"), max_length=120)
    services = _AgencyServiceChoice(
        label=_("Layanan yang dilayani"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    priority_policy = forms.ChoiceField(label=_("Kebijakan prioritas"), choices=PriorityPolicy.choices)
    priority_every = forms.IntegerField(
        label=_("N tiket biasa per satu prioritas"),
        min_value=1,
        max_value=50,
        initial=3,
        help_text=_("Dipakai pada kebijakan selang-seling."),
    )
    default_service_minutes = forms.IntegerField(
        label=_("Lama layanan bawaan (menit)"), min_value=1, max_value=480, initial=10
    )
    slot_minutes = forms.IntegerField(label=_("Panjang sesi (menit)"), min_value=5, max_value=240, initial=30)
    slot_capacity = forms.IntegerField(label=_("Kapasitas per sesi"), min_value=1, max_value=500, initial=12)
    booking_share = forms.IntegerField(
        label=_("Bagian kapasitas untuk pemesanan daring (%)"), min_value=0, max_value=100, initial=50
    )
    is_active = forms.BooleanField(label=_("Aktif"), required=False, initial=True)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["services"].queryset = (
            Service.objects.filter(agency__in=agencies, is_active=True)
            .select_related("agency")
            .order_by("agency__name", "name")
        )

    def clean_prefix(self):
        return self.cleaned_data["prefix"].strip().upper()


class CounterForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Instansi"), queryset=Agency.objects.none())
    number = forms.IntegerField(label=_("Nomor loket"), min_value=1, max_value=999)
    label = forms.CharField(label=_("Nama loket"), max_length=100)
    queues = forms.ModelMultipleChoiceField(
        label=_("Antrian yang dilayani"),
        queryset=Queue.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_active = forms.BooleanField(label=_("Aktif"), required=False, initial=True)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["queues"].queryset = Queue.objects.filter(agency__in=agencies).order_by("prefix")


class QueueBreakForm(forms.Form):
    label = forms.CharField(label=_("Keterangan"), max_length=100)
    weekday = forms.TypedChoiceField(
        label=_("Hari"),
        choices=[("", _("Setiap hari")), *Weekday.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )
    starts_at = forms.TimeField(
        label=_("Mulai"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    ends_at = forms.TimeField(
        label=_("Selesai"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
