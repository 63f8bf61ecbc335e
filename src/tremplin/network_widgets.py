"""ipywidgets activities of "Comment marche Internet": send a message, look up a name, follow a
route, cut a cable, change the bandwidth. The logic lives in `tremplin.network`; this file only
shows it, with large buttons and words next to every colour."""

from __future__ import annotations

import html

import ipywidgets as w
import matplotlib.pyplot as plt
from IPython.display import display

from .apps.kit import big_button
from .i18n import pick, t
from .network import Network, NoRoute, Route, duration_parts, transfer_seconds, travel
from .network_dns import SITES, Lookup, Resolver
from .network_packets import Delivery, Packet, deliver, reassemble, split_message
from .network_pictures import draw_network, facts, say_number

CARD = ('<span style="display:inline-block;margin:3px;padding:3px 8px;border:2px solid {border};'
        'border-radius:6px;background:{background};font-family:monospace">{text}</span>')
ARRIVED, LOST, PLAIN = ("#2a7a3b", "#dff0d8"), ("#c0002a", "#f8d7da"), ("#1f3b63", "#e8eef7")
MAX_LETTERS = 120  # enough for a sentence; more cards than that no longer fit on a screen
CUTS = (("lyon", "paris"), ("lyon", "marseille"), ("paris", "nantes"), ("home", "lyon"))
SPEEDS = (1, 2, 8, 20, 50, 100, 300, 1000)  # megabits per second, from a crowded Wi-Fi to fibre
ITEMS = (("network.item_message", 1_000), ("network.item_photo", 3_000_000),
         ("network.item_film", 4_000_000_000))  # sizes in bytes, rounded


def card(text: str, colours: tuple[str, str] = PLAIN) -> str:
    return CARD.format(border=colours[0], background=colours[1], text=text)


def shown(data: str) -> str:
    """A piece of message in HTML, its spaces drawn as ␣ so that a learner can count them."""
    return html.escape(data).replace(" ", "␣")


def quote(text: str, lang: str) -> str:
    return f"“{text}”" if lang == "en" else f"« {text} »"


def packet_cards(packets: list[Packet], lang: str) -> str:
    return "".join(card(f"{p.number}/{p.total} {quote(shown(p.data), lang)}") for p in packets)


def delivery_html(delivery: Delivery, lang: str) -> str:
    """Round after round, which packet arrived (✓) and which was lost (✗), then the order."""
    rows = []
    for round_ in range(1, delivery.rounds + 1):
        hops = [hop for hop in delivery.hops if hop.round == round_]
        cards = "".join(card(f"✗ {hop.number} {t('network.lost', lang)}", LOST) if hop.lost
                        else card(f"✓ {hop.number}", ARRIVED) for hop in hops)
        key = "network.first_round" if round_ == 1 else "network.resend_round"
        rows.append(f"<p>{t(key, lang, round=round_)}<br>{cards}</p>")
    order = ", ".join(str(p.number) for p in delivery.arrived)
    return "".join(rows) + f"<p>{t('network.arrival_order', lang, order=order)}</p>"


def say_duration(seconds: float, lang: str) -> str:
    """A duration as people say it: 0,03 s, 12 s, 5 min 20 s, 1 h 6 min."""
    if seconds < 10:
        return f"{say_number(seconds, lang, 2 if seconds < 1 else 1)} s"
    if seconds >= 3600:  # to the nearest minute: nobody waits for the seconds of an hour
        hours, minutes, _ = duration_parts(round(seconds / 60) * 60)
        return f"{hours} h {minutes} min"
    _, minutes, rest = duration_parts(round(seconds))
    return f"{minutes} min {round(rest)} s" if minutes else f"{round(rest)} s"


def lookup_html(lookup: Lookup, lang: str) -> str:
    """Each question of a DNS lookup and its answer, numbered, then the address or why not."""
    items = []
    for step in lookup.steps:
        tld = step.name.rsplit(".", 1)[-1]
        question = t(f"network.dns_{step.asked}_question", lang, name=step.name, tld=tld)
        answer = t(f"network.dns_{step.asked}_{'yes' if step.answer else 'no'}", lang,
                   answer=step.answer or "")
        items.append(f"<li>{html.escape(question)}<br><b>→ {html.escape(answer)}</b></li>")
    key = "network.dns_found" if lookup.found else "network.dns_not_found"
    end = t(key, lang, name=lookup.name, address=lookup.address or "")
    return f"<ol>{''.join(items)}</ol><p><b>{html.escape(end)}</b></p>"


def route_html(route: Route, network: Network, lang: str) -> str:
    path = " → ".join(html.escape(network.places[p].label(lang)) for p in route.places)
    return (f"<p>{path}</p><p>" + t("network.route_delay", lang, hops=len(route.places) - 1,
            delay=say_number(route.delay_ms, lang)) + "</p>")


def show_figure(out: w.Output, figure: object) -> None:
    """Draw a figure inside an Output widget, once (closed so the notebook does not repeat it)."""
    with out:
        out.clear_output(wait=True)
        display(figure)
    plt.close(figure)  # type: ignore[arg-type]


def packet_game(lang: str, message: str) -> w.VBox:
    """Touch first: type a message, press Send, watch it cut into numbered packets, some lost and
    sent again, then put back in order. Each press is a new (seeded) trip."""
    text = w.Text(value=message, description=t("network.message", lang),
                  layout=w.Layout(width="95%"))
    size = w.IntSlider(value=5, min=1, max=20, description=t("network.packet_size", lang),
                       style={"description_width": "initial"})
    result = w.HTML()
    sends = [0]

    def send(_button: object = None) -> None:
        sends[0] += 1
        packets = split_message(text.value[:MAX_LETTERS], size.value)
        delivery = deliver(packets, loss=0.25, seed=sends[0])
        received = html.escape(reassemble(list(delivery.arrived)))
        result.value = (
            f"<p>{t('network.cut_into', lang, count=len(packets))}<br>"
            f"{packet_cards(packets, lang)}</p>"
            f"{delivery_html(delivery, lang)}<p><b>{t('network.received', lang)}</b> "
            f"{quote(received, lang)}</p><p><small>{t('network.space_sign', lang)}</small></p>")

    send()
    return w.VBox([text, size, big_button(t("network.send", lang), send), result])


def dns_explorer(lang: str, name: str) -> w.VBox:
    """Type a site's name and follow the questions the DNS asks; ask again to use its memory."""
    resolver = Resolver()
    box = w.Text(value=name, description=t("network.site", lang))
    result = w.HTML()

    def look(_button: object = None) -> None:
        result.value = lookup_html(resolver.lookup(box.value), lang)

    def forget(_button: object = None) -> None:
        resolver.forget()
        result.value = f"<p>{t('network.forgotten', lang)}</p>"

    look()
    buttons = w.HBox([big_button(t("network.look_up", lang), look),
                      big_button(t("network.forget", lang), forget)])
    return w.VBox([box, buttons, result])


def route_explorer(lang: str) -> w.VBox:
    """Pick a site and maybe cut a cable: the map shows the fastest route that is left."""
    site = w.Dropdown(options=sorted(SITES), description=t("network.site", lang))
    network = Network()
    cut = w.Dropdown(description=t("network.cut", lang), style={"description_width": "initial"},
                     options=[(t("network.cut_none", lang), None)] + [
                         (f"{network.places[a].label(lang)} – {network.places[b].label(lang)}",
                          (a, b)) for a, b in CUTS])
    text, picture = w.HTML(), w.Output()

    def show(_change: object = None) -> None:
        now = network.without(*cut.value) if cut.value else network
        try:
            route: Route | None = now.route("home", now.place_of(SITES[site.value]).id)
            text.value = route_html(route, now, lang)  # type: ignore[arg-type]
        except NoRoute:
            route, text.value = None, f"<p><b>{t('network.no_route', lang)}</b></p>"
        show_figure(picture, draw_network(lang, route, now, cut.value))

    site.observe(show, names="value")
    cut.observe(show, names="value")
    show()
    return w.VBox([site, cut, text, picture])


def packet_journey(lang: str, message: str, name: str) -> w.VBox:
    """The whole trip, as the "Voyage d'un paquet" app will show it: type a message and a site,
    press Send, see the DNS lookup, the route on the map, the packets lost and resent, and the
    message put back together."""
    resolver = Resolver()
    text = w.Text(value=message, description=t("network.message", lang),
                  layout=w.Layout(width="95%"))
    box = w.Text(value=name, description=t("network.site", lang))
    found, picture, result = w.HTML(), w.Output(), w.HTML()
    sends = [0]

    def send(_button: object = None) -> None:
        sends[0] += 1
        trip = travel(text.value[:MAX_LETTERS], box.value, resolver=resolver, size=6, loss=0.25,
                      seed=sends[0])
        found.value = f"<h4>1. {t('network.step_dns', lang)}</h4>" + lookup_html(trip.lookup, lang)
        if trip.route is None or trip.delivery is None:
            picture.clear_output()
            result.value = ""
            return
        network = Network()
        show_figure(picture, draw_network(lang, trip.route, network))
        result.value = (
            f"<h4>2. {t('network.step_route', lang)}</h4>{route_html(trip.route, network, lang)}"
            f"<h4>3. {t('network.step_packets', lang)}</h4>{packet_cards(list(trip.packets), lang)}"
            f"{delivery_html(trip.delivery, lang)}<h4>4. {t('network.step_received', lang)}</h4>"
            f"<p>{quote(html.escape(trip.received or ''), lang)}</p><p>"
            + t("network.journey_time", lang, time=say_duration(trip.seconds, lang)) + "</p>")

    send()
    return w.VBox([text, box, big_button(t("network.send", lang), send), found, picture, result])


def speed_hint(mbps: float, lang: str) -> str:
    """Which connection gives about this bandwidth (typical values, not promises)."""
    key = ("network.speed_very_slow" if mbps <= 2 else "network.speed_adsl" if mbps <= 20
           else "network.speed_mobile" if mbps <= 100 else "network.speed_fibre")
    return t(key, lang)


def download_times(lang: str) -> w.VBox:
    """Slide the bandwidth and watch a page, a photo and a film download: time = latency +
    size / bandwidth, so latency counts for small things and bandwidth for big ones."""
    delay = Network().route("home", "dc_paris").delay_ms
    slider = w.SelectionSlider(options=[(f"{say_number(s, lang)} Mbit/s", s) for s in SPEEDS],
                               value=8, description=t("network.bandwidth", lang),
                               style={"description_width": "initial"},
                               layout=w.Layout(width="95%"))
    result = w.HTML()

    def show(_change: object = None) -> None:
        rows = "".join(
            f"<tr><td>{t(key, lang)}</td><td><b>"
            f"{say_duration(transfer_seconds(size, slider.value, delay), lang)}</b></td></tr>"
            for key, size in ITEMS)
        result.value = (
            f'<div class="tremplin-result"><p>{speed_hint(slider.value, lang)}</p>'
            f"<table>{rows}</table></div><p><small>"
            + t("network.formula", lang, delay=say_number(delay, lang)) + "</small></p>")

    slider.observe(show, names="value")
    show()
    return w.VBox([slider, result])


def internet_facts(lang: str) -> w.HTML:
    """A few real, sourced facts: the cables under the sea and the energy the Internet uses."""
    data = facts()
    items = "".join(f"<li>{html.escape(pick(fact, lang))}</li>" for fact in data["facts"])
    rows = "".join(f"<tr><td><b>{html.escape(c['name'])}</b></td>"
                   f"<td>{html.escape(pick(c['ends'], lang))}</td>"
                   f"<td>{say_number(c['length_km'], lang)} km</td></tr>" for c in data["cables"])
    return w.HTML(f"<ul>{items}</ul><table>{rows}</table>")
