"""Support cases (domestic violence, child protection, other support), their parts and timeline, and the task list."""
