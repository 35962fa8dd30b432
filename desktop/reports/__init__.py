"""Documents for the upper level: the layout of Decree 30/2020 in PDF, the same tables in XLSX.

Everything here renders data it is given (`model.ReportDocument`); nothing reads the database.
"""
