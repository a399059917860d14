"""What readers take away: the conclusions as PDF (WeasyPrint, fonts/), the calendar files,
and the open data (conclusions.json with its schema).
"""
