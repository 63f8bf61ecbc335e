"""The simulated procedure on screen, one task per screen: « Démarches en ligne / Online
procedures » and, later, the app « Démarche en ligne ».

A progress timeline on top, the current screen under an address bar (where the padlock and the
site's name are read), and on the side Camille's card to copy from, her phone where the one-time
code arrives, and her Documents folder where the receipt is "saved". The logic is
`procedures.Procedure`; this file only lays it out and words its codes in French or English.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import ipywidgets as w

from .apps.kit import TARGET, big_button
from .i18n import t
from .procedure_checks import official_data
from .procedure_display import (
    BOX,
    MAGNIFIER,
    PADLOCK,
    STYLE,
    esc,
    fitted,
    in_lang,
    receipt_html,
    timeline_html,
    verdict_html,
)
from .procedures import FIELDS, ORGANISATIONS, Procedure, providers, search_results


class ProcedureActivity:
    """The whole procedure as screens. `buttons` and `inputs` hold the current screen's
    controls by name, for tests and for an app that wants to drive it."""

    def __init__(self, lang: str, seed: int | None = None, today: date | None = None) -> None:
        self.lang, self.state = lang, Procedure(seed=seed)
        self.today = today or date.today()
        self.messages: list[str] = []  # what the simulated phone received, newest last
        self.buttons: dict[str, w.Button] = {}
        self.inputs: dict[str, Any] = {}
        self.problems: dict[str, w.HTML] = {}
        self.timeline, self.bar, self.feedback = w.HTML(), w.HTML(), w.HTML()
        self.phone, self.documents = w.HTML(), w.HTML()
        self.screen = w.VBox()
        main = w.VBox([self.bar, self.screen, self.feedback],
                      layout=w.Layout(flex="1 1 28rem", min_width="18rem"))
        side = w.VBox([w.HTML(self.card_html()), self.phone, self.documents],
                      layout=w.Layout(flex="0 1 19rem", min_width="17rem"))
        restart = fitted(big_button(t("procedures.restart", lang), lambda _b: self.restart()))
        self.widget = w.VBox([w.HTML(STYLE), self.timeline,
                              w.HBox([main, side], layout=w.Layout(flex_flow="row wrap")),
                              restart])
        self.widget.add_class("tremplin-procedure")
        self.go()

    def text(self, key: str, **fields: object) -> str:
        return t(f"procedures.{key}", self.lang, **fields)

    # --- what surrounds the screen ---------------------------------------------------------

    def card_html(self) -> str:
        person = self.state.identity
        answers = person.answers(self.today)
        rows = [("login.username", person.username), ("login.password", person.password),
                *((f"field.{name}", answers[name]) for name in
                  ("street", "postcode", "town", "move_date", "email")),
                ("field.organisations", ", ".join(self.text(f"org.{one}")
                                                  for one in person.organisations))]
        # Words are bold, to copy; a password or an e-mail is never cut across two lines.
        bold = {key: f'<b class="tremplin-value">{esc(value)}</b>' if " " not in value
                else f"<b>{esc(value)}</b>" for key, value in rows}
        lines = "".join("<li>" + esc(self.text("card.line", label=self.text(key), value="\0"))
                        .replace("\0", bold[key]) + "</li>" for key, _value in rows)
        return (f'<div class="tremplin-card"><b>{esc(self.text("card.title"))}</b><ul>{lines}'
                f'</ul><small>{esc(self.text("card.not_asked"))}</small></div>')

    def phone_html(self) -> str:
        empty = f"<p>{esc(self.text('phone.empty'))}</p>"
        bubbles = "".join(f'<div class="tremplin-bubble">{esc(one)}</div>'
                          for one in self.messages[-3:]) or empty
        return (f'<div class="tremplin-phone" role="log" aria-live="polite">'
                f'<b>{esc(self.text("phone.title"))}</b>{bubbles}</div>')

    def documents_html(self) -> str:
        files = "".join(f"<li>{esc(name)}</li>" for name in self.state.saved)
        return (f'<div><b>{esc(self.text("documents.title"))}</b>'
                f'{f"<ul>{files}</ul>" if files else "<p>" + esc(self.text("documents.empty"))}'
                "</div>")

    def address_bar(self, address: str = "") -> str:
        if not address:
            return (f'<div class="tremplin-bar">{MAGNIFIER} {esc(self.text("bar.search"))}'
                    "</div>")
        return (f'<div class="tremplin-bar">{PADLOCK}<span class="tremplin-hidden">'
                f'{esc(self.text("bar.padlock"))}</span> {esc(address)}</div>')

    def heading(self, step: str, intro: str = "") -> w.HTML:
        return w.HTML(f"<h3>{esc(self.text(f'{step}.title'))}</h3>"
                      + (f"<p>{esc(intro)}</p>" if intro else ""))

    def go(self, feedback: str = "") -> None:
        """Draw the screen of the current step, with an optional message under it."""
        self.buttons, self.inputs, self.problems = {}, {}, {}
        self.timeline.value = timeline_html(self.state.position, self.lang)
        self.screen.children = getattr(self, f"screen_{self.state.step}")()
        self.feedback.value = feedback
        self.phone.value, self.documents.value = self.phone_html(), self.documents_html()

    def button(self, name: str, label: str, action: Any) -> w.Button:
        self.buttons[name] = fitted(big_button(label, lambda _b: action()))
        return self.buttons[name]

    def box(self, name: str, label: str, value: str = "", kind: type = w.Text) -> Any:
        self.inputs[name] = kind(value=value, description=label,
                                 placeholder=self.text(f"placeholder.{name}")
                                 if name in {one.name for one in FIELDS} else "",
                                 style={"description_width": "initial"}, layout=w.Layout(**BOX))
        return self.inputs[name]

    def bad(self, key: str) -> str:
        return (f'<p class="tremplin-bad" role="alert"><b>✗ {esc(self.text(f"problem.{key}"))}'
                "</b></p>")

    def restart(self) -> None:
        self.state.restart()
        self.messages.clear()
        self.go()

    # --- the screens, one per step ---------------------------------------------------------

    def screen_choose(self) -> list[Any]:
        self.bar.value = self.address_bar()
        query = in_lang(official_data()["procedure"]["query"], self.lang)
        children: list[Any] = [self.heading("choose", self.text("choose.intro", query=query))]
        for site in search_results():
            ad = (f'<span class="tremplin-ad">{esc(self.text("choose.ad"))}</span> '
                  if site["ad"] else "")
            title = self.button(site["id"], in_lang(site["title"], self.lang),
                                lambda site=site: self.pick_site(site))
            title.add_class("tremplin-result")
            title.layout = w.Layout(width="100%", min_height=TARGET)
            children += [w.HTML(f'<hr><div>{ad}<span class="tremplin-address">'
                                f'{esc(site["address"])}</span></div>'), title,
                         w.HTML(f"<div>{esc(in_lang(site['snippet'], self.lang))}</div>")]
        return children

    def pick_site(self, site: dict[str, Any]) -> None:
        verdict = self.state.choose_site(site["id"])
        said = verdict_html(verdict, self.lang, site["price"])
        if verdict.safe:
            self.go(said)
        else:
            self.feedback.value = said + f"<p><b>{esc(self.text('choose.wrong'))}</b></p>"

    def official_address(self) -> str:
        return next(site["address"] for site in search_results() if site["id"] == "official")

    def provider(self) -> dict[str, Any]:
        return next(one for one in providers() if one["id"] == self.state.provider)

    def screen_connect(self) -> list[Any]:
        self.bar.value = self.address_bar(self.official_address())
        return [self.heading("connect", self.text("connect.intro")),
                *(self.button(one["id"], self.text("connect.button", name=one["name"]),
                              lambda one=one: (self.state.choose_provider(one["id"]), self.go()))
                  for one in providers())]

    def screen_login(self) -> list[Any]:
        self.bar.value = self.address_bar(self.provider()["address"])
        return [self.heading("login", self.text("login.intro", name=self.provider()["name"])),
                self.box("username", self.text("login.username")),
                self.box("password", self.text("login.password"), kind=w.Password),
                self.button("submit", self.text("login.submit"), self.log_in)]

    def log_in(self) -> None:
        problem = self.state.log_in(self.inputs["username"].value, self.inputs["password"].value)
        if problem:
            self.feedback.value = self.bad(problem)
            return
        self.messages.append(self.text("phone.code", code=self.state.code))
        self.go()

    def screen_code(self) -> list[Any]:
        self.bar.value = self.address_bar(self.provider()["address"])
        return [self.heading("code", self.text("code.intro")),
                self.box("code", self.text("code.label")),
                w.HBox([self.button("submit", self.text("code.submit"), self.enter_code),
                        self.button("resend", self.text("code.resend"), self.resend_code)])]

    def enter_code(self) -> None:
        problem = self.state.enter_code(self.inputs["code"].value)
        if problem == "code_resent":
            self.messages.append(self.text("phone.code", code=self.state.code))
            self.phone.value = self.phone_html()
        if problem:
            self.feedback.value = self.bad(problem)
        else:
            self.go()

    def resend_code(self) -> None:
        self.messages.append(self.text("phone.code", code=self.state.send_code()))
        self.phone.value, self.feedback.value = self.phone_html(), ""

    def screen_form(self) -> list[Any]:
        self.bar.value = self.address_bar(self.official_address())
        person = self.state.identity
        children: list[Any] = [self.heading("form"), w.HTML(
            f"<p>{esc(self.text('form.identity', name=person.name, birth=person.birth_date))}"
            f"</p><p><b>{esc(self.text('form.stars'))}</b></p>")]
        for one in FIELDS:
            label = self.text(f"field.{one.name}") + (" *" if one.required else "")
            kind = w.Textarea if one.kind == "comment" else w.Text
            self.problems[one.name] = w.HTML()
            children += [self.box(one.name, label, self.state.answers.get(one.name, ""), kind),
                         self.problems[one.name]]
        ticks = [self.tick(org) for org in ORGANISATIONS]
        self.inputs["organisations"] = dict(zip(ORGANISATIONS, ticks, strict=True))
        self.problems["organisations"] = w.HTML()
        return [*children, w.HTML(f"<b>{esc(self.text('form.organisations'))}</b>"),
                w.HBox(ticks, layout=w.Layout(flex_flow="row wrap")),
                self.problems["organisations"],
                self.button("submit", self.text("form.submit"), self.fill)]

    def tick(self, org: str) -> w.ToggleButton:
        """A box to tick, as a big button showing ☐ or ☑: easier to hit than a checkbox."""
        toggle = fitted(w.ToggleButton(value=org in self.state.organisations,
                                       layout=w.Layout(min_height=TARGET)))
        toggle.add_class("tremplin-big")

        def mark(_change: object = None) -> None:
            toggle.description = ("☑ " if toggle.value else "☐ ") + self.text(f"org.{org}")

        toggle.observe(mark, names="value")
        mark()
        return toggle

    def fill(self) -> None:
        answers = {one.name: self.inputs[one.name].value for one in FIELDS}
        ticked = [org for org, box in self.inputs["organisations"].items() if box.value]
        problems = self.state.fill(answers, ticked)
        if not problems:
            self.go()
            return
        for name, box in self.problems.items():
            box.value = self.bad(problems[name]) if name in problems else ""
        self.feedback.value = f'<p class="tremplin-bad"><b>{esc(self.text("form.fix"))}</b></p>'

    def screen_review(self) -> list[Any]:
        self.bar.value = self.address_bar(self.official_address())
        rows = [(self.text(f"field.{name}"), value or self.text("review.empty"))
                for name, value in self.state.answers.items()]
        rows.append((self.text("field.organisations"), ", ".join(
            self.text(f"org.{one}") for one in self.state.organisations)))
        table = "".join(f"<tr><th style='text-align:left;padding-right:1rem'>{esc(label)}</th>"
                        f"<td>{esc(value)}</td></tr>" for label, value in rows)
        return [self.heading("review", self.text("review.intro")),
                w.HTML(f"<table>{table}</table>"),
                w.HBox([self.button("edit", self.text("review.edit"),
                                    lambda: (self.state.edit(), self.go())),
                        self.button("send", self.text("review.send"), self.send)])]

    def send(self, when: datetime | None = None) -> None:
        receipt = self.state.send(when)
        self.messages.append(self.text("phone.receipt", reference=receipt.reference))
        self.go()

    def screen_receipt(self) -> list[Any]:
        self.bar.value = self.address_bar(self.official_address())
        assert self.state.receipt is not None
        return [self.heading("receipt"), w.HTML(receipt_html(self.state.receipt, self.lang)),
                self.button("save", self.text("receipt.save"), self.save),
                w.HTML(f"<p>{esc(self.text('receipt.done'))}</p>")]

    def save(self) -> None:
        filename = self.state.save_receipt()
        self.documents.value = self.documents_html()
        self.feedback.value = (f'<p class="tremplin-ok" role="status"><b>'
                               f'{esc(self.text("receipt.saved", filename=filename))}</b></p>')


def procedure_activity(lang: str, seed: int | None = None) -> w.VBox:
    """Module activity: the whole procedure, from the search results to the receipt."""
    return ProcedureActivity(lang, seed).widget
