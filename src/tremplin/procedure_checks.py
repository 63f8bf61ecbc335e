"""Is this site official? Is this message a scam? Is this form field right? The judges behind
« Démarches en ligne / Online procedures ».

An address is official when its registered domain (the name just before the first "/", read from
the right) ends in .gouv.fr, or is one of a short shipped list of public bodies whose sites don't
(ameli.fr, caf.fr…). Reading from the right is the whole point: look-alikes put "gouv.fr" or a
public body's name anywhere else. The judges return codes (reasons, clues, problems), never
sentences: `procedure_widgets` and `procedure_activities` say them in French or English.

Standard library only, so the app « Démarche en ligne » can run it in a browser later. Nothing
is fetched: an address is only read, as a careful person would read it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DATA = Path(__file__).parent / "data"
SECOND_LEVEL = frozenset({"gouv.fr", "asso.fr", "com.fr", "co.uk"})  # names sold one level down
SWAPS = (str.maketrans("013", "oie"), str.maketrans("013", "ole"))  # g0uv, 1mpots, amel1, servic3
CLUES = ("domain", "lookalike", "paid", "no_https")  # the clues the chart compares


def read_data(name: str) -> Any:
    """A data file written as JSON inside YAML (whole-line `#` comments allowed): the standard
    library reads it, with no PyYAML in a browser."""
    text = (DATA / name).read_text(encoding="utf-8")
    return json.loads("\n".join(line for line in text.splitlines()
                                if not line.lstrip().startswith("#")))


@cache
def official_data() -> dict[str, Any]:
    return read_data("procedures-official.yaml")


def official_domains() -> tuple[str, ...]:
    """The public bodies on our list, whose sites do not end in .gouv.fr."""
    return tuple(one["domain"] for one in official_data()["official"])


# --- addresses ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Address:
    scheme: str  # "https", "http", or "" when none was typed
    host: str    # "www.impots.gouv.fr"
    domain: str  # the registered domain, what the owner bought: "impots.gouv.fr"
    decoy: str = ""  # a name written before "@", which browsers skip


def registered_domain(host: str) -> str:
    """The last two labels of `host`, or three under a suffix sold one level down (gouv.fr):
    registered_domain("www.impots.gouv.fr.pay.com") == "pay.com"."""
    labels = host.lower().strip(".").split(".")
    keep = 3 if ".".join(labels[-2:]) in SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def parse_address(text: str) -> Address | None:
    """The parts of an address as typed ("www.ameli.fr", "https://…/page"); None if no site name.
    A name before "@" is only a decoy: in https://impots.gouv.fr@pay.com the site is pay.com."""
    text = text.strip()
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    try:
        parts = urlsplit(text if "://" in text else f"//{text}")
        host = parts.hostname or ""
    except ValueError:
        return None
    if "." not in host.strip(".") or not re.fullmatch(r"[\w.-]+", host):
        return None
    return Address(scheme, host, registered_domain(host), parts.username or "")


def is_official_domain(domain: str) -> bool:
    return domain.endswith(".gouv.fr") or domain in official_domains()


def _distance(a: str, b: str) -> int:
    """Letters to add, remove or change to turn a into b (Levenshtein), row by row."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def imitated_site(host: str) -> str:
    """The official site whose name `host` borrows ("ameli-carte-vitale.info" → "ameli.fr"):
    a name word for word, inside a longer word, or one letter off ("impot", "amendez");
    "" when it borrows none."""
    raw = [word for word in re.split(r"[.\-_]+", host.lower()) if word]
    words = [word.translate(swap) for swap in SWAPS for word in raw]
    squashed = "|".join("".join(raw).translate(swap).replace("rn", "m") for swap in SWAPS)
    for one in official_data()["imitated"]:
        name = one["name"]
        if (name in words or (len(name) >= 5 and name in squashed)
                or (len(name) >= 6 and any(_distance(word, name) == 1 for word in words))):
            return one["site"]
    return ""


# --- is this site official? -------------------------------------------------------------------

@dataclass(frozen=True)
class SiteVerdict:
    """What a careful reader concludes from an address (and the price the site asks)."""

    domain: str
    official: bool
    reasons: tuple[str, ...]  # codes, most telling first (see judge_site)
    imitates: str = ""        # the official site a look-alike borrows from

    @property
    def safe(self) -> bool:
        """Official, with a padlock, and not charging for a free procedure: go ahead."""
        return self.official and not {"paid", "no_https"} & set(self.reasons)


def judge_site(address: str, *, price: float = 0, free: bool = True) -> SiteVerdict:
    """Reasons: gouv_fr or listed (official); at_decoy, gouv_elsewhere, lookalike, or else
    not_listed (not official); then paid (money asked for a free procedure) and no_https (no
    padlock) when they apply."""
    parsed = parse_address(address)
    if parsed is None:
        return SiteVerdict("", False, ("not_an_address",))
    reasons: list[str] = []
    imitates = ""
    official = is_official_domain(parsed.domain)
    if official:
        reasons.append("gouv_fr" if parsed.domain.endswith(".gouv.fr") else "listed")
    else:
        if parsed.decoy:
            reasons.append("at_decoy")
        if re.search(r"(^|[.\-_])g[o0]uv([.\-_]|$)", parsed.host):
            reasons.append("gouv_elsewhere")
        imitates = imitated_site(f"{parsed.decoy}.{parsed.host}")
        if imitates:
            reasons.append("lookalike")
        if not reasons:
            reasons.append("not_listed")
    if price > 0 and free:
        reasons.append("paid")
    if parsed.scheme == "http":
        reasons.append("no_https")
    return SiteVerdict(parsed.domain, official, tuple(reasons), imitates)


def judge_known_site(site: dict[str, Any]) -> SiteVerdict:
    """The verdict on one of the sites of procedures-official.yaml."""
    return judge_site(site["address"], price=site["price"], free=site["free"])


def clue_shares() -> dict[str, float]:
    """For each clue, the share of the shipped look-alike sites it catches: the address's
    ending catches them all, the missing padlock very few."""
    verdicts = [judge_known_site(site) for site in official_data()["sites"]]
    fakes = [verdict for verdict in verdicts if not verdict.official]
    caught = {
        "domain": sum(not v.official for v in fakes),
        "lookalike": sum(bool({"lookalike", "gouv_elsewhere", "at_decoy"} & set(v.reasons))
                         for v in fakes),
        "paid": sum("paid" in v.reasons for v in fakes),
        "no_https": sum("no_https" in v.reasons for v in fakes),
    }
    return {clue: caught[clue] / len(fakes) for clue in CLUES}


# --- is this message a scam? ------------------------------------------------------------------

@cache
def messages() -> tuple[dict[str, Any], ...]:
    return tuple(read_data("procedures-scams.yaml")["messages"])


def sender_domain(message: dict[str, Any]) -> str:
    """The registered domain of an e-mail's sender ("" for a name, a number or a call)."""
    sender = message["sender"]
    return registered_domain(sender.rpartition("@")[2]) if "@" in str(sender) else ""


def judge_message(message: dict[str, Any]) -> tuple[str, ...]:
    """The clues that give a message away, most telling first; none for a harmless one."""
    asks = set(message["asks"])
    clues = []
    if asks & {"password", "code", "card"}:
        clues.append("asks_secret")
    if message["link"] and not judge_site(message["link"]).official:
        clues.append("link_not_official")
    if "payment" in asks and (message["link"] or message["channel"] == "call"):
        clues.append("pay_from_message")
    if message["free"] and "payment" in asks:
        clues.append("pay_for_free")
    if message["channel"] == "email" and not is_official_domain(sender_domain(message)):
        clues.append("sender_not_official")
    if message["unsolicited"]:
        clues.append("unsolicited")
    if message["urgent"]:
        clues.append("urgent")
    return tuple(clues)


# --- is this form field right? ----------------------------------------------------------------

DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d+)")


def date_problem(text: str) -> str | None:
    """JJ/MM/AAAA, with a day that exists: 31/02/2025 does not."""
    found = DATE.fullmatch(text.strip())
    if not found:
        return "date_format"
    day, month, year = (int(part) for part in found.groups())
    if len(found[3]) != 4:
        return "date_year"
    try:
        date(year, month, day)
    except ValueError:
        return "date_impossible"
    return None


def postcode_problem(text: str) -> str | None:
    """Five digits, and the first two a département (01 to 95) or overseas (97, 98)."""
    code = text.strip()
    if not re.fullmatch(r"\d{5}", code):
        return "postcode_digits"
    if not (1 <= int(code[:2]) <= 95 or code[:2] in ("97", "98")):
        return "postcode_unknown"
    return None


def email_problem(text: str) -> str | None:
    """Something, one @, then a name with a dot: camille.martin@courriel.example."""
    text = text.strip()
    if " " in text:
        return "email_space"
    if text.count("@") != 1:
        return "email_at"
    name, domain = text.split("@")
    if not name:
        return "email_start"
    if not re.fullmatch(r"[\w-]+(\.[\w-]+)+", domain):
        return "email_end"
    return None


def phone_problem(text: str) -> str | None:
    """Ten digits starting with 0 (spaces and dots allowed), or +33 and nine digits."""
    digits = re.sub(r"[ .\-]", "", text)
    if re.fullmatch(r"0[1-9]\d{8}|\+33[1-9]\d{8}", digits):
        return None
    return "phone_format"


def comment_problem(text: str) -> str | None:
    """A free box is no place for a card or social security number, nor a password."""
    if re.search(r"\d{13,}", re.sub(r"[ .\-]", "", text)) or re.search(
            r"mot de passe|password|code secret", text, re.IGNORECASE):
        return "too_much"
    return None


CHECKS = {"date": date_problem, "postcode": postcode_problem, "email": email_problem,
          "phone": phone_problem, "comment": comment_problem}


def field_problem(kind: str, value: str, required: bool) -> str | None:
    """The first problem with a form field: empty when required, else its kind's own check."""
    if not value.strip():
        return "required" if required else None
    check = CHECKS.get(kind)
    return check(value) if check else None
