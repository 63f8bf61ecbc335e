"""How the simulated procedure looks: styles and the HTML of its pieces (the verdict on an
address, the progress timeline, the acknowledgement of receipt), in French or English.

Shared by the step-by-step procedure (`procedure_widgets`) and the module's other activities
(`procedure_activities`), so a receipt or a verdict reads the same everywhere.
"""

from __future__ import annotations

import html
from typing import TypeVar

import ipywidgets as w

from .i18n import t
from .procedure_checks import SiteVerdict, official_data
from .procedures import STEPS, Receipt

Widget = TypeVar("Widget", bound=w.DOMWidget)
# Drawn, not emoji: an emoji font is missing on some library computers (empty boxes instead).
PADLOCK = ('<svg aria-hidden="true" width="14" height="17" viewBox="0 0 14 17" '
           'style="vertical-align:-2px"><path d="M3.5 8V5.5a3.5 3.5 0 0 1 7 0V8" fill="none" '
           'stroke="#1b6b30" stroke-width="2"/><rect x="1" y="8" width="12" height="8.5" rx="1.5" '
           'fill="#1b6b30"/></svg>')
MAGNIFIER = ('<svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" '
             'style="vertical-align:-2px"><circle cx="6.5" cy="6.5" r="4.8" fill="none" '
             'stroke="#333" stroke-width="2"/><path d="M10 10l4.5 4.5" stroke="#333" '
             'stroke-width="2.4"/></svg>')
STYLE = """<style>
.tremplin-procedure { font-size: 1.1rem; line-height: 1.5; max-width: 64rem; color: #111; }
.tremplin-timeline { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; padding: 0;
  margin: 0 0 .5rem 0; }
.tremplin-timeline li { padding: .25rem .7rem; border-radius: 999px; border: 2px solid #8a8a8a;
  background: #fff; color: #333; }
.tremplin-timeline li.done { background: #e6f2e9; border-color: #1b7a34; color: #114d22; }
.tremplin-timeline li.current { background: #1f3b63; border-color: #1f3b63; color: #fff;
  font-weight: bold; }
.tremplin-bar { font-family: monospace; font-size: 1.05rem; border: 2px solid #8a8a8a;
  border-radius: 20px; padding: .3rem .8rem; background: #f4f4f4; overflow-wrap: anywhere; }
.tremplin-address { color: #1b6b30; font-family: monospace; overflow-wrap: anywhere; }
.tremplin-ad { background: #111; color: #fff; padding: 0 .3rem; border-radius: 3px; }
.tremplin-phone, .tremplin-card, .tremplin-receipt { border-radius: 12px; padding: .6rem;
  margin: .3rem 0; }
.tremplin-phone { border: 3px solid #111; background: #fafafa; max-width: 38rem; }
.tremplin-bubble { background: #e8eef7; border-radius: 12px; padding: .4rem .6rem;
  margin: .3rem 0; }
.tremplin-card { border: 2px dashed #7a5c00; background: #fff8e1; }
.tremplin-card b.tremplin-value { white-space: nowrap; }
.tremplin-receipt { border: 2px solid #1f3b63; background: #fff; max-width: 38rem; }
.tremplin-ok { color: #1b7a34; } .tremplin-warn { color: #7a5c00; }
.tremplin-bad { color: #b00020; }
.tremplin-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.tremplin-procedure .widget-text input, .tremplin-procedure .widget-password input,
.tremplin-procedure .widget-textarea textarea { font-size: 1.15rem; min-height: 44px;
  font-family: inherit; }
.tremplin-procedure .widget-toggle-button.mod-active { background: #1f3b63; color: #fff; }
.tremplin-procedure .jupyter-button { font-size: 1.1rem; }
.tremplin-procedure .jupyter-button.tremplin-result { white-space: normal; height: auto;
  text-align: left; color: #1a0dab; background: #fff; border: 1px solid #c7c7c7;
  text-decoration: underline; font-size: 1.2rem; }
</style>"""
BOX = {"width": "min(100%, 34rem)", "min_height": "44px"}


def fitted(button: Widget) -> Widget:
    """A big button as wide as its words: ipywidgets would cut a long label ("Recommen…")."""
    button.layout.width = "fit-content"
    return button


def in_lang(texts: dict[str, str], lang: str) -> str:
    return texts["en" if lang == "en" else "fr"]


def euros(amount: float, lang: str) -> str:
    """39,90 € in French, €39.90 in English."""
    return f"{amount:.2f}".replace(".", ",") + " €" if lang == "fr" else f"€{amount:.2f}"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def verdict_html(verdict: SiteVerdict, lang: str, price: float = 0) -> str:
    """The verdict on an address: a headline (safe, official but, not official) and the reasons."""
    if verdict.safe:
        head, kind = t("procedures.verdict.safe", lang), "ok"
    elif verdict.official:
        head, kind = t("procedures.verdict.official_but", lang), "warn"
    else:
        head, kind = t("procedures.verdict.not_official", lang), "bad"
    said = [t(f"procedures.reason.{code}", lang, domain=verdict.domain,
              imitates=verdict.imitates, price=euros(price, lang)) for code in verdict.reasons]
    reasons = "".join(f"<li>{esc(line)}</li>" for line in said)
    return (f'<div role="status" aria-live="polite"><p class="tremplin-{kind}"><b>{esc(head)}'
            f"</b></p><ul>{reasons}</ul></div>")


def timeline_html(position: int, lang: str) -> str:
    """The seven steps in a row: the ones done ticked, the current one dark."""
    items = []
    for index, step in enumerate(STEPS):
        name = esc(t(f"procedures.step.{step}", lang))
        if index < position:
            items.append(f'<li class="done">✓ {name}</li>')
        elif index == position:
            items.append(f'<li class="current" aria-current="step">{index + 1}. {name}</li>')
        else:
            items.append(f"<li>{index + 1}. {name}</li>")
    label = t("procedures.timeline.label", lang, number=position + 1, total=len(STEPS),
              name=t(f"procedures.step.{STEPS[position]}", lang))
    return f'<ol class="tremplin-timeline" aria-label="{html.escape(label)}">{"".join(items)}</ol>'


def receipt_lines(receipt: Receipt, lang: str) -> list[str]:
    """The acknowledgement of receipt, line by line, as it is shown, printed and 'saved'."""
    answers = dict(receipt.answers)
    names = ", ".join(t(f"procedures.org.{one}", lang) for one in receipt.organisations)
    steps = " → ".join(t(f"procedures.status.{one}", lang)
                       for one in ("received", "processing", "done"))
    return [t("procedures.receipt.heading", lang),
            t("procedures.receipt.procedure", lang,
              title=in_lang(official_data()["procedure"]["title"], lang)),
            t("procedures.receipt.reference", lang, reference=receipt.reference),
            t("procedures.receipt.sent", lang, day=receipt.sent_at.strftime("%d/%m/%Y"),
              time=receipt.sent_at.strftime("%H:%M")),
            t("procedures.receipt.by", lang, name=receipt.name),
            t("procedures.receipt.address", lang, street=answers.get("street", ""),
              postcode=answers.get("postcode", ""), town=answers.get("town", "")),
            t("procedures.receipt.organisations", lang, names=names),
            t("procedures.receipt.status", lang, steps=steps),
            t("procedures.receipt.keep", lang)]


def receipt_html(receipt: Receipt, lang: str) -> str:
    head, *lines = receipt_lines(receipt, lang)
    body = "".join(f"<p><b style='font-size:1.3rem'>{esc(line)}</b></p>" if index == 1
                   else f"<p>{esc(line)}</p>" for index, line in enumerate(lines))
    return f'<div class="tremplin-receipt" role="document"><h4>{esc(head)}</h4>{body}</div>'
