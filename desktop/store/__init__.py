"""Peewee over SQLite: the database proxy, the models, migrations and backups."""
