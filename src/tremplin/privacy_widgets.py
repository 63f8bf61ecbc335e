"""What a learner sees of cookies and rights: browse made-up sites behind a consent banner and
watch the trackers' knowledge grow, the profile an ad company draws, a chart of what each tracker
saw before and after refusing, and the "which right?" game.

The logic lives in `tracking` and `privacy` (standard library only); this file writes it in
French or English with large buttons, and words next to every colour or symbol.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

import ipywidgets as w
import matplotlib.pyplot as plt

from .apps.kit import TARGET, status
from .i18n import t
from .privacy import rights, situations
from .traces_widgets import BOX, column, wide_button
from .tracking import ACCEPT_ALL, ASKED, REFUSE_ALL, Consent, Knowledge, Session, profile, world
from .tracking import what_trackers_learn as learn

ADDRESS = ('<p><code style="display:inline-block;padding:0.2rem 0.8rem;border:1px solid #888;'
           'border-radius:1rem;background:#f4f4f4">{address}</code></p>')  # the address bar
BAR = ('<span style="display:inline-block;width:{width}rem;height:0.9rem;background:#1f3b63;'
       'vertical-align:middle"></span>')
CHOICES = {"accept_all": ACCEPT_ALL, "measure_only": Consent(measure=True),
           "refuse_all": REFUSE_ALL}  # the answers the chart compares
COLOURS, HATCHES = ("#b34700", "#1f5fa8", "#6a3d9a"), ("", "..", "//")


def trackers_on_page_html(page_id: str, consent: Consent, lang: str) -> str:
    """The trackers a page embeds: whose they are (the site or a third party), what for, and
    whether the answer to the banner let them see the visit."""
    wld = world()
    items = []
    for tid in wld.pages[page_id].trackers:
        tracker = wld.trackers[tid]
        party = "third" if wld.is_third_party(tid, page_id) else "first"
        seen = "saw" if consent.allows(tracker.purpose) else "blocked"
        items.append("<li>" + t(f"privacy.page.{seen}", lang, name=tracker.name,
                                party=t(f"privacy.party.{party}", lang),
                                purpose=wld.purposes[tracker.purpose][lang]) + "</li>")
    count = len(wld.third_parties(page_id))
    return (f"<p>{t('privacy.page.count', lang, total=len(items), third=count)}</p>"
            f"<ul>{''.join(items)}</ul>")


def knowledge_table_html(knowledge: dict[str, Knowledge], lang: str) -> str:
    """One row per third-party tracker: pages seen (a bar), sites, and its best guesses."""
    wld = world()
    head = "".join(f"<th style='text-align:left'>{t(f'privacy.table.{col}', lang)}</th>"
                   for col in ("tracker", "pages", "sites", "guesses"))
    rows = []
    for tracker in wld.trackers.values():
        if tracker.purpose == "necessary":
            continue
        known = knowledge[tracker.id]
        guesses = "<br>".join(html.escape(b.interest.belief(lang)) for b in profile(known)[:3])
        rows.append(f"<tr><td><b>{tracker.name}</b><br><small>{wld.purposes[tracker.purpose][lang]}"
                    f"</small></td><td>{BAR.format(width=len(known.pages) * 0.8)} "
                    f"{len(known.pages)}</td><td>{len(known.sites())}</td>"
                    f"<td>{guesses or '—'}</td></tr>")
    return (f"<table style='border-spacing:0.8rem 0.3rem'><tr>{head}</tr>{''.join(rows)}"
            "</table>")


def browse_sites(lang: str) -> w.VBox:
    """Module activity: open pages of five made-up sites; each site first shows its consent
    banner (accept all, refuse all, customise), and the table of what each tracker knows grows."""
    session, wld = Session(), world()
    address, content, table = w.HTML(), w.HTML(), w.HTML()
    pending: list[str] = []  # the page waiting behind a banner
    toggles = {purpose: w.ToggleButton(description=f"☐ {wld.purposes[purpose][lang]}",
                                       layout=w.Layout(min_height=TARGET, width="auto"))
               for purpose in ASKED}
    for purpose, toggle in toggles.items():
        toggle.add_class("tremplin-big")
        toggle.observe(lambda change, label=wld.purposes[purpose][lang]: setattr(
            change["owner"], "description", f"{'☑' if change['new'] else '☐'} {label}"),
            names="value")
    save = wide_button(t("privacy.banner.save", lang), lambda _b: answer(Consent(
        **{purpose: toggles[purpose].value for purpose in ASKED})))
    custom = column([w.HTML(t("privacy.banner.custom_help", lang)), *toggles.values(), save],
                    display="none")
    banner = w.VBox([w.HTML(), w.HBox([
        wide_button(t("privacy.banner.accept_all", lang), lambda _b: answer(ACCEPT_ALL)),
        wide_button(t("privacy.banner.refuse_all", lang), lambda _b: answer(REFUSE_ALL)),
        wide_button(t("privacy.banner.customise", lang),
                   lambda _b: setattr(custom.layout, "display", None))]), custom],
        layout=w.Layout(display="none"))
    change_mind = wide_button(t("privacy.browse.change_mind", lang), lambda _b: withdraw())
    change_mind.layout.display = "none"

    def refresh() -> None:
        table.value = status(f"<h4>{t('privacy.browse.known', lang)}</h4>"
                             + knowledge_table_html(session.knowledge(), lang))

    def show_page(page_id: str) -> None:
        page, site = wld.pages[page_id], wld.site_of(page_id)
        address.value = ADDRESS.format(address=f"https://{site['domain']}{page.path}")
        consent = session.answers.get(page.site, REFUSE_ALL)
        if session.needs_banner(page_id):
            pending[:] = [page_id]
            banner.children[0].value = BOX.format(background="#fff8e1", body=t(
                "privacy.banner.text", lang, site=site["name"],
                partners=len({tr.id for p in wld.pages.values() if p.site == page.site
                              for tr in wld.third_parties(p.id)})))
            banner.layout.display, change_mind.layout.display = None, "none"
            for toggle in toggles.values():  # nothing ticked in advance: that would not count
                toggle.value = False
            content.value = ""
            return
        session.visit(page_id)
        banner.layout.display, custom.layout.display, change_mind.layout.display = (
            "none", "none", None)
        content.value = BOX.format(background="#fff", body=(
            f"<h3>{html.escape(page.title(lang))}</h3>"
            f"<p><i>{t('privacy.page.body', lang, about=site['about'][lang])}</i></p>"
            + trackers_on_page_html(page_id, consent, lang)))
        refresh()

    def answer(consent: Consent) -> None:
        if pending:
            session.answer(wld.pages[pending[0]].site, consent)
            show_page(pending.pop())

    def withdraw() -> None:
        shown = [pid for pid, _ in session.visits[-1:]]
        if shown:
            session.change_mind(wld.pages[shown[0]].site)
            show_page(shown[0])

    def restart(_b: w.Button | None = None) -> None:
        session.forget()
        pending.clear()
        address.value, content.value = "", t("privacy.browse.pick", lang)
        banner.layout.display = change_mind.layout.display = "none"
        refresh()

    rows = []
    for site_id, site in wld.sites.items():
        buttons = [wide_button(p.title(lang), lambda _b, pid=pid: show_page(pid))
                   for pid, p in wld.pages.items() if p.site == site_id]
        rows.append(w.HTML(f"<b>{site['name']}</b> — {site['about'][lang]}"))
        rows.append(w.HBox(buttons, layout=w.Layout(flex_flow="row wrap")))
    restart()
    window = column([address, banner, content, change_mind], border="2px solid #888",
                    padding="0.5rem", width="100%")
    return column([*rows, window, table,
                   wide_button(t("privacy.browse.restart", lang), restart)])


def show_profile(tracker_id: str, consent: Consent, lang: str,
                 visits: Iterable[str] | None = None) -> None:
    """Print what one tracker believes about you after a walk (the module's one by default)."""
    wld = world()
    pages = tuple(visits) if visits is not None else wld.demo_visits
    known = learn(pages, consent)[tracker_id]
    name = wld.trackers[tracker_id].name
    print(t("privacy.profile.walk", lang, count=len(pages),
            pages=", ".join(wld.pages[p].title(lang) for p in pages)))
    print()
    if not known.pages:
        print(t("privacy.profile.nothing", lang, name=name))
        return
    print(t("privacy.profile.title", lang, name=name, count=len(known.pages),
            sites=len(known.sites())))
    beliefs = profile(known)
    for belief in beliefs:
        sure = t("privacy.profile.sure" if belief.sure else "privacy.profile.maybe", lang)
        line = f"  {sure} {belief.interest.belief(lang)}"
        line += " " + t("privacy.profile.because", lang, pages=", ".join(
            wld.pages[p].title(lang) for p in belief.pages))
        if belief.interest.sensitive:
            line += " " + t("privacy.profile.sensitive", lang)
        print(line)
    print()
    print(t("privacy.profile.ads", lang, ads=", ".join(b.interest.advert(lang) for b in beliefs)))


def knowledge_chart(lang: str, visits: Iterable[str] | None = None) -> Any:
    """For one walk and three answers to the banners, the pages each third party saw and what it
    guessed, next to the most any single site saw of its own pages (refusing does not change it)."""
    wld = world()
    pages = tuple(visits) if visits is not None else wld.demo_visits
    names = [t("privacy.chart.sites", lang)] + [tr.name for tr in wld.trackers.values()
                                                 if tr.purpose != "necessary"]
    fig, axes = plt.subplots(1, 2, figsize=(10, 4.8), sharey=True)
    height = 0.27
    for number, (choice, consent) in enumerate(CHOICES.items()):
        known = learn(pages, consent)
        sites = [k for k in known.values() if k.tracker.purpose == "necessary"]
        third = [k for k in known.values() if k.tracker.purpose != "necessary"]
        seen = [max(len(k.pages) for k in sites), *(len(k.pages) for k in third)]
        guessed = [max(len(profile(k)) for k in sites), *(len(profile(k)) for k in third)]
        ys = [row + (number - 1) * height for row in range(len(names))]
        style = {"height": height, "label": t(f"privacy.chart.{choice}", lang),
                 "color": COLOURS[number], "edgecolor": "black", "hatch": HATCHES[number]}
        for ax, values in zip(axes, (seen, guessed), strict=True):
            ax.bar_label(ax.barh(ys, values, **style), padding=2, fontsize=8)
    axes[0].set_yticks(range(len(names)), names)
    axes[0].invert_yaxis()
    for ax, key in zip(axes, ("pages", "guesses"), strict=True):
        ax.set_xlabel(t(f"privacy.chart.{key}", lang))
        ax.set_xlim(0, ax.get_xlim()[1] + 0.6)
    axes[0].set_title(t("privacy.chart.seen_title", lang, count=len(pages)))
    axes[1].set_title(t("privacy.chart.guessed_title", lang))
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3, fontsize=9)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


def which_right(lang: str) -> w.VBox:
    """Module activity: read a situation, click the right that fits; the answer is explained."""
    every = situations()
    order = every[::2] + every[1::2]  # mix the rights instead of two of each in a row
    known = rights()
    state = {"index": 0, "score": 0, "answered": False}
    card, feedback = w.HTML(), w.HTML()

    def show() -> None:
        situation = order[state["index"]]
        card.value = BOX.format(background="#f4f7fb", body=t(
            "privacy.right.card", lang, number=state["index"] + 1, total=len(order),
            text=html.escape(situation.text(lang))))
        feedback.value = status(t("privacy.right.pick", lang))
        state["answered"] = False

    def choose(right_id: str) -> None:
        situation, right = order[state["index"]], known[right_id]
        if situation.right == right_id:
            state["score"] += 0 if state["answered"] else 1
            text = t("privacy.right.yes", lang, name=right.name(lang), does=right.what_it_does(
                lang), article=right.article)
        else:
            text = t("privacy.right.no", lang, name=right.name(lang),
                     does=right.what_it_does(lang))
        state["answered"] = True
        feedback.value = status(text + "<br>" + t("privacy.right.score", lang,
                                                  score=state["score"], total=len(order)))

    def following(_b: w.Button) -> None:
        state["index"] = (state["index"] + 1) % len(order)
        if state["index"] == 0:
            state["score"] = 0
        show()

    buttons = [wide_button(right.name(lang), lambda _b, rid=rid: choose(rid))
               for rid, right in known.items()]
    show()
    return column([card, w.HBox(buttons, layout=w.Layout(flex_flow="row wrap")), feedback,
                   wide_button(t("privacy.right.next", lang), following)])
