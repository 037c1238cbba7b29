"""Recompute the SLA deadlines of open applications after the calendar changed (office hours,
holidays, admin overrides), and say how many moved."""

from django.core.management.base import BaseCommand

from permits.services import applications_recompute_deadlines


class Command(BaseCommand):
    help = "Hitung ulang batas waktu permohonan yang sedang berjalan menurut kalender kerja terkini."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Hanya hitung yang berubah, tanpa menyimpan."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        checked, moved = applications_recompute_deadlines(dry_run=dry_run)
        verb = "akan berubah" if dry_run else "berubah"
        self.stdout.write(f"{moved} dari {checked} permohonan yang berjalan {verb} batas waktunya.")
        return None
