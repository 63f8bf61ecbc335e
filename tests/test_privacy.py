"""GDPR rights and letters, deadlines, a photo's metadata, who sees a post, a search on a name,
and the activities that show them."""

from __future__ import annotations

import re
from datetime import date

import ipywidgets as w
import pytest
import yaml

from tremplin.i18n import DATA, t
from tremplin.privacy import (
    RIGHTS,
    SETTINGS,
    add_months,
    answer_deadline,
    audience,
    example_photo,
    extended_deadline,
    long_date,
    moment,
    photo_reveals,
    read_data,
    request_letter,
    right_for,
    rights,
    search_results,
    sees,
    situations,
    without,
)
from tremplin.privacy_widgets import which_right
from tremplin.traces_widgets import name_search, photo_metadata, post_audience


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def widgets_in(widget: w.Widget) -> list[w.Widget]:
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += widgets_in(child)
    return found


def shown_text(widget: w.Widget) -> str:
    return text_of(" ".join(h.value for h in widgets_in(widget) if isinstance(h, w.HTML)))


def test_the_data_file_reads_the_same_with_the_standard_library_and_with_yaml():
    text = (DATA / "privacy.yaml").read_text(encoding="utf-8")
    assert read_data("privacy.yaml") == yaml.safe_load(text)


@pytest.mark.parametrize("name", ["messages-privacy.yaml", "privacy.yaml", "tracking-sites.yaml"])
def test_texts_use_symbols_every_font_has(name):
    # Library computers may lack an emoji font: an emoji would show as an empty box.
    text = (DATA / name).read_text(encoding="utf-8")
    assert not [ch for ch in text if ord(ch) > 0xFFFF or ch == "\ufe0f"], name


def test_four_rights_with_their_gdpr_articles_and_two_situations_each():
    found = rights()
    assert tuple(found) == RIGHTS
    assert [r.article for r in found.values()] == [15, 16, 17, 21]
    assert found["erasure"].name("fr") == "Droit à l'effacement"
    assert found["access"].name("en") == "Right of access"
    for right in RIGHTS:
        assert sum(s.right == right for s in situations()) == 2, right
    assert right_for("old_ad_with_phone") == "erasure"
    assert right_for("what_shop_knows") == "access"
    assert right_for("paper_adverts") == "objection"


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2025, 3, 14), 1, date(2025, 4, 14)),
    (date(2025, 1, 31), 1, date(2025, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2025, 12, 15), 1, date(2026, 1, 15)),
    (date(2025, 11, 30), 3, date(2026, 2, 28)),
])
def test_months_are_added_as_a_calendar_does(day, months, expected):
    assert add_months(day, months) == expected


def test_a_company_has_one_month_to_answer_three_if_the_request_is_complex():
    assert answer_deadline(date(2025, 6, 14)) == date(2025, 7, 14)
    assert extended_deadline(date(2025, 6, 14)) == date(2025, 9, 14)


def test_dates_and_moments_are_written_as_people_write_them():
    assert long_date(date(2025, 8, 1), "fr") == "1 août 2025"
    assert long_date(date(2025, 8, 1), "en") == "1 August 2025"
    assert moment("2025:06:14 08:47:12", "fr") == "le samedi 14 juin 2025 à 8 h 47"
    assert moment("2025:06:14 08:47:12", "en") == "on Saturday 14 June 2025 at 8:47"


def test_an_erasure_letter_names_the_article_the_company_and_the_deadline():
    letter = request_letter("erasure", "fr", name="Alex Dupont", company="Magasin Test",
                            sent=date(2025, 1, 31))
    assert "Objet : demande d'effacement de mes données personnelles (article 17 du RGPD)" in letter
    assert letter.startswith("Alex Dupont\n") and letter.rstrip().endswith("Alex Dupont")
    assert "Magasin Test" in letter and "Le 31 janvier 2025" in letter
    assert "vers le 28 février 2025" in letter and "CNIL" in letter
    assert "historique d'achats" in letter


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("right", RIGHTS)
def test_every_letter_is_complete_in_both_languages(right, lang):
    letter = request_letter(right, lang, details="mon adresse", sent=date(2025, 6, 14))
    assert "{" not in letter and "}" not in letter
    article = {"access": 15, "rectification": 16, "erasure": 17, "objection": 21}[right]
    assert str(article) in letter
    assert ("Dear Sir or Madam," if lang == "en" else "Madame, Monsieur,") in letter
    assert ("14 July 2025" if lang == "en" else "14 juillet 2025") in letter
    if right != "access":
        assert "mon adresse" in letter


def test_an_unknown_right_is_refused():
    with pytest.raises(ValueError, match="portability"):
        request_letter("portability", "fr")


def test_a_photos_metadata_tells_where_when_and_who():
    reveals = photo_reveals(example_photo(), "fr")
    assert [r.kind for r in reveals] == ["place", "time", "author", "device", "size"]
    assert [r.personal for r in reveals] == [True, True, True, False, False]
    assert "45.7621, 4.8413" in reveals[0].text
    assert "samedi 14 juin 2025 à 8 h 47" in reveals[1].text
    assert "{" not in " ".join(r.text for r in photo_reveals(example_photo(), "en"))


def test_removing_metadata_removes_what_it_told():
    photo = example_photo()
    no_place = without(photo, "place")
    assert "GPSLatitude" not in no_place and "GPSLongitude" not in no_place
    assert "place" not in [r.kind for r in photo_reveals(no_place, "en")]
    anonymous = without(photo, "place", "time", "author")
    assert [r.kind for r in photo_reveals(anonymous, "en")] == ["device", "size"]
    assert "GPSLatitude" in photo  # the original is left alone


def test_who_sees_a_post_depends_on_its_setting():
    assert all(seen == "yes" for _, seen in audience("public"))
    assert {p["id"]: seen for p, seen in audience("only_me")} == {
        "me": "yes", "cousin": "no", "karim": "no", "friend_of_karim": "no",
        "recruiter": "no", "search_engine": "no"}
    assert sees("friends", "friends") == "yes"
    assert sees("friends", "others") == "if_shared"  # a friend can always pass it on
    with pytest.raises(ValueError):
        sees("secret", "me")


def test_every_search_result_comes_with_what_to_do_in_both_languages():
    results = search_results()
    assert {r["action"] for r in results} == {"keep", "ask_friend", "delete", "erase", "namesake"}
    for result in results:
        for lang in ("fr", "en"):
            assert t(f"privacy.search.action_{result['action']}", lang)
            assert t(f"privacy.search.source_{result['source']}", lang)


def test_the_which_right_game_explains_and_counts_first_tries():
    game = which_right("en")
    buttons = {b.description: b for b in widgets_in(game) if isinstance(b, w.Button)}
    assert "Situation 1 of 8" in shown_text(game)
    assert "Boutika knows about you" in shown_text(game)  # the first situation: access
    buttons["Right to erasure"].click()
    assert "Not this one: Right to erasure lets you have your data erased" in shown_text(game)
    buttons["Right of access"].click()
    assert "Yes! Right of access (GDPR article 15)" in shown_text(game)
    assert "Right at the first try: 0 of 8" in shown_text(game)
    buttons["Next situation"].click()
    assert "Situation 2 of 8" in shown_text(game)
    buttons["Right to rectification"].click()  # date of birth: rectification
    assert "Right at the first try: 1 of 8" in shown_text(game)


def toggles(widget: w.Widget) -> list[w.ToggleButton]:
    return [x for x in widgets_in(widget) if isinstance(x, w.ToggleButton)]


def test_the_photo_activity_removes_the_location_then_everything_personal():
    activity = photo_metadata("fr")
    as_is, no_place, nothing_personal = toggles(activity)
    assert as_is.value and not no_place.value
    assert "GPSLatitude" in shown_text(activity) and "chez vous" in shown_text(activity)
    no_place.value = True
    assert not as_is.value  # one choice at a time, like radio buttons
    assert "GPSLatitude" not in shown_text(activity) and "Camille Martin" in shown_text(activity)
    no_place.value = False  # pressing the chosen one again keeps it chosen
    assert no_place.value
    nothing_personal.value = True
    text = shown_text(activity)
    assert "Camille Martin" not in text and "2025:06:14" not in text and "Fonia" in text


def test_the_post_activity_says_who_sees_for_each_setting():
    activity = post_audience("en")
    public, friends, only_me = toggles(activity)
    assert [public.description, friends.description, only_me.description] == [
        t(f"privacy.audience.{setting}", "en") for setting in SETTINGS]
    assert shown_text(activity).count("✓") == 6
    friends.value = True
    assert shown_text(activity).count("⚠") == 3
    only_me.value = True
    assert shown_text(activity).count("✗") == 5 and "✓ You" in shown_text(activity)


def test_the_search_activity_tells_what_to_do_under_each_result():
    activity = name_search("fr")
    buttons = [b for b in widgets_in(activity) if isinstance(b, w.Button)]
    assert len(buttons) == len(search_results())
    buttons[3].click()  # the old small ad with a phone number
    assert "droit à l'effacement" in shown_text(activity)
    assert "déréférencement" in shown_text(activity)
