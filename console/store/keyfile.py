"""The workstation's signing key, kept beside the database file and never in it.

Whoever holds the private key can sign bundles and hub pushes as the workstation, so it must not
travel with every copy and backup of the ``.sqlite`` file. It lives in a key folder of the user's
config directory (``~/.config/incident-console/keys`` on Linux; ``CONSOLE_KEY_DIR`` overrides),
one PEM file per workstation id, folder 0700 and file 0600 as ssh keys are. The database keeps
only the public key (the roster). Moving a workstation to another PC moves its key with an
explicit, passphrase-protected admin command (``keys move-out`` / ``keys move-in``).

Reading and writing the database never needs the key: a workstation whose key is absent keeps
working locally (nothing the task force types is refused for it) and is refused only when it
would sign.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from console.domain.errors import ConsoleError, ValidationError

KEY_DIR_ENV = "CONSOLE_KEY_DIR"
MAX_KEY_FILE = 64 * 1024


def default_directory() -> Path:
    """The key folder of this user: ``CONSOLE_KEY_DIR`` or the platform's config directory."""
    configured = os.environ.get(KEY_DIR_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_config_dir

    return Path(user_config_dir("incident-console", appauthor=False)) / "keys"


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes(serialization.Encoding.Raw,
                                         serialization.PublicFormat.Raw).hex()


def private_hex(key: Ed25519PrivateKey) -> str:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption()).hex()


class KeyStore:
    """One folder of workstation keys (injected into the services; tests give each run its own)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_directory()

    def path(self, workstation_id: str) -> Path:
        if not workstation_id or "/" in workstation_id or "\\" in workstation_id \
                or workstation_id.startswith("."):
            raise ValidationError("keys.bad_workstation", workstation=workstation_id)
        return self.directory / f"{workstation_id}.pem"

    def has(self, workstation_id: str) -> bool:
        return self.path(workstation_id).is_file()

    def save(self, workstation_id: str, key: Ed25519PrivateKey) -> Path:
        """Write atomically, owner-only; never replace a different key already there."""
        target = self.path(workstation_id)
        if target.is_file():
            existing = self._read(target)
            if existing is not None and private_hex(existing) == private_hex(key):
                return target
            raise ConsoleError("keys.file_exists", path=target)
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(self.directory, 0o700)
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(pem)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target

    def load(self, workstation_id: str, public_key: str | None) -> Ed25519PrivateKey:
        """The key that signs as ``workstation_id``; it must match the roster's public key."""
        target = self.path(workstation_id)
        key = self._read(target) if target.is_file() else None
        if key is None:
            raise ConsoleError("keys.missing", path=target)
        if public_key is not None and public_hex(key) != public_key:
            raise ConsoleError("keys.mismatch", path=target)
        return key

    def remove(self, workstation_id: str) -> None:
        self.path(workstation_id).unlink(missing_ok=True)

    @staticmethod
    def _read(path: Path) -> Ed25519PrivateKey | None:
        try:
            if path.stat().st_size > MAX_KEY_FILE:
                return None
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError):
            return None
        return key if isinstance(key, Ed25519PrivateKey) else None


def seal(key: Ed25519PrivateKey, passphrase: str) -> bytes:
    """The key for moving to another PC: PKCS#8 PEM encrypted under the passphrase."""
    if len(passphrase) < 8:
        raise ValidationError("keys.short_passphrase")
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.BestAvailableEncryption(passphrase.encode()))


def unseal(data: bytes, passphrase: str, name: str) -> Ed25519PrivateKey:
    if len(data) > MAX_KEY_FILE:
        raise ValidationError("keys.not_sealed_key", file=name)
    try:
        key = serialization.load_pem_private_key(data, password=passphrase.encode())
    except (ValueError, TypeError):
        raise ValidationError("keys.not_sealed_key", file=name) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ValidationError("keys.not_sealed_key", file=name)
    return key
