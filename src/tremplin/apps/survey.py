"""State of the "Enquête de satisfaction / Satisfaction survey" app: one question per screen.

At the end of a workshop, a visitor answers six questions with big buttons and may leave a short
comment. The answers are saved (see `survey_store`: no name, no time), « Merci ! » is shown,
and after ten seconds, or at once with « Nouvelle personne », the first screen comes back in
the page's first language with nothing of the previous visitor left on it. The faces of the
satisfaction scale are pictures drawn by the stylesheet: a screen reader reads only the words.
"""

from __future__ import annotations

import asyncio
import html
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote

import ipywidgets as w

from ..i18n import LANGUAGES, t
from ..paths import kit_root
from .kit import choice_buttons, status
from .survey_store import Question, Response, questions, save_response, survey_folder

OTHER = "other"  # the stored answer of « Autre / Other » for the workshop
Cancel = Callable[[], None]


@dataclass(frozen=True)
class Workshop:
    id: str
    title: dict[str, str]  # one per language


def workshops(root: Path) -> list[Workshop]:
    """The kit's modules, one entry per module id (both languages share it), in the order of
    the French modules; a module written in one language only keeps that title in both."""
    from ..curriculum import modules_of_kit  # reads every module's metadata: only when asked

    titles: dict[str, dict[str, str]] = {}
    for module in sorted(modules_of_kit(root), key=lambda m: (m.lang != "fr", m.path)):
        titles.setdefault(module.id, {})[module.lang] = module.title
    return [Workshop(key, {lang: found.get(lang) or next(iter(found.values()))
                           for lang in LANGUAGES}) for key, found in titles.items()]


def esc(text: str) -> str:
    """A text made safe to put between tags (quotes stay quotes: they are not in attributes)."""
    return html.escape(text, quote=False)


def later(seconds: float, callback: Callable[[], None]) -> Cancel:
    """Call `callback` after `seconds` and return what cancels it. In a kernel, on its event
    loop, where the widgets' own callbacks run, so the two never run at the same time."""
    try:
        handle = asyncio.get_running_loop().call_later(seconds, callback)
    except RuntimeError:  # no event loop running (a plain script): a timer thread
        timer = threading.Timer(seconds, callback)
        timer.daemon = True
        timer.start()
        return timer.cancel
    return handle.cancel


@dataclass
class Survey:
    """The screen shown, the answers so far and the language: the page is drawn from these."""

    lang: str = "fr"
    root: Path | None = None  # the kit whose modules are the workshops (default: kit_root())
    folder: Path | None = None  # where the answers go (default: survey_folder())
    today: Callable[[], date] = date.today
    schedule: Callable[[float, Callable[[], None]], Cancel] = later
    return_seconds: int = 10
    step: int = 0
    answers: dict[str, int | str] = field(default_factory=dict)
    saved: bool | None = None  # after sending: were the answers written?
    _visit: int = field(default=0, repr=False)
    _cancel: Cancel | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.first_lang = self.lang
        self.questions: tuple[Question, ...] = questions()
        self.workshops = workshops(self.root or kit_root())

    @property
    def screens(self) -> list[str]:
        return [question.id for question in self.questions] + ["thanks"]

    @property
    def screen(self) -> str:
        return self.screens[self.step]

    @property
    def question(self) -> Question | None:
        return self.questions[self.step] if self.step < len(self.questions) else None

    @property
    def can_go_back(self) -> bool:
        return 0 < self.step < len(self.questions)

    def text(self, key: str, **params: object) -> str:
        return t(f"app.survey.{key}", self.lang, **params)

    def choice_keys(self) -> list[str]:
        """The questions answered with buttons (all but the comment)."""
        return [q.id for q in self.questions if q.kind != "comment"]

    def options(self, key: str) -> list[str]:
        """The answers of a question as the visitor reads them (none for other screens)."""
        question = next((q for q in self.questions if q.id == key), None)
        if question is None or question.kind == "comment":
            return []
        if question.kind == "workshop":
            return [ws.title[self.lang] for ws in self.workshops] + [question.other[self.lang]]
        return [option.text[self.lang] for option in question.options]

    def answer(self, key: str, index: int) -> bool:
        """Keep the answer and go on. A click meant for a screen already left (a double tap)
        is ignored rather than taken as the answer to the next question."""
        question = self.question
        if question is None or question.id != key or not 0 <= index < len(self.options(key)):
            return False
        if question.kind == "workshop":
            values = [ws.id for ws in self.workshops] + [OTHER]
        else:
            values = [option.value for option in question.options]
        self.answers[key] = values[index]
        self.step += 1
        return True

    def back(self) -> None:
        if self.can_go_back:
            self.step -= 1

    def submit(self, comment: str = "") -> bool:
        """Save the answers with the comment (scrubbed by the store) and thank the visitor.
        A full disk or a locked folder must not leave the visitor stuck: the thanks screen
        says that the answers were not saved, and the survey goes on."""
        question = self.question
        if question is None or question.kind != "comment":
            return False
        answers = dict(self.answers)
        if comment.strip():
            answers[question.id] = comment
        try:
            save_response(Response(self.today(), self.lang, answers),
                          self.folder or survey_folder())
            self.saved = True
        except (OSError, ValueError):
            self.saved = False
        self.step += 1
        return self.saved

    def restart(self, keep_language: bool = True) -> None:
        """Forget every answer and go back to the first question; the next person also gets
        the page's first language back."""
        self._stop_timer()
        self._visit += 1
        self.step, self.answers, self.saved = 0, {}, None
        if not keep_language:
            self.lang = self.first_lang

    def return_later(self, callback: Callable[[], None]) -> None:
        """After the thanks, call `callback` (which starts over) in `return_seconds`: the
        visitor may simply walk away. Not if someone has started over in the meantime."""
        self._stop_timer()
        visit = self._visit

        def fire() -> None:
            if self._visit == visit and self.screen == "thanks":
                callback()

        self._cancel = self.schedule(self.return_seconds, fire)

    def _stop_timer(self) -> None:
        if self._cancel is not None:
            self._cancel()
            self._cancel = None

    def screen_html(self) -> str:
        """The title, then where the visitor is and what is asked, read out by screen readers
        each time the screen changes."""
        title = f"<h1>{esc(self.text('title'))}</h1>"
        question = self.question
        if question is None:
            parts = [f"<h2>{esc(self.text('thanks'))}</h2>",
                     f"<p>{esc(self.text('saved' if self.saved else 'not_saved'))}</p>",
                     f"<p>{esc(self.text('coming_back', n=self.return_seconds))}</p>"]
            return title + status("".join(parts))
        parts = [f"<p>{esc(self.text('intro'))}</p>"] if self.step == 0 else []
        parts += [f'<p class="tremplin-survey-step">'
                  f"{esc(self.text('step', n=self.step + 1, total=len(self.questions)))}"
                  "</p>", f"<h2>{esc(question.ask[self.lang])}</h2>"]
        if question.kind == "comment":
            parts.append(f'<p class="tremplin-survey-note">'
                         f"<strong>{esc(self.text('comment_note'))}</strong></p>")
        return title + status("".join(parts))


def answer_boxes(app: Survey, on_answer: Callable[[str, int], None]) -> dict[str, w.VBox]:
    """A column of big answer buttons for each question answered by a choice; the buttons of
    a scale get a face each (a CSS picture, so not read out)."""
    boxes = {}
    for question in app.questions:
        if question.kind == "comment":
            continue
        box = choice_buttons(app.options(question.id),
                             lambda index, key=question.id: on_answer(key, index))
        for number, button in enumerate(box.children, start=1):
            if question.scale:
                button.add_class("tremplin-face")
                button.add_class(f"tremplin-face-{number}")
        if question.kind == "workshop":
            box.add_class("tremplin-survey-grid")  # many workshops: columns when wide enough
        boxes[question.id] = box
    return boxes


def face_svg(number: int, top: int = 5) -> str:
    """A round face, frowning at 1 and smiling at `top`: only the mouth changes."""
    bend = -10 + 20 * (number - 1) / (top - 1)  # from a frown to a smile
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48">'
            '<circle cx="24" cy="24" r="21" fill="#ffd84d" stroke="#111" stroke-width="3"/>'
            '<circle cx="17" cy="19" r="3" fill="#111"/><circle cx="31" cy="19" r="3" fill="#111"/>'
            f'<path d="M14 {33 - bend / 2:.0f} Q24 {33 + bend:.0f} 34 {33 - bend / 2:.0f}" '
            'fill="none" stroke="#111" stroke-width="3.5" stroke-linecap="round"/></svg>')


STYLE = """
.tremplin-survey .tremplin-big.jupyter-button { white-space: normal; height: auto; width: auto;
  line-height: 1.3; padding: 0.5rem 1rem; margin: 4px 0; text-align: left;
  display: flex; align-items: center; justify-content: flex-start; }
.tremplin-survey .widget-hbox { gap: 8px; flex-wrap: wrap; }
.tremplin-survey .widget-vbox.tremplin-survey-grid { display: grid; column-gap: 8px;
  grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); }
.tremplin-survey .tremplin-face::before { content: ""; display: inline-block; flex: none;
  width: 2.75rem; height: 2.75rem; margin-right: 1rem; background-repeat: no-repeat;
  background-position: center; background-size: contain; }
.tremplin-survey .widget-textarea { flex-direction: column; align-items: stretch;
  margin: 4px 0; }
.tremplin-survey .widget-textarea .widget-label { font-size: 1.5rem; line-height: 2rem;
  height: auto; max-width: none; text-align: left; }
.tremplin-survey textarea { font-size: 1.5rem; min-height: 8rem; border: 2px solid #1f3b63;
  box-sizing: border-box; width: 100%; }
.tremplin-survey textarea:focus-visible { outline: 4px solid #d14900; }
.tremplin-survey .widget-html-content > p { font-size: 1.25rem; }
.tremplin-survey-step { margin: 0; font-size: 1.2rem; }
.tremplin-survey-note { color: #8a1c00; }
.tremplin-download { display: inline-block; font-size: 1.5rem; min-height: 64px;
  line-height: 64px; padding: 0 1rem; margin: 8px 0; color: #111; background: #e8eef7;
  border: 2px solid #1f3b63; border-radius: 8px; text-decoration: underline; }
.tremplin-download:focus-visible { outline: 4px solid #d14900; outline-offset: 2px; }
"""


def survey_style() -> w.HTML:
    """What the survey adds to the apps' stylesheet: answers that wrap at 200 % zoom instead
    of being cut, workshops in columns when there is room, faces before the words of the
    scale, a large labelled comment box, a download link that looks like a big button."""
    faces = "".join(
        f'.tremplin-survey .tremplin-face-{n}::before {{ background-image: '
        f'url("data:image/svg+xml,{quote(face_svg(n))}"); }}\n' for n in range(1, 6))
    return w.HTML(f"<style>{STYLE}{faces}</style>")
