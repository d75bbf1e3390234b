# PyInstaller hook for desktop-notifier (reminder notifications with buttons).
# Its default icon lives in the package desktop_notifier.resources, which it only names in
# a string (importlib.resources.files("desktop_notifier.resources")) at import time, so
# PyInstaller finds neither the package nor its python.png without being told; without
# them `import desktop_notifier` fails in the bundle (the smoke test reports it).
from PyInstaller.utils.hooks import collect_data_files

hiddenimports = ["desktop_notifier.resources"]
datas = collect_data_files("desktop_notifier")
