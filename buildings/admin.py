from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from permits import uploads

from . import services
from .models import DesignAttachment, HouseDesign

_PDF_ONLY = type("PdfOnly", (), {"accepted_kinds": ["pdf"]})()


class HouseDesignForm(forms.ModelForm):
    class Meta:
        model = HouseDesign
        fields = [
            "code",
            "name",
            "kind",
            "type_label",
            "plot_width_m",
            "plot_depth_m",
            "plot_area_m2",
            "floor_area_m2",
            "storeys",
            "bedrooms",
            "bathrooms",
            "description",
            "drawing",
            "is_published",
            "order",
        ]

    def clean_drawing(self):
        drawing = self.cleaned_data.get("drawing")
        if drawing and hasattr(drawing, "content_type"):  # a new upload, not the stored file
            try:
                uploads.check_upload(drawing, requirement=_PDF_ONLY, max_bytes=20 * 1024 * 1024)
            except uploads.UploadRejected as exc:
                raise forms.ValidationError(exc.message) from exc
            drawing.seek(0)
        return drawing


@admin.register(HouseDesign)
class HouseDesignAdmin(SimpleHistoryAdmin):
    """The UNDAGI library is managed here by MPP admins (add, replace the drawing, unpublish)."""

    form = HouseDesignForm
    list_display = ["name", "type_label", "kind", "plot_area_m2", "floor_area_m2", "storeys", "is_published"]
    list_filter = ["kind", "storeys", "is_published"]
    search_fields = ["name", "code", "type_label"]
    prepopulated_fields = {"code": ("name",)}
    readonly_fields = ["drawing_sha256"]

    def save_model(self, request, obj, form, change):
        if "drawing" in form.changed_data and obj.drawing:
            obj.drawing.seek(0)
            obj.drawing_sha256 = services.drawing_checksum(obj.drawing.read())
            obj.drawing.seek(0)
        obj._change_reason = _("diubah admin") if change else _("ditambahkan admin")
        super().save_model(request, obj, form, change)


@admin.register(DesignAttachment)
class DesignAttachmentAdmin(SimpleHistoryAdmin):
    list_display = ["application", "design", "attached_at"]
    list_select_related = ["application", "design"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
