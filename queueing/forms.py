from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Counter, PriorityReason, Queue


class IssueForm(forms.Form):
    queue = forms.ModelChoiceField(
        label=_("Antrian"), queryset=Queue.objects.none(), widget=forms.RadioSelect
    )
    priority_reason = forms.ChoiceField(
        label=_("Prioritas"), choices=PriorityReason.choices, required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args, queues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["queue"].queryset = Queue.objects.filter(pk__in=[q.pk for q in queues])


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Kode pemesanan"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class BookingForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Layanan"), queryset=None, to_field_name="code")
    day = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    starts_at = forms.TimeField(
        label=_("Jam sesi"), widget=forms.TimeInput(attrs={"type": "time", "step": 1800}, format="%H:%M")
    )
    priority_reason = forms.ChoiceField(label=_("Prioritas"), choices=PriorityReason.choices, required=False)

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        from services.models import Service

        self.fields["service"].queryset = Service.objects.filter(pk__in=[s.pk for s in services]).order_by(
            "name"
        )


class TransferForm(forms.Form):
    to_queue = forms.ModelChoiceField(label=_("Ke antrian"), queryset=None, required=False)
    to_counter = forms.ModelChoiceField(label=_("Ke loket"), queryset=None, required=False)

    def __init__(self, *args, counter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_queue"].queryset = Queue.objects.filter(is_active=True).order_by("prefix")
        self.fields["to_counter"].queryset = Counter.objects.filter(
            is_active=True, agency_id=counter.agency_id
        ).exclude(pk=counter.pk)

    def clean(self):
        data = super().clean()
        if bool(data.get("to_queue")) == bool(data.get("to_counter")):
            raise forms.ValidationError(_("Pilih satu tujuan: antrian atau loket."))
        return data
