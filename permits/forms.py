"""Forms of the citizen's permit pages and the public tracking page.

The forms only collect and shape input; the rules (types, ranges, required fields, accepted file
kinds) live in ``permits.services`` and ``permits.uploads`` and come back as
:class:`~permits.services.FieldErrors` / domain errors, which the views attach to these forms.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from services.models import FormField

from . import uploads
from .models import Application
from .services import TEXT_MAX_LENGTH
from .transitions import ApplicationStatus

FIELD_PREFIX = "isian"


def _choices(form_field: FormField) -> list[tuple[str, str]]:
    """[(value, label)] from the stored choices: strings, [value, label] pairs or
    {"value": ..., "label": ...} objects (the same shapes the service accepts)."""
    pairs = []
    for choice in form_field.choices or []:
        if isinstance(choice, dict):
            value = str(choice.get("value", ""))
            pairs.append((value, str(choice.get("label") or value)))
        elif isinstance(choice, list | tuple) and choice:
            pairs.append((str(choice[0]), str(choice[1] if len(choice) > 1 else choice[0])))
        else:
            pairs.append((str(choice), str(choice)))
    return pairs


def _number_attrs(form_field: FormField) -> dict[str, str]:
    # A text input with the decimal keypad, not <input type=number>: browsers send an empty value
    # for what they cannot parse ("12,5" in an English browser), which would silently drop the
    # citizen's answer instead of showing the service's message next to the field.
    return {"inputmode": "decimal", "autocomplete": "off", "class": "input-number"}


class ApplicationForm(forms.Form):
    """The service-specific fields of the pinned standard, plus (for a draft) the delivery choice.

    Every field is optional here: "required" is checked at submission, so a half-filled draft can
    be saved. Values reach the service as the raw text the citizen typed.
    """

    status = forms.CharField(widget=forms.HiddenInput, required=False)
    delivery_method = forms.ChoiceField(
        label=_("Cara pengambilan hasil"),
        choices=Application.Delivery.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    delivery_address = forms.CharField(
        label=_("Alamat pengantaran"),
        help_text=_("Wajib diisi bila hasil diantar kurir: jalan, nomor, RT/RW, kelurahan, kecamatan."),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )

    # OSS RBA: only for a service with a risk level (``business=True``); checked by the service.
    nib = forms.CharField(
        label=_("NIB (Nomor Induk Berusaha)"),
        help_text=_("13 angka dari dokumen NIB yang diterbitkan OSS."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": 20}),
        required=False,
    )
    kbli_code = forms.CharField(
        label=_("Kode KBLI"),
        help_text=_("5 angka KBLI 2020 kegiatan usaha Anda; kosongkan untuk memakai KBLI layanan ini."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": 5}),
        required=False,
    )

    # OSS RBA menengah rendah (``declaration=True``): the pernyataan mandiri, ticked.
    standard_declaration = forms.BooleanField(
        label=_("Saya membuat pernyataan mandiri di atas"),
        required=False,
    )

    def __init__(
        self,
        *args,
        form_fields,
        with_delivery: bool,
        business: bool = False,
        declaration: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.form_fields = list(form_fields)
        self.with_delivery = with_delivery
        self.business = business
        self.declaration = business and declaration
        if not with_delivery:
            del self.fields["delivery_method"]
            del self.fields["delivery_address"]
        if not business:
            del self.fields["nib"]
            del self.fields["kbli_code"]
        if not self.declaration:
            del self.fields["standard_declaration"]
        for form_field in self.form_fields:
            self.fields[self.field_name(form_field.key)] = self._build(form_field)

    @staticmethod
    def field_name(key: str) -> str:
        return f"{FIELD_PREFIX}_{key}"

    def _build(self, form_field: FormField) -> forms.Field:
        kind = form_field.field_type
        common = {"label": form_field.label, "help_text": form_field.help_text, "required": False}
        if kind == FormField.FieldType.CHOICE:
            choices = [("", _("— Pilih —")), *_choices(form_field)]
            # A CharField with a select, not a ChoiceField: the service checks the value and its
            # message is the one shown.
            return forms.CharField(widget=forms.Select(choices=choices), **common)
        if kind == FormField.FieldType.DATE:
            return forms.CharField(
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common
            )
        if kind in (FormField.FieldType.NUMBER, FormField.FieldType.AREA_M2):
            return forms.CharField(widget=forms.TextInput(attrs=_number_attrs(form_field)), **common)
        return forms.CharField(
            widget=forms.TextInput(attrs={"maxlength": TEXT_MAX_LENGTH}), max_length=None, **common
        )

    def values(self) -> dict[str, str]:
        """The raw answers by field key (what the citizen typed), for the service."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return {f.key: data.get(self.field_name(f.key), "") or "" for f in self.form_fields}

    def add_field_errors(self, errors: dict[str, list[str]]) -> None:
        for key, messages in errors.items():
            name = self.field_name(key)
            for message in messages:
                self.add_error(name if name in self.fields else None, message)

    def bound_form_fields(self):
        """(FormField, BoundField) pairs in the standard's order, for the template."""
        return [(f, self[self.field_name(f.key)]) for f in self.form_fields]

    def seen_status(self) -> str | None:
        value = (self.cleaned_data or {}).get("status") if hasattr(self, "cleaned_data") else None
        return value if value in ApplicationStatus.values else None


def initial_values(application: Application, form_fields) -> dict[str, str]:
    """The form's initial data from the saved answers and delivery choice."""
    saved = {fv.form_field_id: fv.value for fv in application.field_values.all()}
    initial = {ApplicationForm.field_name(f.key): saved.get(f.pk, "") for f in form_fields}
    initial["status"] = application.status
    initial["delivery_method"] = application.delivery_method
    initial["delivery_address"] = application.delivery_address
    return initial


class UploadForm(forms.Form):
    berkas = forms.FileField(
        label=_("Berkas"),
        error_messages={
            "required": _("Pilih berkas yang akan diunggah."),
            "empty": _("Berkas kosong. Pilih berkas lain."),
        },
    )


class WithdrawForm(forms.Form):
    status = forms.CharField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Alasan pembatalan (tidak wajib)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )


class TrackForm(forms.Form):
    nomor = forms.CharField(
        label=_("Nomor permohonan"),
        help_text=_("Tertulis di tanda terima, mis. PBG-2026-000123."),
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Isi nomor permohonan.")},
    )
    kode = forms.CharField(
        label=_("Kode rahasia"),
        help_text=_("8 huruf/angka di tanda terima, di bawah nomor permohonan."),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={"required": _("Isi kode rahasia.")},
    )


def accepted_kinds_label(requirement) -> str:
    return uploads.kinds_label(uploads.accepted_kinds(requirement))
