from django.core.management.base import BaseCommand

from notifications.services import message_templates_seed


class Command(BaseCommand):
    help = "Create the built-in message templates (Indonesian and English); existing ones are kept."

    def handle(self, *args, **options):
        created = message_templates_seed()
        self.stdout.write(f"{created} message template(s) created.")
