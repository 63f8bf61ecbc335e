"""State of the "Pêche aux hameçons / Phishing hunt" app: one message per screen, the answer,
the clues marked and explained, the score, and the five clues to remember.

A visitor reads made-up e-mails and text messages one at a time, says "it's a trap" or "it's
safe", then sees each clue highlighted in the message and named in words beside it (never by
colour alone). The messages and their checks live in `phishing_messages`. Module 09's phishing
activity (`security_widgets.phishing_activity`) is one fixed e-mail whose parts are flagged in
code: it has no clue logic to share, so its lessons are what the end screen repeats. Nothing is
fetched, stored or sent.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..i18n import pick, t
from .kit import status
from .phishing_messages import FIELDS, GOOD, TRAP_KINDS, Clue, Message, load_messages


@dataclass
class PhishingHunt:
    """The language, the messages, and the visitor's answers so far (True: "it's a trap")."""

    lang: str = "fr"
    messages: tuple[Message, ...] = field(default_factory=load_messages)
    answers: list[bool] = field(default_factory=list)
    index: int = 0  # the message on screen; len(messages) on the end screen

    def text(self, key: str, **params: object) -> str:
        return t(f"app.phishing.{key}", self.lang, **params)

    @property
    def screen(self) -> str:
        """question (no answer yet), answer (clues shown) or end."""
        if self.index >= len(self.messages):
            return "end"
        return "answer" if len(self.answers) > self.index else "question"

    @property
    def message(self) -> Message:
        return self.messages[min(self.index, len(self.messages) - 1)]

    @property
    def score(self) -> int:
        return sum(said == m.trap for said, m in zip(self.answers, self.messages, strict=False))

    def answer(self, trap: bool) -> None:
        if self.screen == "question":
            self.answers.append(trap)

    def next(self) -> None:
        if self.screen == "answer":
            self.index += 1

    def reset(self) -> None:
        self.answers, self.index = [], 0

    def display(self, *screens: str) -> str | None:
        """The CSS display of a part shown on these screens only."""
        return None if self.screen in screens else "none"

    def next_key(self) -> str:
        """The next button's text: the last message leads to the score."""
        return "see_score" if self.index == len(self.messages) - 1 else "next"

    def screen_html(self) -> str:
        """Everything but the buttons, for the current screen."""
        if self.screen == "end":
            return self.end_html()
        top = f"<h2>{html.escape(self.progress())}</h2>"
        if self.screen == "question":
            intro = f"<p>{html.escape(self.text('intro'))}</p>" if self.index == 0 else ""
            return (intro + top + self.message_html()
                    + f"<p><b>{html.escape(self.text('question'))}</b></p>")
        return top + self.message_html() + self.verdict_html() + self.clues_html()

    def progress(self) -> str:
        return self.text("progress", number=self.index + 1, total=len(self.messages))

    def score_text(self) -> str:
        return self.text("score", right=self.score, total=len(self.answers))

    def _tag(self, clue: Clue, number: int) -> str:
        return f'<span class="tremplin-clue-tag">{html.escape(self._tag_text(clue, number))}</span>'

    def _marked(self, text: str, spans: list[tuple[int, int, int]]) -> str:
        """`text` escaped, with each span wrapped in a mark that starts with its named tag."""
        out, at = [], 0
        for start, end, index in sorted(spans):
            clue = self.message.clues[index]
            css = "tremplin-good" if clue.kind == GOOD else "tremplin-clue"
            out += [html.escape(text[at:start]), f'<mark class="{css}">',
                    self._tag(clue, index + 1), " ", html.escape(text[start:end]), "</mark>"]
            at = end
        return ("".join(out) + html.escape(text[at:])).replace("\n", "<br>")

    def message_html(self) -> str:
        """The message as a phone or a mailbox shows it; clues marked once it is answered."""
        message, lang = self.message, self.lang
        texts = message.fields(lang)
        spans: dict[str, list[tuple[int, int, int]]] = {name: [] for name in FIELDS}
        if self.screen == "answer":
            for name, start, end, index in message.spans(lang):
                spans[name].append((start, end, index))
        part = {name: self._marked(texts[name], spans[name]) for name in FIELDS}
        heading = self.text(f"channel.{message.channel}")
        lines = [f'<p class="tremplin-msg-kind">{html.escape(heading)}</p>',
                 f"<p><b>{html.escape(self.text('from'))}</b> {part['sender']}"
                 + (f" &lt;{part['address']}&gt;" if message.address else "") + "</p>"]
        if message.subject:
            lines.append(f"<p><b>{html.escape(self.text('subject'))}</b> {part['subject']}</p>")
        body = f"<p>{part['text']}</p>"
        if message.link_text:
            body += f'<p><span class="tremplin-msg-link">{part["link"]}</span></p>'
        css = "tremplin-sms" if message.channel == "sms" else "tremplin-mail"
        return (f'<div class="tremplin-msg {css}" role="group" aria-label="{html.escape(heading)}">'
                + "".join(lines) + f'<div class="tremplin-msg-body">{body}</div></div>')

    def verdict_html(self) -> str:
        """Right or not, what the message was, and the score: read out as soon as answered."""
        message = self.message
        right = self.answers[self.index] == message.trap
        return status(
            f"<p><b>{html.escape(self.text('right' if right else 'wrong'))}</b> "
            f"{html.escape(self.text('was_trap' if message.trap else 'was_safe'))}</p>"
            f"<p>{html.escape(self.score_text())}</p>")

    def clues_html(self) -> str:
        """Each clue by its number and name, why it matters, and where a link or address
        really leads; then the message's note."""
        message, lang, items = self.message, self.lang, []
        places = {index: name for name, _, _, index in message.spans(lang)}
        for index, clue in enumerate(message.clues):
            extra = ""
            if places[index] == "link":
                extra = " " + self.text("link_goes", site=message.link_site(lang))
            elif places[index] == "address":
                extra = " " + self.text("address_from", site=message.sender_site())
            items.append("<li>" + self._named(self._tag_text(clue, index + 1),
                                              pick(clue.why, lang) + extra) + "</li>")
        title = self.text("clues_title" if message.trap else "signs_title")
        return (f"<h2>{html.escape(title)}</h2><ul class=\"tremplin-clue-list\">{''.join(items)}"
                f"</ul><p><b>{html.escape(self.text('remember'))}</b> "
                f"{html.escape(pick(message.note, lang))}</p>")

    def _named(self, name: str, text: str) -> str:
        """"name: text" with the name in bold (French puts a space before the colon)."""
        return self.text("named", name=f"<b>{html.escape(name)}</b>", text=html.escape(text))

    def _tag_text(self, clue: Clue, number: int) -> str:
        return f"{number} · {self.text(f'kind.{clue.kind}')}"

    def end_html(self) -> str:
        """The final score, the five clues to remember, and what to do when in doubt."""
        total = len(self.messages)
        lessons = "".join("<li>" + self._named(self.text(f"kind.{kind}"),
                                               self.text(f"lesson.{kind}")) + "</li>"
                          for kind in TRAP_KINDS)
        return (f"<h2>{html.escape(self.text('end_title'))}</h2>"
                + status(f"<p>{html.escape(self.text('end_score', right=self.score, total=total))}"
                         "</p>")
                + f"<h2>{html.escape(self.text('lessons_title'))}</h2><ol>{lessons}</ol>"
                + f"<p><b>{html.escape(self.text('doubt'))}</b></p>")


STYLE = """<style>
.tremplin-app .widget-html-content { font-size: 1.3rem; line-height: 1.6; }
.tremplin-app .tremplin-big.jupyter-button { width: auto; max-width: 100%; height: auto;
  white-space: normal; align-self: flex-start; }
.tremplin-msg { max-width: 36rem; border: 3px solid #1f3b63; background: #fff; color: #111;
  padding: 0.5rem 1rem; margin: 0.5rem 0; }
.tremplin-msg p { margin: 0.4rem 0; }
.tremplin-sms { border-radius: 24px; }
.tremplin-sms .tremplin-msg-body { background: #e8eef7; border-radius: 16px; padding: 0.5rem 1rem; }
.tremplin-mail { border-radius: 8px; }
.tremplin-mail .tremplin-msg-body { border-top: 2px solid #1f3b63; padding-top: 0.5rem; }
.tremplin-msg-kind { font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; }
.tremplin-msg-link { color: #0b4fa8; text-decoration: underline; word-break: break-all; }
.tremplin-mail .tremplin-msg-link { display: inline-block; padding: 0.3rem 1rem;
  border: 2px solid #0b4fa8; border-radius: 6px; }
.tremplin-app mark { color: #111; padding: 0 0.2rem; border-radius: 4px; }
.tremplin-clue { background: #ffe8a3; border: 3px solid #8a4b00; }
.tremplin-good { background: #dff2e3; border: 3px dashed #1b7a34; }
.tremplin-clue-tag { font-weight: bold; font-size: 0.85em; background: #111; color: #fff;
  padding: 0 0.3rem; border-radius: 4px; }
.tremplin-clue-list li { margin-bottom: 0.4rem; }
</style>"""
