"""ipywidgets activities of "Le Web et les services en ligne / The web and online services", part
two: who sees which address on an e-mail (To, CC, BCC) and whether an attachment is too big, who
may read, comment on or edit a document in the cloud, and a shared document's history.

The logic lives in `tremplin.web_services`; nothing is sent or stored anywhere.
"""

from __future__ import annotations

import html

import ipywidgets as w

from .i18n import t
from .web_services import (
    ACTIONS,
    LINK_SETTINGS,
    MAIL_LIMIT_MB,
    ROLES,
    Message,
    Share,
    SharedDocument,
    email_problem,
    read_email,
    split_addresses,
)
from .web_widgets import activity, colon, say

# What can be attached, with a typical size in bytes (a phone photo, a holiday album, a video).
ATTACHMENTS = (("none", 0), ("photo", 3_000_000), ("photos", 60_000_000), ("video", 150_000_000))
YES, NO = ("#1b7a34", "#e6f2e9"), ("#b00020", "#fbe3e6")


def megabytes(size: int, lang: str) -> str:
    """A size in whole megabytes, with the unit a French or English reader expects."""
    return f"{size / 1_000_000:.0f} {'Mo' if lang == 'fr' else 'MB'}"


def addresses_text(addresses: tuple[str, ...], lang: str) -> str:
    return html.escape(", ".join(addresses)) if addresses else say("web.mail_nobody", lang)


# --- e-mail: who sees whom ----------------------------------------------------------------------

def email_parts(lang: str, addresses: list[str]) -> w.HTML:
    """Each typed address split at its @ (the mailbox, then the service), or why it is none."""
    lines = []
    for text in addresses:
        problem = email_problem(text)
        if problem:
            lines.append(say("web.mail_not_address", lang, text=text,
                             why=t(f"web.mail_problem_{problem}", lang)))
        else:
            user, domain = read_email(text)
            lines.append(say("web.mail_parts", lang, text=text.strip(), user=user, domain=domain))
    return w.HTML("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")


def mail_html(message: Message, bad: list[tuple[str, str]], lang: str) -> str:
    """One mailbox per reader (the sender's first), then who is visible, then the attachment."""
    out = [f"<p><b>{say('web.mail_bad', lang, text=text, why=t(f'web.mail_problem_{code}', lang))}"
           "</b></p>" for text, code in bad]
    receivers = message.receivers()
    if not receivers:
        return "".join(out) + f"<p>{say('web.mail_no_one', lang)}</p>"
    out.append(f"<p><b>{say('web.mail_receivers', lang, count=len(receivers))}</b></p>")
    cards, shown_readers = [], set()
    for reader in (message.sender, *receivers):
        view = message.view(reader)
        if view is None or reader.lower() in shown_readers:  # the sender may write to themselves
            continue
        shown_readers.add(reader.lower())
        title = (say("web.mail_your_copy", lang) if view.how == "sender"
                 else say("web.mail_box_of", lang, reader=reader))
        shown = [("web.mail_from", (view.sender,)), ("web.mail_to", view.to),
                 ("web.mail_cc", view.cc)] + ([("web.mail_bcc", view.bcc)] if view.how == "sender"
                                              else [])
        lines = [f"{say(key, lang)}{colon(lang)}{addresses_text(value, lang)}"
                 for key, value in shown]
        if view.how == "bcc":
            lines.append(f"<i>{say('web.mail_hidden_copy', lang)}</i>")
        cards.append(f'<div style="border:2px solid #1f3b63;border-radius:8px;padding:4px 10px;'
                     f'margin:4px;min-width:15rem;background:#fff;color:#111"><b>{title}</b><br>'
                     + "<br>".join(lines) + "</div>")
    out.append(f'<div style="display:flex;flex-wrap:wrap">{"".join(cards)}</div>')
    seen = message.to + message.cc
    out.append(f"<p>{say('web.mail_seen_by_all', lang)} {addresses_text(seen, lang)}</p>")
    if message.bcc:
        out.append(f"<p>{say('web.mail_hidden', lang, addresses=', '.join(message.bcc))}</p>")
    if message.attachments:
        size = megabytes(message.sent_size(), lang)
        key = "web.attach_too_big" if message.too_big() else "web.attach_fine"
        out.append(f"<p><b>📎 {say(key, lang, size=size, limit=MAIL_LIMIT_MB)}</b></p>")
    return "".join(out)


def mail_activity(lang: str, to: str, cc: str, bcc: str) -> w.VBox:
    """Touch first: move addresses between To, CC and BCC and read what each mailbox shows."""
    boxes = {key: w.Text(value=value, description=t(f"web.mail_{key}", lang),
                         layout=w.Layout(width="95%", min_height="40px"))
             for key, value in (("to", to), ("cc", cc), ("bcc", bcc))}
    attachment = w.Dropdown(options=[(t(f"web.attach_{name}", lang), (name, size))
                                     for name, size in ATTACHMENTS],
                            description=t("web.mail_attachment", lang),
                            style={"description_width": "initial"})
    me = t("web.mail_me", lang)
    result = w.HTML()

    def show(_change: object = None) -> None:
        bad: list[tuple[str, str]] = []
        kept: dict[str, tuple[str, ...]] = {}
        for key, box in boxes.items():
            typed = split_addresses(box.value)
            bad += [(text, code) for text in typed if (code := email_problem(text))]
            kept[key] = tuple(text for text in typed if not email_problem(text))
        name, size = attachment.value
        files = ((t(f"web.attach_{name}", lang), size),) if size else ()
        result.value = mail_html(Message(me, kept["to"], kept["cc"], kept["bcc"], files), bad, lang)

    for box in (*boxes.values(), attachment):
        box.observe(show, names="value")
    show()
    sender = w.HTML(f"<p><b>{say('web.mail_from', lang)}{colon(lang)}</b>{html.escape(me)}</p>")
    return activity(sender, *boxes.values(), attachment, result)


# --- the cloud: who may do what -----------------------------------------------------------------

def rights_html(share: Share, people: list[tuple[str, str, bool]], lang: str) -> str:
    """A table: one row per person (label, name, has the link), ✓ or ✗ for each action."""
    head = "".join(f"<th>{say(f'web.action_{action}', lang)}</th>" for action in ACTIONS)
    rows = []
    for label, name, has_link in people:
        cells = []
        for action in ACTIONS:
            allowed = share.can(name, action, has_link)
            border, background = YES if allowed else NO
            cells.append(f'<td style="background:{background};color:{border};padding:2px 10px">'
                         f"{say('web.yes' if allowed else 'web.no', lang)}</td>")
        rows.append(f"<tr><td>{html.escape(label)}</td>{''.join(cells)}</tr>")
    return f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table>"


def mission_html(share: Share, lang: str) -> str:
    """The mission: Amina edits, Bruno comments only, a stranger with the link sees nothing."""
    missing = [key for key, ok in (
        ("web.goal_amina", share.can("amina", "edit")),
        ("web.goal_bruno", share.can("bruno", "comment") and not share.can("bruno", "edit")),
        ("web.goal_stranger", not share.can("stranger", "read"))) if not ok]
    if not missing:
        return f"<p><b>{say('web.share_mission_done', lang)}</b></p>"
    return (f"<p><b>{say('web.share_mission_todo', lang)}</b></p><ul>"
            + "".join(f"<li>{say(key, lang)}</li>" for key in missing) + "</ul>")


def sharing_activity(lang: str) -> w.VBox:
    """Touch first: give Amina and Bruno a role, set the link, and see who can do what."""
    def roles(start: str, name: str) -> w.Dropdown:
        return w.Dropdown(options=[(t(f"web.role_{role}", lang), role) for role in ROLES],
                          value=start, description=name, style={"description_width": "12rem"},
                          layout=w.Layout(width="95%"))

    amina = roles("read", t("web.person_amina", lang))
    bruno = roles("none", t("web.person_bruno", lang))
    link = w.Dropdown(options=[(t(f"web.link_{setting}", lang), setting)
                               for setting in LINK_SETTINGS], value="edit",
                      description=t("web.share_link", lang), style={"description_width": "12rem"},
                      layout=w.Layout(width="95%"))
    result = w.HTML()
    people = [(t(f"web.person_{name}", lang), name, True)
              for name in ("you", "amina", "bruno", "stranger")]

    def show(_change: object = None) -> None:
        share = Share("you", {"amina": amina.value, "bruno": bruno.value}, link.value)
        result.value = rights_html(share, people, lang) + mission_html(share, lang)

    for box in (amina, bruno, link):
        box.observe(show, names="value")
    show()
    return activity(w.HTML(f"<p><b>{say('web.share_document', lang)}</b></p>"
                           f"<p>{say('web.share_mission', lang)}</p>"), amina, bruno, link, result)


def document_html(document: SharedDocument, lang: str) -> w.HTML:
    """The one copy in the cloud (its lines and margin notes) and who did what, refusals too."""
    lines = "<br>".join(html.escape(line) for line in document.lines)
    notes = "".join(f"<li>💬 <b>{html.escape(person)}</b>{colon(lang)}{html.escape(text)}</li>"
                    for person, text in document.comments)
    events = []
    for event in document.history:
        if event.done:
            events.append(say(f"web.event_{event.action}", lang, person=event.person,
                              text=event.text))
        else:
            role = document.share.role(event.person)
            events.append(say("web.event_refused", lang, person=event.person,
                              action=t(f"web.verb_{event.action}", lang),
                              role=t(f"web.role_short_{role}", lang)))
    return w.HTML(
        f"<h4>{say('web.doc_lines', lang)}</h4><div style='border:2px solid #1f3b63;"
        f"padding:6px 12px;background:#fff;color:#111;max-width:36rem'>{lines}</div>"
        f"<h4>{say('web.doc_comments', lang)}</h4><ul>{notes}</ul>"
        f"<h4>{say('web.doc_history', lang)}</h4><ul>"
        + "".join(f"<li>{text}</li>" for text in events) + "</ul>")
