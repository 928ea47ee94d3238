"""Dragoman: offline translation and localization pipeline for news."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dragoman")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"

TOOL_NAME = "Dragoman"
GENERATOR = f"{TOOL_NAME} {__version__}"
