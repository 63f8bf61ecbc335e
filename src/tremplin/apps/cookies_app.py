"""State of the "Traces et cookies / Traces and cookies" app: a pretend recipe site behind a
consent banner, and who follows the visitor from page to page.

The machine is module 10's (`tremplin.tracking`: the made-up sites, their trackers, the consent,
what each tracker learns and guesses), so the app and the module always agree. What this file
adds is the beginner's view: one site of three pages (`cookies_walk`), a banner answered once,
and beside the page, in plain words, which trackers saw it and what each now believes. The last
screen (`cookies_final`) compares with the other answer.

Nothing real is contacted or stored: the site, its addresses (.example) and the companies are
made up, and "Recommencer / Start again" forgets everything, as a new visitor.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..i18n import t
from ..tracking import (
    ACCEPT_ALL,
    ASKED,
    REFUSE_ALL,
    Consent,
    Knowledge,
    Session,
    Tracker,
    World,
    in_lang,
    profile,
)
from .cookies_walk import Walk, walk
from .kit import status

SCREENS = ("banner", "choose", "browse", "final")  # one task each; `display()` shows one


def esc(text: str) -> str:
    """Text going into HTML: <, > and & escaped, apostrophes left as they are written."""
    return html.escape(text, quote=False)


@dataclass
class CookiesApp:
    """The language, the screen, the on/off buttons of "Choose", the page on screen and the
    browsing session (answer and visits): everything the page shows is computed from these."""

    lang: str = "fr"
    screen: str = "banner"
    wanted: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(ASKED, False))
    current: str = ""
    session: Session = field(default_factory=Session)

    @property
    def walk(self) -> Walk:
        return walk()

    @property
    def world(self) -> World:
        return self.session.world

    def text(self, key: str, **params: object) -> str:
        return t(f"app.cookies.{key}", self.lang, **params)

    def say(self, key: str, **params: object) -> str:
        """A text of the catalogue, ready to go into HTML."""
        return esc(self.text(key, **params))

    # What the visitor does

    BUTTONS = ("accept_all", "refuse_all", "choose", "save", "see", "back", "reset")

    def press(self, key: str) -> None:
        """One of the BUTTONS (each named by its text in the catalogue) was pressed."""
        actions = {"accept_all": lambda: self.answer(ACCEPT_ALL),
                   "refuse_all": lambda: self.answer(REFUSE_ALL), "choose": self.choose,
                   "save": self.save, "see": self.finish, "back": self.back, "reset": self.reset}
        actions[key]()

    def answer(self, consent: Consent) -> None:
        """The banner is answered: the site's first page opens and is seen by whom it lets in."""
        self.session.answer(self.walk.site, consent)
        self.open(self.walk.pages[0])

    def choose(self) -> None:
        """Show one on/off button per purpose, all off: a box ticked in advance is no consent."""
        self.wanted = dict.fromkeys(ASKED, False)
        self.screen = "choose"

    def flip(self, purpose: str) -> None:
        self.wanted[purpose] = not self.wanted[purpose]

    def save(self) -> None:
        self.answer(Consent(**self.wanted))

    def open(self, page_id: str) -> None:
        """Go to a page; each visit counts, even to a page seen before (trackers count too)."""
        if self.session.needs_banner(page_id):
            self.screen = "banner"
            return
        self.session.visit(page_id)
        self.current, self.screen = page_id, "browse"

    def finish(self) -> None:
        self.screen = "final"

    def back(self) -> None:
        """Back to the page on screen, without counting a new visit."""
        self.screen = "browse" if self.current else "banner"

    def reset(self) -> None:
        """A new visitor: no answer, no visits, nothing remembered."""
        self.session.forget()
        self.wanted = dict.fromkeys(ASKED, False)
        self.current, self.screen = "", "banner"

    def display(self, *screens: str) -> str | None:
        """The CSS display of a box shown on these screens (each one of SCREENS)."""
        return None if self.screen in screens else "none"

    # What the page shows

    @property
    def consent(self) -> Consent:
        """The answer in force (no answer yet counts as no: silence is not consent)."""
        return self.session.answers.get(self.walk.site, REFUSE_ALL)

    @property
    def other(self) -> Consent:
        """The answer to compare with: refusing all, or accepting all for one who refused."""
        return ACCEPT_ALL if self.consent.choice == "refuse_all" else REFUSE_ALL

    def purpose(self, purpose: str) -> str:
        return in_lang(self.world.purposes[purpose], self.lang)

    def choice_name(self, consent: Consent) -> str:
        """How the banner was answered, in words: "Accept all", or which purposes were let in."""
        if consent.choice != "custom":
            return self.text(consent.choice)
        said = [self.purpose(p).lower() for p in ASKED if consent.allows(p)]
        return self.text("custom", purposes=", ".join(said))

    def site_trackers(self) -> list[Tracker]:
        """The site's own cookie first, then every company present on at least one page."""
        present = {tid for page in self.walk.pages for tid in self.world.pages[page].trackers}
        return [tr for tid, tr in self.world.trackers.items() if tid in present]

    def page_title(self, page_id: str) -> str:
        return self.world.pages[page_id].title(self.lang)

    def labels(self) -> list[str]:
        """The names of every button, in order: BUTTONS, the on/off buttons, the pages."""
        return ([self.text(key) for key in self.BUTTONS]
                + [self.toggle_label(purpose) for purpose in ASKED]
                + [self.page_title(page) for page in self.walk.pages])

    def toggle_label(self, purpose: str) -> str:
        """An on/off button's name: the purpose and its state in words (and a symbol)."""
        on = self.wanted[purpose]
        return self.text("toggle", mark="✓" if on else "✗", purpose=self.purpose(purpose),
                         state=self.text("on" if on else "off"))

    def window_html(self) -> str:
        """The pretend browser: address bar, the site's name, and the page (or what hides it)."""
        site = self.world.sites[self.walk.site]
        page = self.world.pages[self.current or self.walk.pages[0]]
        address = f"https://{site['domain']}{page.path}"
        top = (f'<div class="tremplin-addressbar"><span class="tremplin-sr">'
               f"{self.say('address')} </span>{esc(address)}</div>"
               f'<p class="tremplin-site"><b>{esc(site["name"])}</b> — '
               f"{esc(in_lang(site['about'], self.lang))}</p>")
        if self.screen != "browse":
            return top + f'<p class="tremplin-hidden-page">{self.say("hidden")}</p>'
        return (top + f'<div class="tremplin-webpage"><h2>{esc(page.title(self.lang))}</h2>'
                f"<p>{esc(in_lang(self.walk.bodies[page.id], self.lang))}</p></div>"
                f"<p>{self.say('go')}</p>")

    def banner_html(self) -> str:
        companies = [tr for tr in self.site_trackers() if tr.purpose != "necessary"]
        uses = ", ".join(self.purpose(p).lower() for p in ASKED)
        return (f"<h2>{self.say('banner_title')}</h2><p>" + self.say(
            "banner", site=self.world.sites[self.walk.site]["name"], count=len(companies),
            uses=uses) + "</p>")

    def choose_html(self) -> str:
        states = ", ".join(self.text("state", purpose=self.purpose(p),
                                     state=self.text("on" if self.wanted[p] else "off"))
                           for p in ASKED)
        return (f"<h2>{self.say('choose_title')}</h2><p>{self.say('choose_help')}</p>"
                + status(f"<p>{self.say('choices_now', choices=states)}</p>"))

    def trackers_html(self) -> str:
        """Beside the page: who saw it (read out), then what each tracker knows so far."""
        knowledge = self.session.knowledge()
        here = self.world.pages[self.current].trackers if self.current else ()
        saw = [tr.name for tr in self.site_trackers()
               if tr.id in here and self.consent.allows(tr.purpose)]
        blocked = [tr.name for tr in self.site_trackers()
                   if tr.id in here and not self.consent.allows(tr.purpose)]
        live = f"<p>{self.say('saw_page', names=', '.join(saw))}</p>" if saw else ""
        if blocked:
            live += f"<p>{self.say('blocked_page', names=', '.join(blocked))}</p>"
        cards = "".join(self._card(tr, knowledge[tr.id], here) for tr in self.site_trackers())
        return (f"<h2>{self.say('trackers_title')}</h2>" + status(live)
                + f'<ul class="tremplin-tracker-list">{cards}</ul>')

    def _card(self, tracker: Tracker, known: Knowledge, here: tuple[str, ...]) -> str:
        """One tracker in plain words: whose it is, this page, the pages it saw, its guesses."""
        own = tracker.purpose == "necessary"
        party = self.text("own" if own else "company")
        now = ("absent" if tracker.id not in here
               else "saw" if self.consent.allows(tracker.purpose) else "blocked")
        lines = [f"<b>{esc(tracker.name)}</b> — "
                 + self.say("about", party=party, purpose=self.purpose(tracker.purpose)),
                 self.say(now)]
        if known.pages:
            titles = ", ".join(self.page_title(page) for page in known.pages)
            lines.append(self.say("pages", count=len(known.pages), titles=titles))
        else:
            lines.append(self.say("nothing"))
        text = "<br>".join(lines)
        if own:
            return f"<li>{text}<br>{self.say('own_note')}</li>"
        return f"<li>{text}{self.beliefs_html(known)}</li>"

    def beliefs_html(self, known: Knowledge) -> str:
        """What a tracker guesses from the pages it saw, the surest first."""
        items = []
        for belief in profile(known, self.world):
            sure = self.say("sure" if belief.sure else "maybe")
            warn = f" <b>{self.say('sensitive')}</b>" if belief.interest.sensitive else ""
            items.append(f"<li>{sure} {esc(belief.interest.belief(self.lang))}{warn}</li>")
        return f"<br>{self.say('believes')}<ul>{''.join(items)}</ul>" if items else ""
