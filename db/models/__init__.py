"""The tables of a profile, one module per topic; `synced` lists those that travel to the hub."""
