from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.postgres.indexes import OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mpp.indexes import PostgresGinIndex

from .nik import InvalidNik, parse_nik


def validate_nik(value: str) -> None:
    try:
        parse_nik(value)
    except InvalidNik as exc:
        raise ValidationError(str(exc), code="invalid_nik") from exc


class Role(models.TextChoices):
    CITIZEN = "citizen", _("Warga")
    OFFICER = "officer", _("Petugas loket")
    SUPERVISOR = "supervisor", _("Supervisor instansi")
    MPP_ADMIN = "mpp_admin", _("Admin MPP")
    # An agency's own administrator: edits that agency's services, standards and staff only.
    AGENCY_ADMIN = "agency_admin", _("Admin instansi")
    # The MPP's complaint desk: verifies and routes complaints to agencies (SP4N-LAPOR! flow).
    COMPLAINT_OFFICER = "complaint_officer", _("Petugas pengaduan MPP")
    # A member of an agency's expert team (TPA/TPT of SimBG): reviews building designs.
    EXPERT = "expert", _("Tim profesi ahli")


# Roles that process an agency's applications (worklist, counter actions).
AGENCY_ROLES = (Role.OFFICER, Role.SUPERVISOR)
# Roles that belong to one agency (the database refuses them without one).
AGENCY_BOUND_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.AGENCY_ADMIN, Role.EXPERT)


class MppUserManager(UserManager):
    def get_by_natural_key(self, username):
        # Staff and citizens log in with their e-mail address, whatever its case.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person who logs in: a citizen, an agency's officer or supervisor, or an MPP admin."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email"), unique=True)
    full_name = models.CharField(_("nama lengkap"), max_length=150)
    phone = models.CharField(_("nomor telepon"), max_length=20, blank=True)
    nik = models.CharField(
        _("NIK"), max_length=16, unique=True, null=True, blank=True, validators=[validate_nik]
    )
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices, default=Role.CITIZEN)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )
    email_verified_at = models.DateTimeField(_("email diverifikasi"), null=True, blank=True)
    preferred_language = models.CharField(
        _("bahasa"),
        max_length=5,
        choices=[("id", "Bahasa Indonesia"), ("en", "English")],
        default="id",
    )
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = MppUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        indexes = [
            # Worklist search by applicant name (icontains) on PostgreSQL; pg_trgm is installed by
            # services/migrations/0002_search_extensions.
            PostgresGinIndex(
                OpClass(Upper("full_name"), name="gin_trgm_ops"), name="accounts_user_name_trgm"
            ),
            # Staff by role (and agency): the SLA escalations, complaint routing and the staff page
            # look up a few hundred staff among every citizen's account (200,000 at the benchmark:
            # a 19 ms sequential scan each, 0.02 ms with this index).
            models.Index(
                fields=["role", "agency"],
                condition=~models.Q(role=Role.CITIZEN),
                name="accounts_user_staff_role",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                name="agency_staff_have_agency",
                condition=~models.Q(role__in=["officer", "supervisor", "agency_admin", "expert"])
                | models.Q(agency__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_citizen(self) -> bool:
        return self.role == Role.CITIZEN

    @property
    def is_agency_staff(self) -> bool:
        return self.role in AGENCY_ROLES

    @property
    def is_mpp_admin(self) -> bool:
        return self.role == Role.MPP_ADMIN or self.is_superuser
