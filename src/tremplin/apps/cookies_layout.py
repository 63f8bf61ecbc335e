"""The look of "Traces et cookies / Traces and cookies": a pretend browser, its banner and the
trackers panel, and boxes that put the panel beside the page on a wide screen and under it on a
768 px tablet or at 200 % zoom (a row that wraps, rather than a width guessed in advance).
"""

from __future__ import annotations

import ipywidgets as w

STYLE = """<style>
.tremplin-app .widget-html-content { font-size: 1.3rem; line-height: 1.5; }
.tremplin-app .tremplin-big.jupyter-button { width: auto; max-width: 100%; height: auto;
  white-space: normal; }
.tremplin-app h2 { font-size: 1.5rem; margin: 0.4rem 0; }
.tremplin-browser { border: 3px solid #444; border-radius: 10px; background: #fff;
  padding: 0.6rem; }
.tremplin-addressbar { padding: 0.4rem 0.8rem; border: 2px solid #444; border-radius: 1.5rem;
  background: #eef1f5; font-family: monospace; overflow-wrap: anywhere; }
.tremplin-site { border-bottom: 2px solid #444; padding-bottom: 0.3rem; }
.tremplin-hidden-page { color: #444; font-style: italic; }
.tremplin-banner { border: 3px solid #1f3b63; border-radius: 8px; background: #fff8e1;
  padding: 0.5rem; }
.tremplin-trackers { border: 3px solid #1f3b63; border-radius: 10px; background: #f4f7fb;
  padding: 0.6rem; }
.tremplin-tracker-list { padding-left: 1.2rem; font-size: 1.15rem; }
.tremplin-tracker-list > li { margin-bottom: 0.6rem; }
.tremplin-app table.tremplin-compare { border-collapse: collapse; }
.tremplin-compare th, .tremplin-compare td { border: 2px solid #444; padding: 0.3rem 0.6rem;
  text-align: left; }
.tremplin-compare td { font-size: 1.5rem; font-weight: bold; }
.tremplin-sr { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
</style>"""


def cookies_style() -> w.HTML:
    """The app's own look (browser, banner, trackers panel), after the kit's `page_style()`."""
    return w.HTML(STYLE)


def box(children: list[w.Widget], css: str = "", row: bool = False, **layout: str) -> w.Box:
    """Widgets in a column, or in a row that wraps when the screen is narrow (a tablet, a
    200 % zoom): the trackers panel then comes under the page instead of beside it."""
    flow = "row wrap" if row else "column"
    made = w.Box(children, layout=w.Layout(flex_flow=flow, grid_gap="0.6rem",
                                           align_items="flex-start" if row else "stretch",
                                           **layout))
    if css:
        made.add_class(css)
    return made
