"""An online procedure, simulated from start to end: the machine behind « Démarches en ligne /
Online procedures » and the app « Démarche en ligne ».

A made-up person (Camille Martin) reports a change of address, one task per step: choose the real
site among search results, pick a FranceConnect account, log in with a username and a password,
type the one-time code shown on a simulated phone, fill the form, read it over, send it, and keep
the acknowledgement of receipt with its reference number. `Procedure` is a small state machine:
each method is one action of the learner and moves to the next step only when the action is
right; otherwise it returns a code saying what went wrong (`procedure_widgets` words it).

Standard library only, so the app can run it in a browser later. Nothing real is contacted and
nothing is written: the "saved" receipt is a file name in a simulated Documents folder.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .procedure_checks import SiteVerdict, field_problem, judge_known_site, official_data

STEPS: tuple[str, ...] = ("choose", "connect", "login", "code", "form", "review", "receipt")
ORGANISATIONS: tuple[str, ...] = ("caf", "health", "taxes", "pension", "jobs")
MAX_CODE_TRIES = 3  # then a new code is sent, as real sites do
REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no O/0 or I/1 to misread on the phone


class StepError(RuntimeError):
    """An action asked for at the wrong step (an app bug, never the learner's fault)."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str       # text, postcode, date, email, phone or comment: see procedure_checks.CHECKS
    required: bool  # shown with a star *


FIELDS: tuple[Field, ...] = (
    Field("street", "text", True), Field("postcode", "postcode", True),
    Field("town", "text", True), Field("move_date", "date", True),
    Field("email", "email", True), Field("phone", "phone", False),
    Field("comment", "comment", False))


@dataclass(frozen=True)
class Identity:
    """The made-up person whose card the learner copies from. No field is anyone's real data."""

    first_name: str = "Camille"
    last_name: str = "Martin"
    birth_date: str = "14/05/1958"
    username: str = "cmartin58"
    password: str = "Prune-Velo-Lune-7"
    email: str = "camille.martin@courriel.example"
    street: str = "12 rue des Lilas"
    postcode: str = "69003"
    town: str = "Lyon"
    organisations: tuple[str, ...] = ("caf", "health", "taxes")

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def answers(self, today: date) -> dict[str, str]:
        """What the form should receive: the card's fields, moved on the 1st of this month."""
        return {"street": self.street, "postcode": self.postcode, "town": self.town,
                "move_date": today.replace(day=1).strftime("%d/%m/%Y"), "email": self.email,
                "phone": "", "comment": ""}


@dataclass(frozen=True)
class Receipt:
    """The acknowledgement of receipt: proof that the file arrived, and when."""

    reference: str
    sent_at: datetime
    name: str
    answers: tuple[tuple[str, str], ...]
    organisations: tuple[str, ...]
    status: str = "received"  # then "processing", then "done": the follow-up a site shows

    @property
    def filename(self) -> str:
        return f"accuse-reception-{self.reference}.pdf"


def make_reference(when: datetime, rng: random.Random) -> str:
    """A reference number such as DEM-2025-7XK4P2: the year, then six signs hard to misread."""
    return f"DEM-{when.year}-" + "".join(rng.choice(REFERENCE_LETTERS) for _ in range(6))


def search_results() -> list[dict[str, Any]]:
    """The simulated search's results, in the order a search engine shows them (ads first)."""
    found = [site for site in official_data()["sites"] if site["search"]]
    return sorted(found, key=lambda site: site["search"])


def providers() -> list[dict[str, Any]]:
    """The accounts FranceConnect offers in the simulation."""
    return list(official_data()["providers"])


@dataclass
class Procedure:
    """Where Camille is in the procedure, and what she typed. One method per learner action."""

    seed: int | None = None
    identity: Identity = field(default_factory=Identity)
    step: str = "choose"
    provider: str = ""
    code: str = ""
    code_tries: int = 0
    codes_sent: int = 0
    answers: dict[str, str] = field(default_factory=dict)
    organisations: tuple[str, ...] = ()
    problems: dict[str, str] = field(default_factory=dict)
    receipt: Receipt | None = None
    saved: list[str] = field(default_factory=list)  # the simulated Documents folder

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    @property
    def position(self) -> int:
        """0 for the first step; the progress timeline lights the steps before it."""
        return STEPS.index(self.step)

    def _expect(self, step: str) -> None:
        if self.step != step:
            raise StepError(f"this action belongs to step {step!r}, not {self.step!r}")

    def restart(self) -> None:
        """Back to the search, everything typed forgotten (the Documents folder stays)."""
        fresh = Procedure(self.seed, self.identity)
        for name in ("step", "provider", "code", "code_tries", "codes_sent", "answers",
                     "organisations", "problems", "receipt"):
            setattr(self, name, getattr(fresh, name))

    def choose_site(self, site_id: str) -> SiteVerdict:
        """Open a search result; only a safe site (official, padlock, free) lets one go on."""
        self._expect("choose")
        site = next(one for one in search_results() if one["id"] == site_id)
        verdict = judge_known_site(site)
        if verdict.safe:
            self.step = "connect"
        return verdict

    def choose_provider(self, provider_id: str) -> None:
        """FranceConnect: log in with an account one already has (impots.gouv.fr, ameli…)."""
        self._expect("connect")
        if provider_id not in {one["id"] for one in providers()}:
            raise ValueError(f"unknown account {provider_id!r}")
        self.provider, self.step = provider_id, "login"

    def log_in(self, username: str, password: str) -> str | None:
        """None when the username and password are right (a code is then sent to the phone)."""
        self._expect("login")
        if not username.strip() or not password:
            return "login_empty"
        if (username.strip().lower() != self.identity.username
                or password != self.identity.password):
            return "login_wrong"
        self.send_code()
        self.step = "code"
        return None

    def send_code(self) -> str:
        """A new one-time code of six digits, shown on the simulated phone."""
        self.code = f"{self._rng.randrange(10**6):06d}"
        self.code_tries = 0
        self.codes_sent += 1
        return self.code

    def enter_code(self, typed: str) -> str | None:
        """None when the code is right. After MAX_CODE_TRIES wrong codes a new one is sent."""
        self._expect("code")
        typed = re.sub(r"\s", "", typed)
        if not re.fullmatch(r"\d{6}", typed):
            return "code_format"
        if typed != self.code:
            self.code_tries += 1
            if self.code_tries >= MAX_CODE_TRIES:
                self.send_code()
                return "code_resent"
            return "code_wrong"
        self.step = "form"
        return None

    def fill(self, answers: Mapping[str, str], organisations: Iterable[str]) -> dict[str, str]:
        """Check every field at once; with no problem, go on to the review. Returns the problems
        by field name ("organisations" when no body is ticked)."""
        self._expect("form")
        self.answers = {one.name: str(answers.get(one.name, "")).strip() for one in FIELDS}
        ticked = set(organisations)
        self.organisations = tuple(one for one in ORGANISATIONS if one in ticked)
        self.problems = {one.name: problem for one in FIELDS
                         if (problem := field_problem(one.kind, self.answers[one.name],
                                                      one.required))}
        if not self.organisations:
            self.problems["organisations"] = "choose_one"
        if not self.problems:
            self.step = "review"
        return self.problems

    def edit(self) -> None:
        """From the review, back to the form to change an answer (nothing is lost)."""
        self._expect("review")
        self.step = "form"

    def send(self, when: datetime | None = None) -> Receipt:
        """Send the reviewed form: the site answers with an acknowledgement of receipt."""
        self._expect("review")
        when = when or datetime.now()
        self.receipt = Receipt(make_reference(when, self._rng), when.replace(microsecond=0),
                               self.identity.name, tuple(self.answers.items()),
                               self.organisations)
        self.step = "receipt"
        return self.receipt

    def save_receipt(self) -> str:
        """'Save' the receipt as a PDF: its name joins the simulated Documents folder."""
        self._expect("receipt")
        assert self.receipt is not None
        if self.receipt.filename not in self.saved:
            self.saved.append(self.receipt.filename)
        return self.receipt.filename


def demo_receipt(when: datetime, seed: int = 12) -> Receipt:
    """A receipt as if Camille had done everything right: for the module's part on receipts."""
    procedure = Procedure(seed=seed)
    procedure.step = "review"
    procedure.answers = procedure.identity.answers(when.date())
    procedure.organisations = procedure.identity.organisations
    return procedure.send(when)
