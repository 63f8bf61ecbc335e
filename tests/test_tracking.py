"""Trackers on made-up sites: who sees a visit, given the answer to the consent banner, what they
guess, and what the learner sees in the browsing activity, the profile and the chart."""

from __future__ import annotations

import re

import ipywidgets as w
import matplotlib.pyplot as plt
import pytest
import yaml

from tremplin.i18n import DATA, t
from tremplin.privacy_widgets import CHOICES, browse_sites, knowledge_chart, show_profile
from tremplin.tracking import (
    ACCEPT_ALL,
    ASKED,
    PURPOSES,
    REFUSE_ALL,
    Consent,
    Session,
    profile,
    read_data,
    what_trackers_learn,
    world,
)

THIRD = ("statimetre", "pubmax", "clicpub", "partagez")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def widgets_in(widget: w.Widget) -> list[w.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += widgets_in(child)
    return found


def button(widget: w.Widget, label: str) -> w.Button:
    return next(b for b in widgets_in(widget) if isinstance(b, w.Button) and b.description == label)


def shown_text(widget: w.Widget) -> str:
    return text_of(" ".join(h.value for h in widgets_in(widget) if isinstance(h, w.HTML)
                            and h.layout.display != "none"))


def test_the_data_file_reads_the_same_with_the_standard_library_and_with_yaml():
    text = (DATA / "tracking-sites.yaml").read_text(encoding="utf-8")
    assert read_data("tracking-sites.yaml") == yaml.safe_load(text)


def test_every_page_embeds_its_own_site_first_and_known_trackers():
    wld = world()
    assert len(wld.sites) == 5 and len(wld.pages) >= 10
    for page in wld.pages.values():
        assert page.trackers[0] == page.site
        assert set(page.trackers) <= set(wld.trackers), page.id
        assert set(page.interests) <= set(wld.interests), page.id
        assert page.title("fr") != page.title("en")
        assert wld.sites[page.site]["domain"].endswith(".example")
    assert set(wld.demo_visits) <= set(wld.pages)
    assert {tr.purpose for tr in wld.trackers.values()} == set(PURPOSES)


def test_third_parties_are_the_trackers_from_another_address_than_the_site():
    wld = world()
    assert [tr.id for tr in wld.third_parties("apple-pie")] == ["statimetre", "pubmax", "partagez"]
    assert not wld.is_third_party("lamarmite", "apple-pie")
    assert wld.is_third_party("pubmax", "apple-pie")
    assert [tr.id for tr in wld.third_parties("physio-lyon")] == ["pubmax"]


def test_accepting_everything_lets_one_ad_company_follow_you_on_every_site():
    known = what_trackers_learn(world().demo_visits, ACCEPT_ALL)
    assert known["pubmax"].pages == world().demo_visits
    assert len(known["pubmax"].sites()) == 5
    assert known["statimetre"].pages == ("apple-pie", "back-pain", "elections")
    assert known["santefacile"].pages == ("back-pain", "physio-lyon")


def test_refusing_everything_leaves_each_site_with_its_own_pages_only():
    known = what_trackers_learn(world().demo_visits, REFUSE_ALL)
    assert all(known[tid].pages == () for tid in THIRD)
    for tid, knowledge in known.items():
        if tid not in THIRD:
            assert knowledge.sites() in ((), (tid,)), tid
    assert sum(len(k.pages) for k in known.values()) == len(world().demo_visits)


def test_customising_lets_in_only_the_purposes_accepted():
    known = what_trackers_learn(world().demo_visits, Consent(ads=True))
    assert known["pubmax"].pages and known["clicpub"].pages
    assert known["statimetre"].pages == () and known["partagez"].pages == ()
    assert Consent(ads=True).choice == "custom"
    assert (ACCEPT_ALL.choice, REFUSE_ALL.choice) == ("accept_all", "refuse_all")
    assert all(REFUSE_ALL.allows("necessary") and not REFUSE_ALL.allows(p) for p in ASKED)


def test_a_site_whose_banner_was_not_answered_counts_as_refused():
    known = what_trackers_learn(["apple-pie", "back-pain"], {"lamarmite": ACCEPT_ALL})
    assert known["pubmax"].pages == ("apple-pie",)
    assert known["santefacile"].pages == ("back-pain",)


def test_the_profile_puts_the_best_supported_guesses_first_and_flags_sensitive_ones():
    beliefs = profile(what_trackers_learn(world().demo_visits, ACCEPT_ALL)["pubmax"])
    assert [b.interest.id for b in beliefs[:2]] == ["health", "lyon"]
    assert beliefs[0].sure and beliefs[0].pages == ("back-pain", "physio-lyon")
    assert not beliefs[2].sure
    assert {b.interest.id for b in beliefs if b.interest.sensitive} == {"health", "politics"}
    assert profile(what_trackers_learn(["weather"], ACCEPT_ALL)["pubmax"]) == []


def test_changing_ones_mind_stops_future_tracking_but_keeps_what_was_seen():
    session = Session()
    assert session.needs_banner("apple-pie")
    session.answer("lamarmite", ACCEPT_ALL)
    assert not session.needs_banner("kids-snacks") and session.needs_banner("back-pain")
    assert "pubmax" in [tr.id for tr in session.visit("apple-pie")]
    session.change_mind("lamarmite")
    assert session.needs_banner("apple-pie")
    session.answer("lamarmite", REFUSE_ALL)
    assert [tr.id for tr in session.visit("kids-snacks")] == ["lamarmite"]
    assert session.knowledge()["pubmax"].pages == ("apple-pie",)
    session.forget()
    assert session.visits == [] and session.needs_banner("apple-pie")


def test_browsing_shows_the_banner_then_the_page_and_the_knowledge_grows():
    lang = "en"
    activity = browse_sites(lang)
    assert "pages seen" in shown_text(activity).lower()
    button(activity, "Grandma's apple pie").click()
    assert "La Marmite respects your privacy" in shown_text(activity)
    assert "4 partners" in shown_text(activity)  # on all of its pages
    button(activity, t("privacy.banner.refuse_all", lang)).click()
    text = shown_text(activity)
    assert "✗ PubMax" in text and "✓ La Marmite · the site itself ·" in text
    assert "3 of them third parties" in text
    button(activity, "Back pain: what to do?").click()
    button(activity, t("privacy.banner.accept_all", lang)).click()
    button(activity, "Find a physiotherapist in Lyon").click()  # same site: no banner again
    text = shown_text(activity)
    assert "✓ PubMax · third party · Targeted advertising: saw your visit" in text
    row = re.search(r"PubMax Targeted advertising (\d+) (\d+) (.*?) ClicPub", text)
    assert row and row.groups()[:2] == ("2", "1")
    assert "You have a health problem." in row.group(3)
    button(activity, t("privacy.browse.restart", lang)).click()
    assert "You have a health problem." not in shown_text(activity)


def test_customising_on_the_banner_starts_with_nothing_ticked():
    lang = "fr"
    activity = browse_sites(lang)
    button(activity, "Rédiger son CV").click()
    button(activity, t("privacy.banner.customise", lang)).click()
    toggles = [x for x in widgets_in(activity) if isinstance(x, w.ToggleButton)]
    assert [x.value for x in toggles] == [False, False, False]
    toggles[0].value = True  # audience measurement only
    assert toggles[0].description.startswith("☑")
    button(activity, t("privacy.banner.save", lang)).click()
    text = shown_text(activity)
    assert "✓ Statimètre" in text and "✗ ClicPub" in text and "✗ Partagez" in text


def test_the_profile_is_printed_in_plain_words(capsys):
    show_profile("pubmax", ACCEPT_ALL, "fr")
    out = capsys.readouterr().out
    assert "Ce que PubMax croit savoir de vous, après 6 pages vues sur 5 sites" in out
    assert "●● presque sûr : Vous avez un souci de santé." in out and "⚠ donnée sensible" in out
    assert "mutuelles pour seniors" in out
    show_profile("pubmax", REFUSE_ALL, "en")
    assert "PubMax saw none of these pages: it knows nothing about you." in capsys.readouterr().out


def test_the_chart_compares_what_each_tracker_saw_for_three_answers():
    fig = knowledge_chart("fr")
    seen, guessed = fig.axes
    widths = [[round(bar.get_width()) for bar in container] for container in seen.containers]
    assert widths == [[2, 3, 6, 3, 2], [2, 3, 0, 0, 0], [2, 0, 0, 0, 0]]
    assert [round(b.get_width()) for b in guessed.containers[0]] == [2, 3, 7, 5, 2]
    assert [text.get_text() for text in fig.legends[0].get_texts()] == [
        t(f"privacy.chart.{choice}", "fr") for choice in CHOICES]
    plt.close(fig)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_text_built_from_parts_exists(lang):
    for key in ("first", "third"):
        assert t(f"privacy.party.{key}", lang)
    for key in ("saw", "blocked"):
        assert t(f"privacy.page.{key}", lang, name="X", party="p", purpose="q")
    for col in ("tracker", "pages", "sites", "guesses"):
        assert t(f"privacy.table.{col}", lang)
    for purpose in PURPOSES:
        assert world().purposes[purpose][lang]
