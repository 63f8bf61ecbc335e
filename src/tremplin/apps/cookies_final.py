"""The last screen of "Traces et cookies / Traces and cookies": what advertisers now believe
about the visitor, next to what they would believe had the banner been answered the other way.

The same pages are replayed with the other answer through module 10's `what_trackers_learn`,
so the comparison is about the visitor's own walk. The picture is drawn with matplotlib's
`Figure` (no pyplot, nothing left open) and shown by the kit's `figure(fig, alt)`; its alt text
states every number the bars show.
"""

from __future__ import annotations

from typing import Any

from ..tracking import Consent, Knowledge, profile, what_trackers_learn
from .cookies_app import CookiesApp, esc
from .kit import status

COLOURS = ("#1f3b63", "#d14900")  # dark blue, dark orange: apart for every colour vision
HATCHES = ("", "//")  # and a pattern, so that the bars differ without colour too


def companies_knowledge(app: CookiesApp, consent: Consent | None = None) -> list[Knowledge]:
    """What each company (not the site itself) learnt from the visitor's walk: with the answer
    given, or replayed with another one."""
    if consent is None:
        known = app.session.knowledge()
    else:
        known = what_trackers_learn([page for page, _ in app.session.visits], consent, app.world)
    return [known[tr.id] for tr in app.site_trackers() if tr.purpose != "necessary"]


def pages_seen(known: list[Knowledge]) -> int:
    """Every page seen by every company: one page seen by three companies counts three."""
    return sum(len(k.pages) for k in known)


def guesses(app: CookiesApp, known: list[Knowledge]) -> list[str]:
    """The different things the companies guessed, in the order first guessed."""
    found = {b.interest.id: b.interest.belief(app.lang) for k in known
             for b in profile(k, app.world)}
    return list(found.values())


def final_html(app: CookiesApp) -> str:
    """Your answer, what each company believes and will advertise, then the other answer."""
    mine, theirs = companies_knowledge(app), companies_knowledge(app, app.other)
    yours, other = app.choice_name(app.consent), app.choice_name(app.other)
    mine_guessed, theirs_guessed = guesses(app, mine), guesses(app, theirs)
    live = app.say("final_live", mine=len(mine_guessed), theirs=len(theirs_guessed), other=other)
    parts = [f"<h2>{app.say('final_title')}</h2>", status(f"<p>{live}</p>"),
             f"<p>{app.say('final_choice', choice=yours, count=len(app.session.visits))}</p>"]
    believers = [k for k in mine if k.pages]
    if not believers:
        site = app.world.sites[app.walk.site]["name"]
        parts.append(f"<p>{app.say('nobody', site=site)}</p>")
    items = []
    for known in believers:
        ads = ", ".join(dict.fromkeys(b.interest.advert(app.lang)
                                      for b in profile(known, app.world)))
        shows_ads = ads and known.tracker.purpose != "measure"  # measuring shows no adverts
        advert = f"<p>{app.say('ads', ads=ads)}</p>" if shows_ads else ""
        items.append(f"<li><b>{esc(known.tracker.name)}</b> — "
                     f"{app.say('saw_count', count=len(known.pages))}"
                     f"{app.beliefs_html(known)}{advert}</li>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    parts += [f"<h2>{app.say('compare_title')}</h2>", compare_table(app, yours, other),
              "<p>" + (app.say("other_believes", choice=other, beliefs=" ".join(theirs_guessed))
                       if theirs_guessed else app.say("other_nothing", choice=other)) + "</p>"]
    return "".join(parts)


def compare_table(app: CookiesApp, yours: str, other: str) -> str:
    """Two numbers for each answer, in a table a screen reader reads with its headers."""
    mine, theirs = companies_knowledge(app), companies_knowledge(app, app.other)
    rows = [("row_seen", pages_seen(mine), pages_seen(theirs)),
            ("row_guessed", len(guesses(app, mine)), len(guesses(app, theirs)))]
    body = "".join(f'<tr><th scope="row">{app.say(key)}</th><td>{a}</td><td>{b}</td></tr>'
                   for key, a, b in rows)
    return (f'<table class="tremplin-compare"><tr><td></td>'
            f'<th scope="col">{app.say("col_yours", choice=yours)}</th>'
            f'<th scope="col">{app.say("col_other", choice=other)}</th></tr>{body}</table>')


def lesson_html(app: CookiesApp) -> str:
    points = "".join(f"<li>{app.say(key)}</li>" for key in (
        "lesson_equal", "lesson_silence", "lesson_change", "lesson_delete", "lesson_made_up"))
    return f"<h2>{app.say('lesson_title')}</h2><ul>{points}</ul>"


def chart(app: CookiesApp) -> Any:
    """Pages seen by each company, with the answer given and with the other one."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    mine, theirs = companies_knowledge(app), companies_knowledge(app, app.other)
    names = [k.tracker.name for k in mine]
    labels = (app.text("col_yours", choice=app.choice_name(app.consent)),
              app.text("col_other", choice=app.choice_name(app.other)))
    fig = Figure(figsize=(9, 1.6 + 0.9 * len(names)))
    ax = fig.subplots()
    height = 0.38
    for number, known in enumerate((mine, theirs)):
        ys = [row + (number - 0.5) * height for row in range(len(names))]
        bars = ax.barh(ys, [len(k.pages) for k in known], height=height, label=labels[number],
                       color=COLOURS[number], edgecolor="black", hatch=HATCHES[number])
        ax.bar_label(bars, padding=3, fontsize=15)
    ax.set_yticks(range(len(names)), names, fontsize=15)
    ax.invert_yaxis()
    most = max([len(k.pages) for k in mine + theirs] + [1])
    ax.set_xlim(0, most + 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(app.text("chart_x"), fontsize=15)
    ax.tick_params(axis="x", labelsize=13)
    ax.set_title(app.text("chart_title"), fontsize=17)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16 - 0.4 / len(names)), fontsize=14)
    fig.tight_layout()
    return fig


def chart_alt(app: CookiesApp) -> str:
    """The picture in words: every bar's number, for those who cannot see it."""
    def counts(known: list[Knowledge]) -> str:
        return ", ".join(app.text("chart_count", name=k.tracker.name, count=len(k.pages))
                         for k in known)

    return app.text("chart_alt", yours=app.choice_name(app.consent),
                    mine=counts(companies_knowledge(app)), other=app.choice_name(app.other),
                    theirs=counts(companies_knowledge(app, app.other)))
