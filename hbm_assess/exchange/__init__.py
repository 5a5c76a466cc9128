"""Files in and out: Excel workbooks that people read and HBM Assess imports again (no Qt here).

export.py writes a workbook; importing.py reads files and folders into the database,
with safety.py vetting each file first and reading.py comparing its cells with what
was exported; layout.py is the workbook's layout in every language, machine_sheet.py
the hidden _hbm sheet, hashing.py the content hash. docs/workbook-format.md explains.
"""
