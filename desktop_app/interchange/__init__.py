"""The Excel workbook contract (interchange §2): column types, sheet registry, reader and writer."""
