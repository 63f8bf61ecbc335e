"""Pseudonyms for group exports: stable, short, speakable, meaningless without the course secret.

A group overview or CSV leaves the library (sent to a partner, shown on a projector, kept in a
shared folder), so by default it names nobody. Each learner becomes ``apprenant-7f3k-2q9x``
(``learner-7f3k-2q9x`` in English): the code after the prefix is an HMAC-SHA256 of the learner's
nbgrader id, keyed with a random secret kept with the course. So:

* the same learner keeps the same pseudonym from one export to the next (trainers can follow
  progress), and the code is the same in French and English exports;
* without the secret, nobody can recompute a pseudonym from a list of names (a plain hash of a
  first name would be reversed by trying a few thousand names);
* the trainer, who has the course, can still find who is who by running the export with names.

The code is 8 characters of Crockford's base32 (40 bits): no i, l, o or u, so nothing is misread
or spoken ambiguously, and for a group of 1000 the chance that two learners share a code is
about 1 in 2 million.

The secret is created once, on first use, in ``<course>/.tremplin/secret`` (file 0600, folder
0700). It is never replaced silently: a new secret would change every pseudonym ever handed out.
A damaged file is an error that says so and leaves the file as it is, for the trainer to restore.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..i18n import t

SECRET_DIR = ".tremplin"
SECRET_FILE = "secret"
SECRET_BYTES = 32
CODE_LENGTH = 8  # base32 characters, 5 bits each: 40 bits
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base32, lower case


class SecretError(ValueError):
    """The course secret exists but cannot be used; the message says what to do."""


def secret_path(course_root: Path) -> Path:
    return Path(course_root) / SECRET_DIR / SECRET_FILE


def course_secret(course_root: Path) -> bytes:
    """The course's 32-byte secret, created on first use and read from disk afterwards."""
    path = secret_path(course_root)
    if not path.exists() and not path.is_symlink():
        _create(path)
    return _read(path)


def _create(path: Path) -> None:
    """Write a new secret without ever overwriting one, even if two exports start at once."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)  # mkdir's mode is filtered by the umask; a secret's folder is private
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".secret-")  # mkstemp creates it 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_bytes(SECRET_BYTES).hex() + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        # link() fails if the name exists: whoever links first wins and the other reads theirs.
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        os.unlink(tmp)


def _read(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii")
    except OSError as exc:
        raise SecretError(t("pseudonym.secret_unreadable", path=str(path), error=exc)) from exc
    except UnicodeDecodeError as exc:
        raise SecretError(t("pseudonym.secret_damaged", path=str(path))) from exc
    value = text.strip()
    try:
        secret = bytes.fromhex(value)
    except ValueError:
        secret = b""
    if len(secret) != SECRET_BYTES or len(value) != 2 * SECRET_BYTES:
        raise SecretError(t("pseudonym.secret_damaged", path=str(path)))
    return secret


def code(learner_id: str, secret: bytes) -> str:
    """The language-independent part of a pseudonym: ``7f3k-2q9x``."""
    digest = hmac.new(secret, learner_id.encode("utf-8"), hashlib.sha256).digest()
    number = int.from_bytes(digest[: CODE_LENGTH * 5 // 8], "big")
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(CODE_LENGTH))]
    half = CODE_LENGTH // 2
    return "".join(chars[:half]) + "-" + "".join(chars[half:])


def pseudonym(learner_id: str, secret: bytes, lang: str | None = None) -> str:
    """``apprenant-7f3k-2q9x``: the prefix in `lang` (default: the user's), then the code."""
    prefix = t("pseudonym.prefix", lang)
    return f"{prefix}-{code(learner_id, secret)}"


def labeller(secret: bytes, names: bool, lang: str | None = None) -> Callable[[str], str]:
    """How an export shows a learner: the id itself when `names` is asked for, else a pseudonym."""
    if names:
        return _identity
    return lambda learner_id: pseudonym(learner_id, secret, lang)


def _identity(learner_id: str) -> str:
    return learner_id
