"""What the reports say and how they become files: monthly figures, report documents, exports."""
