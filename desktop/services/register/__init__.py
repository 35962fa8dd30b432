"""The household register: villages, households, people, population events, visits and search."""
