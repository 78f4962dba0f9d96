"""What users are told when something is wrong: the one user-facing error type, the input
checks every front end shares, and the fixed apology for everything unexpected."""

import re

MAX_CHARACTERS = 40_000
LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # half of a character: JSON "\\ud83d", bad UTF-8
BROKEN_CHARACTER = (
    "That message has a broken character in it (half of an emoji, or text that isn't UTF-8). "
    "Copy it again from where you wrote it and paste it here?"
)
APOLOGY = "Sorry, something went wrong on my side and I couldn't finish that. Please try again."


class ChorusError(Exception):
    """An expected failure; its message is kind, clear and safe to show the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def validate(text: str) -> str | None:
    """A kind explanation if the message can't be used, else None."""
    if LONE_SURROGATE.search(text):
        return BROKEN_CHARACTER
    if "\x00" in text:
        return "That message has invisible control characters (NUL) in it. Paste it as plain text?"
    if not text.strip():
        return "I didn't get any text. Paste a draft, ask a question, or send `help`."
    if len(text) > MAX_CHARACTERS:
        return (
            f"That's {len(text):,} characters; I read up to {MAX_CHARACTERS:,}. "
            "Send the part you want feedback on."
        )
    return None
