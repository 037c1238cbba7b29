from django import forms
from django.utils.translation import gettext_lazy as _

from services.estimator import PbgEstimateForm


class DesignFilterForm(forms.Form):
    storeys = forms.TypedChoiceField(
        label=_("Jumlah lantai"),
        choices=[("", _("Semua")), ("1", _("1 lantai")), ("2", _("2 lantai"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    max_plot = forms.DecimalField(
        label=_("Luas kavling Anda (m²)"),
        help_text=_("Tampilkan desain yang muat di kavling seluas ini."),
        min_value=1,
        max_value=10000,
        decimal_places=2,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "decimal"}),
    )


class AttachForm(forms.Form):
    application = forms.TypedChoiceField(label=_("Permohonan PBG Anda"), coerce=int)

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].choices = [
            (a.pk, f"{a.service.name} — {a.tracking_number or _('Draf')} #{a.pk}") for a in applications
        ]


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Hasil pemeriksaan teknis"),
        help_text=_(
            "Kesesuaian dengan standar teknis: arsitektur, struktur, utilitas; catatan perbaikan bila ada."
        ),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
    )


class LevyForm(PbgEstimateForm):
    """The estimator's PBG form, for an officer assessing the levy of one application."""
