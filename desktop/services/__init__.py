"""Use cases. No Qt here; every public function owns its transaction and returns frozen DTOs."""
