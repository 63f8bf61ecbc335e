"""The simulated Internet of module 06: routes, packets, DNS, times, and what the widgets show."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest

from tremplin.i18n import load_all
from tremplin.network import (
    Link,
    Network,
    NoRoute,
    Place,
    duration_parts,
    transfer_seconds,
    travel,
)
from tremplin.network_dns import SITES, STEPS, Resolver, normalise_name
from tremplin.network_packets import Packet, deliver, missing, reassemble, split_message

MESSAGE = "Bonjour, comment allez-vous ?"


# --- routes -------------------------------------------------------------------------------------

def slowest_search(network: Network, start: str, end: str) -> float:
    """Every path without loops, tried one by one: what Dijkstra must agree with."""
    best = float("inf")

    def walk(here: str, seen: set[str], delay: float) -> None:
        nonlocal best
        if here == end:
            best = min(best, delay)
            return
        for there, link in network.neighbours(here):
            if there not in seen:
                walk(there, seen | {there}, delay + link.delay_ms)

    walk(start, {start}, 0.0)
    return best


def test_the_route_home_to_paris_goes_through_lyon():
    route = Network().route("home", "dc_paris")
    assert route.places == ("home", "lyon", "paris", "dc_paris")
    assert route.delay_ms == 9
    assert route.bandwidth_mbps == 100  # the home line is the narrowest


def test_dijkstra_finds_the_smallest_delay_between_every_pair_of_places():
    network = Network()
    for start in network.places:
        for end in network.places:
            route = network.route(start, end)
            assert route.places[0] == start and route.places[-1] == end
            assert route.delay_ms == slowest_search(network, start, end), (start, end)
            assert route.delay_ms == sum(network.link(a, b).delay_ms
                                         for a, b in pairwise(route.places))


def test_far_away_data_centres_are_reached_through_submarine_cables():
    network = Network()
    america = network.route("home", "dc_virginia")
    asia = network.route("home", "dc_singapore")
    assert america.places[-3:-1] == ("saint_hilaire", "virginia_beach")
    assert "singapore" in asia.places
    assert network.route("home", "dc_paris").delay_ms < america.delay_ms < asia.delay_ms


def test_a_cut_cable_changes_the_route_and_a_cut_home_line_stops_everything():
    network = Network()
    detour = network.without("lyon", "paris").route("home", "dc_paris")
    assert detour.places == ("home", "lyon", "strasbourg", "paris", "dc_paris")
    assert detour.delay_ms == 12
    assert network.route("home", "dc_paris").delay_ms == 9, "cutting gave a new network"
    with pytest.raises(NoRoute):
        network.without("home", "lyon").route("home", "dc_paris")
    with pytest.raises(KeyError):
        network.without("home", "paris")


def test_a_faster_home_line_raises_the_bandwidth_of_every_route():
    fibre = Network().with_home_bandwidth(1000)
    assert fibre.route("home", "dc_marseille").bandwidth_mbps == 1000
    assert fibre.route("paris", "lille").bandwidth_mbps == 40_000


def test_a_network_refuses_cables_to_places_that_do_not_exist():
    home = Place("home", "home", "203.0.113.7", 0, 0, ("Maison", "Home"))
    with pytest.raises(ValueError, match="nowhere"):
        Network((home,), (Link("home", "nowhere", 1, 1, "fibre"),))


def test_every_machine_has_its_own_address_and_every_site_lives_in_a_data_centre():
    network = Network()
    addresses = [place.address for place in network.places.values()]
    assert len(addresses) == len(set(addresses))
    assert {network.place_of(address).kind for address in SITES.values()} == {"datacentre"}
    with pytest.raises(KeyError):
        network.place_of("10.0.0.1")
    assert network.places["home"].label("fr") == "Maison"
    assert network.places["home"].label("en") == "Home"


# --- times --------------------------------------------------------------------------------------

def test_transfer_time_is_delay_plus_size_in_bits_over_bandwidth():
    assert transfer_seconds(1_000_000, 8) == 1.0  # 1 MB = 8 megabits
    assert transfer_seconds(3_000_000, 8, delay_ms=9) == pytest.approx(3.009)
    assert transfer_seconds(4_000_000_000, 1000) == 32.0
    assert transfer_seconds(0, 100, delay_ms=40) == pytest.approx(0.04)
    with pytest.raises(ValueError):
        transfer_seconds(10, 0)


def test_durations_are_split_for_people():
    assert duration_parts(4000) == (1, 6, 40)
    assert duration_parts(59) == (0, 0, 59)


# --- packets ------------------------------------------------------------------------------------

def test_a_message_is_cut_into_numbered_packets():
    packets = split_message("Bonjour", 3)
    assert packets == [Packet(1, 3, "Bon"), Packet(2, 3, "jou"), Packet(3, 3, "r")]
    assert split_message("", 4) == [Packet(1, 1, "")]
    with pytest.raises(ValueError):
        split_message("Bonjour", 0)


@pytest.mark.parametrize("size", [1, 2, 5, 40])
def test_packets_received_in_any_order_give_back_the_message(size):
    packets = split_message(MESSAGE, size)
    for seed in range(20):
        shuffled = packets[:]
        random.Random(seed).shuffle(shuffled)
        assert reassemble(shuffled) == MESSAGE


def test_a_missing_packet_is_named_and_a_double_one_counts_once():
    packets = split_message("Bonjour", 2)
    assert missing([packets[0], packets[3]]) == [2, 3]
    with pytest.raises(ValueError, match=r"\[2, 3\]"):
        reassemble([packets[0], packets[3]])
    assert reassemble(packets + [packets[1]]) == "Bonjour"


def test_lost_packets_are_sent_again_until_every_one_arrives_once():
    packets = split_message(MESSAGE, 3)
    for seed in range(30):
        delivery = deliver(packets, loss=0.4, seed=seed)
        assert sorted(p.number for p in delivery.arrived) == [p.number for p in packets]
        assert reassemble(list(delivery.arrived)) == MESSAGE
        for number in delivery.lost:  # every loss is followed by a later try of that packet
            tries = [hop for hop in delivery.hops if hop.number == number]
            assert not tries[-1].lost and len(tries) >= 2


def test_the_same_seed_tells_the_same_story_and_packets_overtake_each_other():
    packets = split_message(MESSAGE, 3)
    assert deliver(packets, 0.3, seed=7) == deliver(packets, 0.3, seed=7)
    stories = {deliver(packets, 0.3, seed=seed).hops for seed in range(10)}
    assert len(stories) > 1
    orders = [[p.number for p in deliver(packets, 0, seed=seed).arrived] for seed in range(10)]
    assert any(order != sorted(order) for order in orders)
    assert all(deliver(packets, 0, seed=seed).rounds == 1 for seed in range(10))
    assert max(deliver(packets, 0.5, seed=seed).rounds for seed in range(10)) > 1
    with pytest.raises(ValueError):
        deliver(packets, loss=1)


# --- DNS ----------------------------------------------------------------------------------------

def test_a_lookup_asks_memory_root_ending_then_the_site_and_remembers():
    resolver = Resolver()
    first = resolver.lookup("meteo.example")
    assert first.address == "198.51.100.20"
    assert [step.asked for step in first.steps] == list(STEPS)
    assert [step.answer for step in first.steps] == [
        None, "ns.example", "ns.meteo.example", "198.51.100.20"]
    again = resolver.lookup("METEO.example")
    assert [(step.asked, step.answer) for step in again.steps] == [("cache", "198.51.100.20")]
    resolver.forget()
    assert len(resolver.lookup("meteo.example").steps) == 4


def test_a_misspelt_name_is_not_found_and_says_where_it_stopped():
    resolver = Resolver()
    wrong_ending = resolver.lookup("meteo.exemple")
    assert not wrong_ending.found and wrong_ending.steps[-1].asked == "root"
    wrong_name = resolver.lookup("metoe.example")
    assert not wrong_name.found and wrong_name.steps[-1].asked == "tld"
    unknown_page = resolver.lookup("www2.meteo.example")
    assert not unknown_page.found and unknown_page.steps[-1].asked == "authoritative"
    assert not resolver.lookup("").found
    assert resolver.cache == {}, "nothing wrong is remembered"


@pytest.mark.parametrize("typed", ["meteo.example", " https://www.Meteo.example/page ",
                                   "http://meteo.example.", "WWW.METEO.EXAMPLE"])
def test_names_are_read_as_the_dns_reads_them(typed):
    assert normalise_name(typed) == "meteo.example"


def test_two_names_can_give_the_same_address():
    resolver = Resolver()
    assert resolver.lookup("library.example").address == resolver.lookup(
        "bibliotheque.example").address
    assert Resolver({"a.example": "198.51.100.99"}).lookup("a.example").address == "198.51.100.99"


# --- the whole trip -----------------------------------------------------------------------------

def test_a_trip_finds_the_address_the_route_and_brings_the_message_back():
    trip = travel(MESSAGE, "video.example", seed=3, loss=0.3)
    assert trip.lookup.address == "198.51.100.30"
    assert trip.route is not None and trip.route.places[-1] == "dc_virginia"
    assert trip.received == MESSAGE
    calm = travel("Salut", "bibliotheque.example", loss=0)
    assert calm.seconds == pytest.approx(0.009 + 5 * 8 / 100_000_000)
    assert trip.delivery is not None and trip.delivery.rounds > 1
    assert trip.seconds >= trip.route.delay_ms / 1000 * (2 * trip.delivery.rounds - 1)


def test_a_trip_to_an_unknown_name_goes_nowhere():
    trip = travel(MESSAGE, "nowhere.example")
    assert trip.route is None and trip.received is None and trip.seconds == 0


# --- what the learner sees ----------------------------------------------------------------------

def test_every_text_the_widgets_build_from_parts_exists():
    catalogue = load_all()
    for asked in STEPS:
        for end in ("question", "yes", "no"):
            assert f"network.dns_{asked}_{end}" in catalogue
    for kind in ("home", "router", "landing", "datacentre"):
        assert f"network.kind_{kind}" in catalogue


def test_numbers_and_durations_are_written_as_each_language_does():
    from tremplin.network_pictures import say_number
    from tremplin.network_widgets import say_duration

    assert say_number(40000, "fr") == "40\u202f000" and say_number(40000, "en") == "40,000"
    assert say_number(0.25, "fr", 2) == "0,25"
    assert say_duration(0.034, "fr") == "0,03 s" and say_duration(0.034, "en") == "0.03 s"
    assert say_duration(32, "en") == "32 s"
    assert say_duration(320, "fr") == "5 min 20 s"
    assert say_duration(4000, "fr") == "1 h 7 min"


def test_the_packet_game_shows_packets_losses_and_the_message_back_in_order():
    from tremplin.network_widgets import packet_game

    game = packet_game("fr", "Bonjour tout le monde")
    text, size, button, result = game.children
    first = result.value
    assert "5 en tout" in first and "1/5 « Bonjo »" in first
    assert "« Bonjour tout le monde »" in first and "␣" in first
    size.value = 7
    text.value = "Salut"
    button.click()
    assert "1 en tout" in result.value and "« Salut »" in result.value


def test_the_dns_explorer_uses_its_memory_the_second_time():
    from tremplin.network_widgets import dns_explorer

    explorer = dns_explorer("en", "weather.example")
    box, buttons, result = explorer.children
    assert "root server" in result.value and "198.51.100.20" in result.value
    buttons.children[0].click()
    assert "do I already have" in result.value and "root server" not in result.value
    box.value = "wether.example"
    buttons.children[0].click()
    assert "will not open" in result.value


def test_the_route_explorer_reroutes_around_a_cut_cable():
    from tremplin.network_widgets import route_explorer

    explorer = route_explorer("fr")
    site, cut, text, _picture = explorer.children
    site.value = "bibliotheque.example"
    assert "Maison → Lyon → Paris" in text.value and "9 millièmes" in text.value
    cut.value = ("lyon", "paris")
    assert "Strasbourg" in text.value and "12 millièmes" in text.value
    cut.value = ("home", "lyon")
    assert "Aucun chemin" in text.value


def test_the_journey_and_the_bandwidth_slider_show_times():
    from tremplin.network_widgets import download_times, internet_facts, packet_journey

    journey = packet_journey("en", "Hello there", "photos.example")
    shown = journey.children[-1].value
    assert "Singapore" in shown and "“Hello there”" in shown and "Time for the trip" in shown
    journey.children[1].value = "photo.example"
    journey.children[2].click()
    assert "will not open" in journey.children[3].value and journey.children[-1].value == ""
    slider, result = download_times("en").children
    assert "1 h 7 min" in result.value  # 4 GB at 8 Mbit/s
    slider.value = 1000
    assert "32 s" in result.value and "fibre" in result.value
    assert "Dunant" in internet_facts("fr").value and "2Africa" in internet_facts("en").value
