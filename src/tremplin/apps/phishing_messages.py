"""The messages of the "Pêche aux hameçons / Phishing hunt" app, read from
`data/app-phishing-messages.yaml` and checked on load.

The person adding a message is a trainer, not a programmer: every error names the file and the
message to fix (a missing English text, a clue quoting words that are not in the message, an
address that is not a made-up `.example` one), instead of a blank or a clue pointing at nothing
in front of a visitor. Where a link really goes and which site an address comes from are read by
module 07's `tremplin.web` and `tremplin.web_services` (the site is the end of the host), as a
careful reader would. Nothing is fetched.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from ..i18n import DATA, LANGUAGES, t
from ..web import AddressProblem, read_address, site_of
from ..web_services import read_email

MESSAGES_FILE = DATA / "app-phishing-messages.yaml"
CHANNELS = ("sms", "email")
TRAP_KINDS = ("sender", "urgency", "link", "secret", "mistakes")  # the five clues to remember
GOOD = "good"
FIELDS = ("sender", "address", "subject", "text", "link")  # where a clue's words are looked for
FICTION_ENDING = ".example"


class MessageError(ValueError):
    """The messages file cannot be used; the text names the file and the message."""


@dataclass(frozen=True)
class Clue:
    kind: str  # one of TRAP_KINDS, or GOOD for a good sign of a genuine message
    quote: dict[str, str]
    why: dict[str, str]


@dataclass(frozen=True)
class Message:
    id: str
    channel: str
    trap: bool
    sender: dict[str, str]
    address: str  # e-mails only
    subject: dict[str, str] | None
    text: dict[str, str]
    link_text: dict[str, str] | None
    link_to: dict[str, str] | None
    clues: tuple[Clue, ...]
    note: dict[str, str]

    def fields(self, lang: str) -> dict[str, str]:
        """The message's texts in one language, by FIELDS ("" where it has none)."""
        return {"sender": self.sender[lang], "address": self.address,
                "subject": self.subject[lang] if self.subject else "", "text": self.text[lang],
                "link": self.link_text[lang] if self.link_text else ""}

    def spans(self, lang: str) -> list[tuple[str, int, int, int]]:
        """Where each clue's words are: (field, start, end, clue index), first field first.
        Raises ValueError naming the clue whose words are not in the message."""
        texts, found = self.fields(lang), []
        for index, clue in enumerate(self.clues):
            quote = clue.quote[lang]
            place = next(((name, texts[name].find(quote)) for name in FIELDS
                          if quote and quote in texts[name]), None)
            if place is None:
                raise ValueError(t("app.phishing.error.quote_missing", number=index + 1,
                                   quote=quote, lang=lang))
            found.append((place[0], place[1], place[1] + len(quote), index))
        return found

    def link_site(self, lang: str) -> str:
        """The site the link really leads to: the end of its host ("" with no link)."""
        return read_address(self.link_to[lang]).site_name if self.link_to else ""

    def sender_site(self) -> str:
        """The site an e-mail comes from: the end of its address ("" for a text message)."""
        return site_of(read_email(self.address).domain) if self.address else ""


def _texts(value: Any, key: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError(t("app.phishing.error.need_texts", key=key, langs=", ".join(LANGUAGES)))
    missing = [lang for lang in LANGUAGES
               if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if missing:
        raise ValueError(t("app.phishing.error.need_texts", key=key, langs=", ".join(missing)))
    return {lang: value[lang] for lang in LANGUAGES}


def _fictional_site(site: str, value: str) -> None:
    if not site.endswith(FICTION_ENDING):
        raise ValueError(t("app.phishing.error.not_fiction", value=value))


def _message(raw: dict[str, Any]) -> Message:
    """One entry of the file as a Message; a ValueError says what is wrong with it."""
    channel = raw.get("channel")
    if channel not in CHANNELS:
        raise ValueError(t("app.phishing.error.bad_channel", value=channel,
                           known=", ".join(CHANNELS)))
    if not isinstance(raw.get("trap"), bool):
        raise ValueError(t("app.phishing.error.need_trap"))
    email = channel == "email"
    address = str(raw.get("address") or "")
    if email and not address:
        raise ValueError(t("app.phishing.error.need_address"))
    link = raw.get("link")
    if link is not None and not isinstance(link, dict):
        raise ValueError(t("app.phishing.error.bad_link", value=link))
    goes_to = (link or {}).get("goes_to")
    clues = raw.get("clues")
    if not isinstance(clues, list):
        raise ValueError(t("app.phishing.error.need_clues"))
    allowed = TRAP_KINDS if raw["trap"] else (GOOD,)
    built = []
    for number, clue in enumerate(clues, start=1):
        kind = clue.get("kind") if isinstance(clue, dict) else None
        if kind not in allowed:
            raise ValueError(t("app.phishing.error.bad_kind", number=number, value=kind,
                               known=", ".join(allowed)))
        built.append(Clue(kind, _texts(clue.get("quote"), f"clues[{number}].quote"),
                          _texts(clue.get("why"), f"clues[{number}].why")))
    if raw["trap"] and not built:
        raise ValueError(t("app.phishing.error.no_clue"))
    message = Message(
        str(raw["id"]), channel, raw["trap"], _texts(raw.get("sender"), "sender"), address,
        _texts(raw.get("subject"), "subject") if email else None, _texts(raw.get("text"), "text"),
        _texts(link.get("text"), "link.text") if link else None,
        (_texts(goes_to, "link.goes_to") if isinstance(goes_to, dict)
         else dict.fromkeys(LANGUAGES, str(goes_to))) if link else None,
        tuple(built), _texts(raw.get("note"), "note"))
    _check_places(message)
    return message


def _check_places(message: Message) -> None:
    """Addresses readable and fictional; every clue's words in the message, none overlapping."""
    if message.address:
        try:
            _fictional_site(message.sender_site(), message.address)
        except ValueError as exc:
            raise ValueError(t("app.phishing.error.bad_address", value=message.address)) from exc
    for lang in LANGUAGES:
        if message.link_to:
            try:
                _fictional_site(message.link_site(lang), message.link_to[lang])
            except (AddressProblem, ValueError) as exc:
                raise ValueError(t("app.phishing.error.bad_link",
                                   value=message.link_to[lang])) from exc
        spans = sorted(message.spans(lang))
        for (name, _, end, first), (other, start, _, second) in pairwise(spans):
            if name == other and start < end:
                raise ValueError(t("app.phishing.error.overlap", first=first + 1,
                                   second=second + 1, lang=lang))


def load_messages(path: Path = MESSAGES_FILE) -> tuple[Message, ...]:
    """The messages in the file's order, each checked, at least one trap and one genuine."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise MessageError(t("app.phishing.error.file", file=path.name, problem=exc)) from exc
    entries = raw.get("messages") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise MessageError(t("app.phishing.error.file", file=path.name,
                             problem=t("app.phishing.error.need_list")))
    found: list[Message] = []
    for number, entry in enumerate(entries, start=1):
        mid = entry.get("id") if isinstance(entry, dict) else None
        where = mid if isinstance(mid, str) and mid.strip() else f"#{number}"
        try:
            if where != mid:
                raise ValueError(t("app.phishing.error.need_id"))
            if any(m.id == mid for m in found):
                raise ValueError(t("app.phishing.error.repeated_id"))
            found.append(_message(entry))
        except ValueError as exc:
            raise MessageError(t("app.phishing.error.entry", file=path.name, id=where,
                                 problem=exc)) from exc
    if len({m.trap for m in found}) < 2:
        raise MessageError(t("app.phishing.error.file", file=path.name,
                             problem=t("app.phishing.error.need_both")))
    return tuple(found)
