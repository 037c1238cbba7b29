import time

from django.core.management.base import BaseCommand

from reports.services import facts_refresh


class Command(BaseCommand):
    help = "Bring the dashboards' application facts up to date (all of them with --full)."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Rebuild every fact, not only changed ones.")
        parser.add_argument("--batch-size", type=int, default=2000)

    def handle(self, *args, full: bool, batch_size: int, **options):
        started = time.monotonic()
        written = facts_refresh(full=full, batch_size=batch_size)
        self.stdout.write(f"{written} fakta ditulis dalam {time.monotonic() - started:.1f} detik.")
