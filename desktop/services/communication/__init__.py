"""Communication activities and the campaigns they answer."""
