"""Formatting shared by pages, PDFs and messages."""

from decimal import ROUND_HALF_UP, Decimal


def rupiah(amount: Decimal | int) -> str:
    """Indonesian money: dots between thousands and, when there are cents, a comma:
    350000 -> "Rp350.000", Decimal("1242.50") -> "Rp1.242,50"."""
    amount = Decimal(amount)
    whole = amount.quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    if amount == whole:
        return "Rp" + f"{int(whole):,}".replace(",", ".")
    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return "Rp" + f"{cents:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
