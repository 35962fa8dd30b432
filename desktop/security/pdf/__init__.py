"""PAdES signatures on the app's PDF reports: who signs, the visible stamp, USB tokens, and checking a signed PDF."""
