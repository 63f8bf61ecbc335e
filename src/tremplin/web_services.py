"""Online services of module 07, as plain data: an e-mail address and who sees whom on a message
(To, CC, BCC), attachments that are too big, and a document kept in the cloud that people may read,
comment on or edit, by name or through a link.

Standard library only, for a later edition in the browser. Nothing is sent: a message is a record
of who it is addressed to, and a document is a list of lines in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

# --- e-mail -------------------------------------------------------------------------------------

MAIL_LIMIT_MB = 20  # many mail services refuse a message much larger than 20 to 25 MB
ENCODING_GROWTH = 4 / 3  # an attachment travels written in letters (base64): a third larger


class EmailAddress(NamedTuple):
    user: str  # the mailbox's name, before the "@"
    domain: str  # the mail service or the organisation, after the "@"


def email_problem(text: str) -> str | None:
    """Why `text` cannot be an e-mail address (web.mail_problem_<code>), or None if it can be."""
    typed = text.strip()
    if not typed:
        return "empty"
    if re.search(r"\s", typed):
        return "space"
    if typed.count("@") != 1:
        return "no_at" if "@" not in typed else "several_at"
    user, domain = typed.split("@")
    if not user:
        return "no_user"
    if not domain:
        return "no_domain"
    if "." not in domain.strip(".") or ".." in domain or domain.startswith("."):
        return "no_dot"
    return None


def read_email(text: str) -> EmailAddress:
    """The two parts of an address: "amina.diallo@poste.example" is amina.diallo at poste.example.
    Raises ValueError with the problem's code when it is no address."""
    problem = email_problem(text)
    if problem:
        raise ValueError(problem)
    user, domain = text.strip().split("@")
    return EmailAddress(user, domain.lower())


def split_addresses(text: str) -> tuple[str, ...]:
    """The addresses typed in one box, separated by commas, semicolons or spaces."""
    return tuple(part for part in re.split(r"[,;\s]+", text) if part)


def _key(address: str) -> str:
    return address.strip().lower()  # capitals do not count in practice: one mailbox


def _unique(addresses: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for address in addresses:
        seen.setdefault(_key(address), address.strip())
    return tuple(seen.values())


class View(NamedTuple):
    """What one reader's copy of a message shows."""

    how: str  # "sender", "to", "cc" or "bcc": how this reader got it
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    bcc: tuple[str, ...]  # empty for everyone but the sender


@dataclass(frozen=True)
class Message:
    sender: str
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()  # "copie" / "carbon copy": everyone sees these addresses
    bcc: tuple[str, ...] = ()  # "copie cachée" / "blind carbon copy": nobody else sees them
    attachments: tuple[tuple[str, int], ...] = ()  # (file name, size in bytes)

    def receivers(self) -> tuple[str, ...]:
        """Everyone who gets a copy, each once: To, then CC, then BCC."""
        return _unique(self.to + self.cc + self.bcc)

    def view(self, reader: str) -> View | None:
        """The copy `reader` sees (None if they get none). Everyone sees the sender, To and CC;
        only the sender sees BCC. A BCC reader finds themselves in no list: their copy is hidden."""
        who = _key(reader)
        if who == _key(self.sender):
            return View("sender", self.sender, self.to, self.cc, self.bcc)
        for how, group in (("to", self.to), ("cc", self.cc), ("bcc", self.bcc)):
            if who in {_key(a) for a in group}:
                return View(how, self.sender, self.to, self.cc, ())
        return None

    def who_sees(self, address: str) -> tuple[str, ...]:
        """The readers (sender first) whose copy shows `address`."""
        readers = _unique((self.sender, *self.receivers()))
        return tuple(reader for reader in readers if (view := self.view(reader)) and _key(address)
                     in {_key(a) for a in (view.sender, *view.to, *view.cc, *view.bcc)})

    def reply_all(self, replier: str) -> tuple[str, ...]:
        """Who a "Reply all" from `replier` goes to: the sender, To and CC, never the BCC."""
        return tuple(a for a in _unique((self.sender, *self.to, *self.cc))
                     if _key(a) != _key(replier))

    def sent_size(self) -> int:
        """Bytes the attachments take once written for the journey (a third more)."""
        return round(sum(size for _, size in self.attachments) * ENCODING_GROWTH)

    def too_big(self) -> bool:
        return self.sent_size() > MAIL_LIMIT_MB * 1_000_000


# --- the cloud: a shared document ---------------------------------------------------------------

ROLES = ("none", "read", "comment", "edit")  # each role allows all that the one before allows
ACTIONS = ("read", "comment", "edit")
LINK_SETTINGS = ("restricted", "read", "comment", "edit")  # "restricted": only the people named


@dataclass(frozen=True)
class Share:
    """Who may do what with a document in the cloud: the owner, people named one by one, and
    "anyone with the link" (the link then works like a key that anyone can copy)."""

    owner: str
    people: dict[str, str] = field(default_factory=dict)  # name -> one of ROLES
    link: str = "restricted"  # one of LINK_SETTINGS

    def __post_init__(self) -> None:
        if self.link not in LINK_SETTINGS or any(r not in ROLES for r in self.people.values()):
            raise ValueError(f"roles: {', '.join(ROLES)}; link: {', '.join(LINK_SETTINGS)}")

    def role(self, person: str, has_link: bool = True) -> str:
        """The most `person` may do: "owner", or one of ROLES. Someone not named gets the link's
        role if they have the link (it was sent, forwarded or posted)."""
        if person == self.owner:
            return "owner"
        own = self.people.get(person, "none")
        by_link = self.link if has_link and self.link != "restricted" else "none"
        return max(own, by_link, key=ROLES.index)

    def can(self, person: str, action: str, has_link: bool = True) -> bool:
        if action not in ACTIONS:
            raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
        role = self.role(person, has_link)
        return role == "owner" or ROLES.index(role) >= ROLES.index(action)


class Event(NamedTuple):
    person: str
    action: str  # one of ACTIONS
    text: str
    done: bool  # False: the rights did not allow it, nothing changed


@dataclass
class SharedDocument:
    """One document that everyone opens in the cloud: one copy, always the latest, and a history
    of who did what (e-mailed attachments, by contrast, make one copy per person)."""

    share: Share
    lines: list[str]
    comments: list[tuple[str, str]] = field(default_factory=list)  # (person, text)
    history: list[Event] = field(default_factory=list)

    def _try(self, person: str, action: str, text: str) -> bool:
        done = self.share.can(person, action)
        self.history.append(Event(person, action, text, done))
        return done

    def read(self, person: str) -> tuple[str, ...] | None:
        return tuple(self.lines) if self._try(person, "read", "") else None

    def comment(self, person: str, text: str) -> bool:
        """A note beside the text; the text itself does not change."""
        if done := self._try(person, "comment", text):
            self.comments.append((person, text))
        return done

    def write(self, person: str, text: str) -> bool:
        """A new line at the end of the document, seen at once by everyone who opens it."""
        if done := self._try(person, "edit", text):
            self.lines.append(text)
        return done
