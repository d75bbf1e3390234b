"""Build tools for the packaged app (PyInstaller bundle, icons, Linux launcher, checks).

Nothing here is imported by the app itself; build.spec, the Makefile and the tests use it.
"""
