import time

from django.core.management.base import BaseCommand

from reports.services import (
    all_months,
    facts_refresh,
    months_rebuild,
    survey_all_months,
    survey_months_rebuild,
)


class Command(BaseCommand):
    help = "Bring the dashboards' application facts up to date (all of them, and every month's survey sums, with --full)."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Rebuild every fact, not only changed ones.")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument(
            "--summaries-only",
            action="store_true",
            help="Only rebuild every month's summaries from the facts.",
        )

    def handle(self, *args, full: bool, batch_size: int, summaries_only: bool, **options):
        started = time.monotonic()
        survey_months = survey_all_months() if full or summaries_only else []
        survey_months_rebuild(months=survey_months)
        if survey_months:
            self.stdout.write(f"{len(survey_months)} bulan survei diringkas.")
        if summaries_only:
            months = all_months()
            months_rebuild(months=months)
            self.stdout.write(f"{len(months)} bulan diringkas dalam {time.monotonic() - started:.1f} detik.")
            return
        written = facts_refresh(full=full, batch_size=batch_size)
        self.stdout.write(f"{written} fakta ditulis dalam {time.monotonic() - started:.1f} detik.")
