"""The one error type whose message is meant for the user."""


class ChorusError(Exception):
    """An expected failure; its message is kind, clear and safe to show the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
