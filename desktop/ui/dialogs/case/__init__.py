"""The case window and its forms: one widget per tab, the header's assessment, the dialogs the tabs open."""
