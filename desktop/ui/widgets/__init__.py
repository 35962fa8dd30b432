"""Small reusable widgets: date entry, code pickers, checkable lists, form rows with inline errors."""
