"""With a model: time from a DM to the first visible Slack update and to the first streamed
text, against the local fake Slack and a fake model that answers after a set delay.

Run: `.venv/bin/python benchmarks/llm_path.py`. Loopback only. Figures, not assertions.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.fakes.chorus_server import ChorusServer
from tests.fakes.openai_api import FakeOpenAI, Scripted, notes
from tests.fakes.slack_api import Call, FakeSlack

DELAYS = (0.0, 0.5, 2.0)
ROUNDS = 5
QUESTION = "how do I grow my followers?"
DRAFT = (
    "I'm excited to announce that our team shipped something kind of cool. We cut build times "
    "from 40 minutes to 9 by caching installs. It took two weeks."
)
EDITOR_NOTES = notes(("It took two weeks.", "point_of_view", "Say why it was worth it.", "Add."))
ANSWER = [
    "Comment on three posts ",
    "in your field today, ",
    "two sentences each. ",
    "Authors' audiences see good comments ",
    "[grow-by-commenting].",
]


def first(calls: list[Call], methods: tuple[str, ...], after: float) -> float:
    return min(c.at for c in calls if c.method in methods and c.at >= after)


def has_text(call: Call) -> bool:
    return any(chunk.get("text") for chunk in call.args.get("chunks") or [])


def main() -> None:
    """Run each delay a few times and print the table."""
    slack, model = FakeSlack().start(), FakeOpenAI().start()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        server = ChorusServer(
            Path(tmp), slack, OPENAI_BASE_URL=model.base_url, CHORUS_LLM_TIMEOUT="20"
        )
        try:
            server.dm(QUESTION)  # warm-up
            slack.wait_for_calls("chat.stopStream")
            for delay in DELAYS:
                visible, token, card, notes_at = [], [], [], []
                for n in range(ROUNDS):
                    model.script(Scripted("stream", ANSWER, delay=delay))
                    stops = len(slack.of("chat.stopStream"))
                    began = time.monotonic()
                    server.dm(QUESTION, user=f"Q{delay}{n}")
                    calls = slack.wait_for(
                        lambda c, s=stops: sum(x.method == "chat.stopStream" for x in c) > s
                    )
                    visible.append(first(calls, ("assistant.threads.setStatus",), began) - began)
                    streamed = [c for c in calls if c.at >= began and has_text(c)]
                    token.append(min(c.at for c in streamed) - began)
                    model.script(Scripted("notes", EDITOR_NOTES.payload, delay=delay))
                    updates = len(slack.of("chat.update"))
                    began = time.monotonic()
                    server.dm(DRAFT, user=f"D{delay}{n}")
                    calls = slack.wait_for(
                        lambda c, u=updates: sum(x.method == "chat.update" for x in c) > u
                    )
                    card.append(first(calls, ("chat.postMessage",), began) - began)
                    notes_at.append(first(calls, ("chat.update",), began) - began)
                rows.append((delay, visible, token, card, notes_at))
        finally:
            server.stop()
            slack.stop()
            model.stop()
    print(f"Median of {ROUNDS} DMs per row; the fake model waits `delay` before answering.\n")
    print(
        "| model delay | question: status shown | first streamed text | draft: critique card "
        "| editor's notes added |"
    )
    print("| ---: | ---: | ---: | ---: | ---: |")
    for delay, visible, token, card, notes_at in rows:
        ms = [statistics.median(v) * 1000 for v in (visible, token, card, notes_at)]
        print(
            f"| {delay:.1f} s | {ms[0]:.0f} ms | {ms[1]:.0f} ms | {ms[2]:.0f} ms | {ms[3]:.0f} ms |"
        )


if __name__ == "__main__":
    main()
