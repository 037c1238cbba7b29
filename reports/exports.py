"""Every dashboard table downloads as CSV (UTF-8 with BOM, so Excel reads Indonesian names right)
or XLSX (XlsxWriter: numbers stay numbers)."""

import csv
import io
from datetime import date

import xlsxwriter
from django.http import HttpResponse
from django.utils.text import slugify

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value):
    return "" if value is None else value


def table_response(table, fmt: str, *, filename_hint: str = "") -> HttpResponse:
    name = slugify(f"{filename_hint}-{table.key}-{date.today():%Y%m%d}".strip("-"))
    if fmt == "xlsx":
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        sheet = workbook.add_worksheet(table.title[:31])
        bold = workbook.add_format({"bold": True})
        sheet.write_row(0, 0, [str(c) for c in table.columns], bold)
        for r, row in enumerate(table.rows, start=1):
            for c, value in enumerate(row):
                sheet.write(r, c, _cell(value))
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, len(table.columns), 16)
        workbook.close()
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([str(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([_cell(v) for v in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
