"""Module 07, the web and online services: addresses taken apart, real sites and look-alikes, a
page built as safe HTML, who sees whom on an e-mail, who may do what with a shared document, and
what the activities show."""

from __future__ import annotations

import pytest

from tremplin.i18n import load_all
from tremplin.web import (
    PARTS,
    TITLE_COLOURS,
    AddressProblem,
    Page,
    compare_sites,
    page_preview,
    page_source,
    published_address,
    read_address,
    site_name,
    slug,
)
from tremplin.web_service_widgets import (
    ATTACHMENTS,
    document_html,
    email_parts,
    mail_activity,
    sharing_activity,
)
from tremplin.web_services import (
    ACTIONS,
    LINK_SETTINGS,
    ROLES,
    Message,
    Share,
    SharedDocument,
    email_problem,
    read_email,
    split_addresses,
)
from tremplin.web_widgets import (
    ANATOMY,
    address_html,
    address_inspector,
    lookalike_quiz,
    page_anatomy,
    page_editor,
)

FULL = "https://www.Meteo.example/paris/demain?jour=lundi&q=tarte+aux+pommes#vent"
BANK = "lilas-banque.example"


# --- addresses ----------------------------------------------------------------------------------

def test_an_address_falls_apart_into_named_parts_that_join_back():
    address = read_address(FULL)
    assert address.parts() == [
        ("protocol", "https://"), ("before_site", "www."), ("site", "Meteo.example"),
        ("path", "/paris/demain"), ("parameters", "?jour=lundi&q=tarte+aux+pommes"),
        ("fragment", "#vent")]
    assert address.text == FULL
    assert address.site_name == "meteo.example"
    assert address.padlock and address.warnings == ()
    assert address.folders == ("paris", "demain")
    assert address.settings == (("jour", "lundi"), ("q", "tarte aux pommes"))


@pytest.mark.parametrize("text", [
    FULL, "meteo.example", "http://198.51.100.20/login", "https://a.example@b.example:8080/x?y#z",
    "https://impots.gouv.fr/", "ftp://files.example/a%20b", "https://x.example/?", "x.example#",
    "https://meteo.example./page"])
def test_the_parts_of_any_address_join_back_into_what_was_typed(text):
    address = read_address(text)
    assert address.text == text
    assert [name for name, _ in address.parts()] == [p for p in PARTS if dict(address.parts())
                                                     .get(p)]


@pytest.mark.parametrize(("text", "site"), [
    ("https://www.lilas-banque.example/comptes", BANK),
    ("https://connexion.lilas-banque.example/", BANK),
    ("lilas-banque.example", BANK),
    ("https://LILAS-BANQUE.example./", BANK),
    ("https://lilas-banque.example.acces-client.example/connexion", "acces-client.example"),
    ("https://lilas-banque.example@pirate.example/", "pirate.example"),
    ("https://lilas-banque-securite.example/", "lilas-banque-securite.example"),
    ("https://www.impots.gouv.fr/accueil", "impots.gouv.fr"),
    ("http://198.51.100.20/login", "198.51.100.20"),
    ("https://localhost:8888/tree", "localhost"),
])
def test_the_site_name_is_the_part_just_before_the_first_single_slash(text, site):
    assert site_name(text) == site


def test_warnings_point_at_what_deserves_a_second_look():
    assert read_address("http://meteo.example/").warnings == ("no_padlock",)
    assert not read_address("http://meteo.example/").padlock
    assert read_address("https://lilas-banque.example@pirate.example/").warnings == (
        "user_trick",)
    assert read_address("http://198.51.100.20/login").warnings == ("no_padlock", "number")
    assert read_address("https://lilas-banque.example.acces-client.example/").warnings == (
        "disguise",)
    assert read_address("https://connexion.lilas-banque.example/").warnings == ()
    typed = read_address("meteo.example")
    assert typed.protocol == "" and not typed.padlock


@pytest.mark.parametrize(("text", "code"), [
    ("", "empty"), ("   ", "empty"), ("meteo .example", "space"), ("https://", "no_site"),
    ("https://[::1/", "unreadable")])
def test_what_cannot_be_an_address_says_why(text, code):
    with pytest.raises(AddressProblem) as caught:
        read_address(text)
    assert caught.value.code == code


@pytest.mark.parametrize(("text", "verdict"), [
    ("https://www.lilas-banque.example/comptes", "same"),
    ("https://connexion.lilas-banque.example/", "same"),
    ("https://www.Iilas-banque.example/", "look_alike"),
    ("https://lilas-banqve.example/", "look_alike"),
    ("https://lilas-banque.example.acces-client.example/", "borrowed"),
    ("https://lilas-banque-securite.example/", "borrowed"),
    ("https://lilas-banque.example@pirate.example/", "borrowed"),
    ("https://meteo.example/", "other"),
])
def test_a_look_alike_is_told_apart_from_the_real_site(text, verdict):
    assert compare_sites(text, BANK) == verdict


# --- a page -------------------------------------------------------------------------------------

PAGE = Page("Atelier <tricot>", ("Mardi & jeudi", "", "Venez !"), "L'agenda",
            'https://bibliotheque.example/agenda?a=1&b="2"', "pelotes.jpg", "Trois pelotes",
            "darkgreen")


def test_the_source_is_a_whole_page_with_everything_typed_made_safe():
    source = page_source(PAGE, "fr")
    lines = source.splitlines()
    assert lines[:2] == ["<!DOCTYPE html>", '<html lang="fr">'] and lines[-1] == "</html>"
    assert "    <title>Atelier &lt;tricot&gt;</title>" in lines
    assert "    <h1>Atelier &lt;tricot&gt;</h1>" in lines
    assert "    <style>h1 { color: darkgreen; }</style>" in lines
    assert "    <p>Mardi &amp; jeudi</p>" in lines and "    <p>Venez !</p>" in lines
    assert "<p></p>" not in source, "an empty line makes no paragraph"
    assert '    <img src="pelotes.jpg" alt="Trois pelotes">' in lines
    assert ('    <p><a href="https://bibliotheque.example/agenda?a=1&amp;b=&quot;2&quot;">'
            "L&#x27;agenda</a></p>") in lines
    assert "<tricot>" not in source


def test_a_bare_page_has_no_style_picture_or_link_and_the_colour_is_checked():
    source = page_source(Page("Bonjour"), "en")
    assert '<html lang="en">' in source and "<h1>Bonjour</h1>" in source
    assert all(tag not in source for tag in ("<style>", "<img", "<a "))
    with pytest.raises(ValueError, match="colour"):
        Page("Bonjour", colour="red; } body { display: none")
    assert all(Page("x", colour=colour).colour == colour for colour in TITLE_COLOURS)


def test_the_preview_loads_nothing_and_follows_no_link():
    preview = page_preview(PAGE, "Ici s'afficherait l'image :")
    assert '<h1 style="color:darkgreen">Atelier &lt;tricot&gt;</h1>' in preview
    assert all(risky not in preview for risky in ("<img", "src=", "href=", "<style", "<script"))
    assert "Trois pelotes" in preview and "L&#x27;agenda" in preview


def test_a_published_page_gets_an_address_made_from_its_title():
    assert slug("Été à la bibliothèque !") == "ete-a-la-bibliotheque"
    assert slug("!!!") == "page"
    assert len(slug("a" * 100)) == 40
    assert published_address(PAGE, "pages.bibliotheque.example") == (
        "https://pages.bibliotheque.example/atelier-tricot/")


# --- e-mail -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "problem"), [
    ("amina.diallo@poste.example", None), ("", "empty"), ("amina diallo@poste.example", "space"),
    ("amina.poste.example", "no_at"), ("a@b@poste.example", "several_at"),
    ("@poste.example", "no_user"), ("amina@", "no_domain"), ("amina@poste", "no_dot"),
    ("amina@.example", "no_dot")])
def test_an_email_address_needs_a_name_an_at_sign_and_a_service(text, problem):
    assert email_problem(text) == problem


def test_an_email_address_has_two_parts():
    assert read_email(" Amina.Diallo@Poste.example ") == ("Amina.Diallo", "poste.example")
    with pytest.raises(ValueError, match="no_at"):
        read_email("amina")
    assert split_addresses("a@x.example, b@x.example;c@x.example  d@x.example") == (
        "a@x.example", "b@x.example", "c@x.example", "d@x.example")


MESSAGE = Message("me@x.example", to=("amina@x.example",), cc=("bruno@x.example",),
                  bcc=("chloe@x.example", "paul@x.example", "Amina@x.example"))


def test_everyone_receives_once_but_only_the_sender_sees_the_blind_copies():
    assert MESSAGE.receivers() == ("amina@x.example", "bruno@x.example", "chloe@x.example",
                                   "paul@x.example")
    assert MESSAGE.view("me@x.example").bcc == MESSAGE.bcc
    for reader, how in (("amina@x.example", "to"), ("bruno@x.example", "cc"),
                        ("chloe@x.example", "bcc"), ("PAUL@x.example", "bcc")):
        view = MESSAGE.view(reader)
        assert view.how == how and view.bcc == ()
        assert view.to == ("amina@x.example",) and view.cc == ("bruno@x.example",)
    assert MESSAGE.view("stranger@x.example") is None


def test_a_blind_copy_is_seen_by_the_sender_alone_and_never_gets_reply_all():
    assert MESSAGE.who_sees("chloe@x.example") == ("me@x.example",)
    assert MESSAGE.who_sees("bruno@x.example") == (
        "me@x.example", "amina@x.example", "bruno@x.example", "chloe@x.example", "paul@x.example")
    assert MESSAGE.reply_all("bruno@x.example") == ("me@x.example", "amina@x.example")


def test_an_attachment_grows_on_its_way_and_a_big_one_is_too_big():
    assert Message("me@x.example").sent_size() == 0
    photo = Message("me@x.example", attachments=(("photo.jpg", 3_000_000),))
    assert photo.sent_size() == 4_000_000 and not photo.too_big()
    album = Message("me@x.example", attachments=(("a.jpg", 9_000_000), ("b.jpg", 9_000_000)))
    assert album.sent_size() == 24_000_000 and album.too_big()


# --- the cloud ----------------------------------------------------------------------------------

def test_roles_go_from_reading_to_editing_and_the_link_is_a_key_anyone_can_copy():
    share = Share("me", {"amina": "edit", "bruno": "comment"}, link="read")
    assert [share.can("amina", action) for action in ACTIONS] == [True, True, True]
    assert [share.can("bruno", action) for action in ACTIONS] == [True, True, False]
    assert [share.can("stranger", action) for action in ACTIONS] == [True, False, False]
    assert not share.can("stranger", "read", has_link=False)
    assert share.role("me") == "owner" and all(share.can("me", a) for a in ACTIONS)
    restricted = Share("me", {"amina": "read"})
    assert restricted.role("stranger") == "none" and restricted.role("amina") == "read"
    assert Share("me", {"amina": "read"}, "edit").role("amina") == "edit", "the link adds rights"


def test_unknown_roles_links_and_actions_are_refused():
    with pytest.raises(ValueError):
        Share("me", {"amina": "admin"})
    with pytest.raises(ValueError):
        Share("me", link="public")
    with pytest.raises(ValueError):
        Share("me").can("me", "delete")


def test_a_shared_document_keeps_one_copy_and_a_history_including_refusals():
    document = SharedDocument(Share("Vous", {"Amina": "edit", "Bruno": "comment"}), ["Liste :"])
    assert document.write("Amina", "- des jus de fruits")
    assert document.comment("Bruno", "J'apporte les gâteaux")
    assert not document.write("Bruno", "- des gâteaux")
    assert document.read("Inconnu") is None
    assert document.lines == ["Liste :", "- des jus de fruits"]
    assert document.comments == [("Bruno", "J'apporte les gâteaux")]
    assert [(e.person, e.action, e.done) for e in document.history] == [
        ("Amina", "edit", True), ("Bruno", "comment", True), ("Bruno", "edit", False),
        ("Inconnu", "read", False)]
    shown = document_html(document, "fr").value
    assert "✗ Bruno a voulu modifier" in shown and "(commentateur)" in shown
    assert "✗ Inconnu a voulu lire" in shown and "« - des jus de fruits »" in shown


# --- what the activities show -------------------------------------------------------------------

def test_the_inspector_names_the_real_site_and_follows_the_typing():
    box = address_inspector("fr", "https://www.meteo.example/paris")
    text, result = box.children[1], box.children[2]
    assert "Le vrai nom du site : meteo.example" in result.value
    assert "paris" in result.value and "Nom de domaine" in result.value
    text.value = "http://lilas-banque.example@pirate.example/"
    assert "pirate.example" in result.value and "⚠ Pas de cadenas" in result.value
    text.value = ""
    assert "Tapez une adresse" in result.value
    assert "The real name of the site: weather.example" in address_html(
        "weather.example", "en")
    assert "<script>" not in address_html("https://x.example/<script>", "en")


def test_the_quiz_scores_each_answer_and_says_why():
    quiz = lookalike_quiz("en", BANK, ["https://www.Iilas-banque.example/", f"https://{BANK}/"])
    first, second, score = quiz.children[2], quiz.children[3], quiz.children[4]
    assert "0 out of 2" in score.value
    first.children[1].children[0].click()  # "it's the bank": wrong, it is a look-alike
    said = first.children[2].value
    assert "Not quite." in said and "iilas-banque.example" in said and "look-alike" in said
    second.children[1].children[0].click()
    assert "1 out of 2" in score.value
    first.children[1].children[1].click()
    assert "2 out of 2" in score.value


def test_the_page_editor_shows_the_page_beside_its_safe_source_and_publishes_it():
    editor = page_editor("fr")
    title, sides, publish, published = (editor.children[1], editor.children[-3],
                                        editor.children[-2], editor.children[-1])
    view, source = sides.children[0].children[0], sides.children[1].children[0]
    assert "Atelier tricot" in view.value and "&lt;h1" in source.value
    title.value = "<script>alert(1)</script> Fête"
    assert "<script>" not in view.value and "&lt;script&gt;" in view.value
    assert "<script>" not in source.value
    editor.children[7].value = "darkred"
    assert "color:darkred" in view.value and "darkred" in source.value
    publish.click()
    assert "https://pages.bibliotheque.example/script-alert-1-script-fete/" in published.value
    title.value = "Autre"
    assert published.value == "", "a changed page is no longer the published one"


def test_each_typed_email_address_is_split_at_its_at_sign_or_told_what_is_missing():
    shown = email_parts("fr", ["amina.diallo@poste.example", "amina.poste.example",
                               "a b@x.example"])
    assert "✓ amina.diallo@poste.example : la boîte « amina.diallo », chez le service " \
           "« poste.example »" in shown.value
    assert "✗ « amina.poste.example » n&#x27;est pas une adresse : il manque l&#x27;arobase @." \
           in shown.value
    assert "contient un espace" in shown.value


def test_the_mail_activity_hides_blind_copies_from_the_other_mailboxes():
    box = mail_activity("en", "amina@mail.example", "bruno@mail.example",
                        "chloe@mail.example, paul@mail")
    result = box.children[-1].value
    assert "“paul@mail” is not an address" in result
    assert "Number of people who receive the message: 3" in result
    cards = result.split("📬")[1:]
    assert len(cards) == 3 and all("chloe@mail.example" not in card for card in cards[:2])
    assert "You are a blind copy" in cards[2]
    assert "From: you@mail.example" in result
    box.children[5].value = ATTACHMENTS[-1]
    assert "Too heavy" in box.children[-1].value
    box.children[2].value = "You@mail.example"  # the usual trick: yourself in To, the group in BCC
    box.children[3].value = ""
    box.children[4].value = "amina@mail.example, bruno@mail.example"
    result = box.children[-1].value
    assert result.count("📤") == 1 and result.count("📬") == 2
    assert "Addresses everyone sees (To and CC): You@mail.example" in result


def test_the_sharing_mission_is_met_only_with_the_right_settings():
    box = sharing_activity("fr")
    amina, bruno, link, result = box.children[2:6]
    assert "Pas encore" in result.value and "Mission réussie" not in result.value
    amina.value, bruno.value, link.value = "edit", "comment", "restricted"
    assert "Mission réussie" in result.value
    link.value = "read"
    assert "Un inconnu qui a le lien peut encore ouvrir" in result.value


def test_every_text_the_activities_build_from_parts_exists_in_both_languages():
    catalogue = load_all()
    keys = {f"web.name_{p}" for p in PARTS} | {f"web.part_{p}" for p in PARTS
                                                if p not in ("protocol", "path", "parameters")}
    keys |= {f"web.part_protocol_{k}" for k in ("https", "http", "other")}
    keys |= {f"web.warning_{k}" for k in ("no_padlock", "user_trick", "number", "disguise")}
    keys |= {f"web.problem_{k}" for k in ("empty", "space", "unreadable", "no_site")}
    keys |= {f"web.verdict_{k}" for k in ("same", "look_alike", "borrowed", "other")}
    keys |= {f"web.anatomy_{k}" for k in ANATOMY} | {f"web.colour_{c}" for c in TITLE_COLOURS}
    keys |= {f"web.attach_{name}" for name, _ in ATTACHMENTS}
    keys |= {f"web.mail_problem_{k}" for k in ("empty", "space", "no_at", "several_at", "no_user",
                                                "no_domain", "no_dot")}
    keys |= {f"web.role_{r}" for r in ROLES} | {f"web.role_short_{r}" for r in (*ROLES, "owner")}
    keys |= {f"web.link_{s}" for s in LINK_SETTINGS} | {f"web.action_{a}" for a in ACTIONS}
    keys |= {f"web.verb_{a}" for a in ACTIONS} | {f"web.event_{a}" for a in ACTIONS}
    keys |= {f"web.person_{p}" for p in ("you", "amina", "bruno", "stranger")}
    assert sorted(keys - set(catalogue)) == []
    assert "①" in page_anatomy("fr").value and "<title>" not in page_anatomy("en").value
