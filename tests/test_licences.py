"""Creative Commons licences: what each allows, "may I use this image?", credit lines, cards."""

from __future__ import annotations

import re

import pytest

from tremplin.citizenship_widgets import card_html, decision_html, image_reuse
from tremplin.licences import (
    CARDS,
    CONDITIONS,
    LICENCES,
    REASONS,
    allows_commercial_use,
    allows_modification,
    credit_line,
    decide,
    parse,
)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


@pytest.mark.parametrize(("written", "expected"), [
    ("CC BY 4.0", "by"), ("cc-by-sa", "by-sa"), ("BY SA", "by-sa"), ("CC BY-NC 4.0", "by-nc"),
    ("Creative Commons BY-ND", "by-nd"), ("CC BY-NC-ND 4.0", "by-nc-nd"), ("CC0 1.0", "cc0"),
    ("cc0", "cc0"), ("Domaine public", "cc0"), ("©", "copyright"),
    ("Tous droits réservés", "copyright"), ("All rights reserved", "copyright"),
])
def test_a_licence_is_recognised_however_it_is_written(written, expected):
    assert parse(written).id == expected


def test_an_unknown_licence_is_refused_with_its_name():
    with pytest.raises(KeyError, match="GPL"):
        parse("GPL")


def test_each_code_means_what_creative_commons_says():
    assert [lid for lid in LICENCES if allows_commercial_use(lid)] == ["by", "by-sa", "by-nd",
                                                                       "cc0"]
    assert [lid for lid in LICENCES if allows_modification(lid)] == ["by", "by-sa", "by-nc",
                                                                     "by-nc-sa", "cc0"]
    assert [lid for lid, lic in LICENCES.items() if lic.same_licence] == ["by-sa", "by-nc-sa"]
    assert not LICENCES["cc0"].credit and all(
        LICENCES[lid].credit for lid in LICENCES if lid != "cc0")
    assert parse("CC BY").full_label == "CC BY 4.0" and parse("CC0").full_label == "CC0 1.0"


def test_an_image_with_no_licence_needs_the_authors_permission():
    for modify in (False, True):
        for commercial in (False, True):
            found = decide("©", modify=modify, commercial=commercial)
            assert not found.allowed and found.reasons == ("all_rights_reserved",)


def test_every_refusal_is_listed_and_conditions_come_with_a_yes():
    both = decide("CC BY-NC-ND", modify=True, commercial=True)
    assert not both.allowed and both.reasons == ("no_commercial", "no_modification")
    assert decide("CC BY-ND", commercial=True).allowed
    assert decide("CC BY-ND", modify=True).reasons == ("no_modification",)
    assert decide("CC BY-NC", modify=True).conditions == ("credit",)
    shared = decide("CC BY-SA", modify=True, commercial=True)
    assert shared.allowed and shared.conditions == ("credit", "same_licence")
    assert decide("CC BY-SA").conditions == ("credit",)  # unchanged: nothing to share alike
    free = decide("CC0", modify=True, commercial=True)
    assert free.allowed and free.reasons == ("public_domain",) and free.conditions == ()


@pytest.mark.parametrize(("args", "kwargs", "expected"), [
    (("Marie Dupont", "CC BY 4.0"), {}, "Photo : Marie Dupont, CC BY 4.0"),
    (("Marie Dupont", "by"), {"lang": "en"}, "Photo: Marie Dupont, CC BY 4.0"),
    (("  Ali   Ben ", "by-sa"), {"title": "Le phare", "source": "Wikimedia Commons"},
     "Photo : « Le phare », Ali Ben, CC BY-SA 4.0 (Wikimedia Commons)"),
    (("Ali", "by-nc"), {"lang": "en", "title": "The lighthouse", "kind": "Drawing"},
     "Drawing: “The lighthouse”, Ali, CC BY-NC 4.0"),
    (("Jo Lee", "©"), {}, "Photo : © Jo Lee"),
    (("Jo Lee", "cc0"), {"lang": "en"}, "Photo: Jo Lee, CC0 1.0"),
])
def test_credit_lines_name_the_author_and_the_licence(args, kwargs, expected):
    assert credit_line(*args, **kwargs) == expected


def test_a_credit_line_needs_an_author():
    with pytest.raises(ValueError):
        credit_line("  ", "CC BY")


def test_licence_pages_point_to_creative_commons_in_the_learners_language():
    assert parse("by-nc").url("en") == "https://creativecommons.org/licenses/by-nc/4.0/deed.en"
    assert parse("cc0").url("fr").endswith("/publicdomain/zero/1.0/deed.fr")
    assert parse("©").url() == ""


def test_every_card_says_its_licence_in_both_languages():
    for lid in LICENCES:
        fr, en = text_of(card_html(LICENCES[lid], "fr")), text_of(card_html(LICENCES[lid], "en"))
        assert LICENCES[lid].label in fr and LICENCES[lid].label in en and fr != en
    assert "demander la permission" in text_of(card_html(LICENCES["copyright"], "fr"))
    assert CARDS == ("copyright", "by", "by-sa", "by-nc", "by-nd", "cc0")


def test_the_verdict_says_why_and_gives_the_credit_line():
    yes = text_of(decision_html(LICENCES["by-sa"], True, False, "Marie Dupont", "fr"))
    assert "Oui" in yes and "même licence" in yes and "Photo : Marie Dupont, CC BY-SA 4.0" in yes
    no = text_of(decision_html(LICENCES["by-nc"], False, True, "Marie Dupont", "en"))
    assert "No," in no and "NC" in no and "ask permission" in no and "Photo:" not in no
    polite = text_of(decision_html(LICENCES["cc0"], True, True, "", "en"))
    assert "Not required" in polite and "Photo: Author's name, CC0 1.0" in polite
    assert set(REASONS) >= {"all_rights_reserved", "allowed"} and set(CONDITIONS) == {
        "credit", "same_licence"}


def test_picking_a_card_and_a_use_changes_the_verdict():
    activity = image_reuse("en")
    cards, uses, author, _picked, result = activity.children[2:]
    assert "No," in text_of(result.value)  # all rights reserved, chosen at first
    assert "tremplin-chosen" in cards.children[0]._dom_classes
    cards.children[1].children[1].click()  # CC BY
    assert "tremplin-chosen" in cards.children[1]._dom_classes
    assert "tremplin-chosen" not in cards.children[0]._dom_classes
    assert "Yes" in text_of(result.value) and "Marie Dupont, CC BY 4.0" in text_of(result.value)
    cards.children[3].children[1].click()  # CC BY-NC
    uses.children[1].value = True          # to earn money
    assert "NC" in text_of(result.value) and "No," in text_of(result.value)
    uses.children[1].value = False
    author.value = "Ana Diaz"
    assert "Photo: Ana Diaz, CC BY-NC 4.0" in text_of(result.value)
