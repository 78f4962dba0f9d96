"""Filters for the SDKs' own log lines, so that no draft reaches a log at INFO or above."""

from __future__ import annotations

import logging


class SignatureFailureWithoutBody(logging.Filter):
    """Bolt logs a badly signed request's whole body (a draft, perhaps) at INFO: keep the fact,
    drop the body. (chorus serve checks signatures before Bolt does; this covers any other way
    in.)"""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the signature failure; pass everything else."""
        if str(record.msg).startswith("Invalid request signature detected"):
            record.msg, record.args = "Invalid request signature detected (body withheld)", ()
        return True


class InvalidActivityWithoutValues(logging.Filter):
    """The Agents SDK logs a malformed activity at ERROR, with a traceback and pydantic's
    message quoting the offending values (a draft, perhaps). It is the sender's mistake and
    gets a 400: one WARNING line without the values."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the validation error; pass everything else."""
        if str(record.msg).startswith("Validation error for Activity"):
            record.msg, record.args = "Validation error for Activity (values withheld)", ()
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


def install(logger_name: str, kind: type[logging.Filter]) -> None:
    """Attach a filter of this kind to the named logger, once."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, kind) for f in logger.filters):
        logger.addFilter(kind())
