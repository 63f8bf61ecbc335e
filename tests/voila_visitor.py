"""A visitor of the "Binaire et pixels" app that speaks Voilà's own protocol instead of driving a
browser: it asks for the page (which hands it a kernel, from the kiosk's pool or freshly started),
opens the kernel's websocket as the page's JavaScript does, reads the widgets' state, presses the
last bit switch and waits for the app to answer « Nombre : 1 ».

Why not a browser: ten Chromium pages on the same two cores as the server spend most of their
time compiling Voilà's JavaScript (≈2.5 s of CPU each), which a workshop's ten PCs each do on
their own. What the kiosk is responsible for (a page at once, a kernel that answers) is what this
visitor measures; the browser tests check the rest, one visitor at a time.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import urllib.request
import uuid
from datetime import UTC, datetime

import websockets

APP = "binaire-et-pixels.ipynb"
ANSWER = "Nombre : 1"


def _message(session: str, msg_type: str, content: dict, metadata: dict | None = None) -> str:
    header = {"msg_id": uuid.uuid4().hex, "msg_type": msg_type, "username": "visitor",
              "session": session, "date": datetime.now(UTC).isoformat(), "version": "5.3"}
    return json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {},
                       "content": content, "channel": "shell", "buffers": []})


def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:
        return response.read().decode("utf-8")


async def visit(base: str, timeout: float = 120) -> float:
    """Seconds from asking for the page to the app's answer to a press of its last switch."""
    started = time.monotonic()
    page = await asyncio.to_thread(_page, f"{base}/voila/render/{APP}")
    found = re.search(r'"kernelId": *"([0-9a-f-]+)"', page)
    assert found, "the page names no kernel"
    session = uuid.uuid4().hex
    ws_url = (base.replace("http://", "ws://")
              + f"/api/kernels/{found.group(1)}/channels?session_id={session}")
    async with websockets.connect(ws_url, max_size=None, open_timeout=timeout) as socket:
        control = uuid.uuid4().hex
        await socket.send(_message(session, "comm_open", {
            "comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
            {"version": "1.0.0"}))  # ipywidgets' control protocol
        await socket.send(_message(session, "comm_msg", {
            "comm_id": control, "data": {"method": "request_states"}}))
        states = await _wait(socket, timeout, lambda data: data.get("method") == "update_states")
        switch = _last_switch(states["states"])
        await socket.send(_message(session, "comm_msg", {"comm_id": switch, "data": {
            "method": "update", "state": {"value": True}, "buffer_paths": []}}))
        await _wait(socket, timeout, lambda data: ANSWER in str(
            data.get("state", {}).get("value", "")))
    return time.monotonic() - started


async def _wait(socket, timeout: float, wanted) -> dict:
    """The data of the first widget message from the kernel that `wanted` accepts."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        assert left > 0, "the kernel did not answer in time"
        raw = await asyncio.wait_for(socket.recv(), left)
        if isinstance(raw, bytes):
            continue
        message = json.loads(raw)
        if message.get("msg_type", message["header"]["msg_type"]) == "comm_msg":
            data = message["content"].get("data", {})
            if wanted(data):
                return data


def _last_switch(states: dict) -> str:
    """The model id of the byte's last switch (the bit worth 1): the last toggle button of the
    row that holds only toggle buttons."""
    for state in states.values():
        children = state.get("state", {}).get("children", [])
        ids = [child.removeprefix("IPY_MODEL_") for child in children]
        if len(ids) == 8 and all(
                states.get(i, {}).get("model_name") == "ToggleButtonModel" for i in ids):
            return ids[-1]
    raise AssertionError("no row of eight switches in the app")
