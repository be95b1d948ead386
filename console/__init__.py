"""Digital-disaster command console: offline-first incident command for Seoul's IT task force."""

from importlib import metadata

try:
    __version__ = metadata.version("incident-console")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
