"""Ask an expert: a writer asks a colleague to check a draft; only the two of them see it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from bot.coach.context import Context
from bot.coach.people import Form, Message, Outcome, Person
from bot.coach.reply import Action, Reply
from bot.errors import ChorusError
from storage import UserKey
from storage.experts import ExpertRequest, ExpertRequests

MAX_OPEN = 9  # a tenth open request at once is refused
REMIND_AFTER_WORKING_DAYS = 2
EXPIRE_AFTER = timedelta(days=7)
QUESTION_MAX = 500
COMMENT_MAX = 2000
VERDICTS = {"looks-right": "looks_right", "suggest": "suggested", "not-mine": "not_mine"}
NO_DRAFT = "Send me a draft first; then `ask @person` asks them to check it."


def quoted(text: str) -> str:
    """Text as a quotation, line by line."""
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.strip().splitlines())


def after_working_days(start: datetime, days: int, zone: ZoneInfo) -> datetime:
    """The same local time `days` working days (Monday to Friday) later."""
    local = start.astimezone(zone)
    day = local.date()
    while days:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), zone)


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ValueError, KeyError):
        return ZoneInfo("UTC")


def _day(moment: datetime, zone: tzinfo) -> str:
    return f"{moment.astimezone(zone):%a %d %b}"


@dataclass(frozen=True)
class Experts:
    """The ask-an-expert flow over the store."""

    ctx: Context

    @property
    def requests(self) -> ExpertRequests:
        """The requests table."""
        return ExpertRequests(self.ctx.store)

    def _zone_of(self, key: UserKey) -> tzinfo:
        user = self.ctx.store.find_user(key)
        return self.ctx.zone(user) if user else self.ctx.default_zone

    def refusal(self, writer: UserKey, expert: Person) -> str | None:
        """Why this colleague can't be asked, kindly; None when they can."""
        if not expert.in_workspace:
            return (
                "I can only pass drafts to people in this workspace, so I can't ask them. "
                "Pick someone from your own team?"
            )
        if expert.key.user_id == writer.user_id:
            return (
                "That's you! A second pair of eyes works best: pick a colleague who knows the "
                "subject."
            )
        if expert.is_bot:
            return "That's a bot, and bots don't make good reviewers. Pick a person instead?"
        if expert.deleted:
            return (
                f"{expert.label} isn't active in this workspace any more, so they can't answer. "
                "Pick someone else?"
            )
        if not expert.reachable:
            return (
                f"I can't reach {expert.label} yet: they need to add Chorus (start a chat with "
                "me once). Ask them to, then try again."
            )
        if self.requests.blocked(expert.key, writer.user_id):
            return (
                f"{expert.label} asked not to get requests for now, so I won't pass this on. "
                "Someone else may be glad to help."
            )
        if self.requests.open_count(writer) >= MAX_OPEN:
            return (
                f"You have {MAX_OPEN} requests waiting for an answer already. Give them a little "
                "time (each one expires after 7 days) before asking someone new."
            )
        return None

    def ask(
        self, writer: Person, expert: Person, question: str, critique_id: int | None = None
    ) -> Outcome:
        """Send the writer's draft (the given critique's, or the latest) to the expert."""
        key = writer.key
        profile = self.ctx.store.find_user(key)
        records = (
            [self.ctx.store.find_critique(profile, critique_id)]
            if profile and critique_id
            else (self.ctx.store.critiques(profile, limit=1) if profile else [])
        )
        record = records[0] if records else None
        if record is None or not record.text:
            return Outcome(Reply("invalid", NO_DRAFT))
        problem = self.refusal(key, expert)
        if problem:
            return Outcome(Reply("invalid", problem))
        question = " ".join(question.split())[:QUESTION_MAX]
        zone = _zone(expert.tz)
        now = self.ctx.now
        request = self.requests.add(
            key,
            expert.key.user_id,
            str(zone.key),
            record.id,
            record.text,
            question,
            now,
            after_working_days(now, REMIND_AFTER_WORKING_DAYS, zone),
            now + EXPIRE_AFTER,
        )
        to_expert = Message(self.expert_message(request, writer.label), to=expert.key)
        return Outcome(
            Reply(
                "command",
                f"Done: I sent your draft to {expert.label}. I'll tell you what they say; if "
                f"they haven't answered by {_day(request.expires, self._zone_of(key))}, "
                "the request expires. Only the two of you see it.",
            ),
            (Message(to_expert.reply, to=expert.key, request_id=request.id),),
        )

    def expert_message(self, request: ExpertRequest, writer_name: str) -> Reply:
        """What the expert gets: who asks, their question, the quoted draft, three buttons."""
        ask = (
            f"Their question: “{request.question}”"
            if request.question
            else "They didn't add a question: does it read right to you?"
        )
        zone = _zone(request.expert_tz)
        return Reply(
            "command",
            f"{writer_name} asks you to check a draft before they post it.\n{ask}\n\n"
            f"{quoted(request.draft or '')}\n\n"
            f"Only you and {writer_name} see this draft. The request is open until "
            f"{_day(request.expires, zone)}.",
            actions=answer_actions(request.id),
        )

    def answer(self, expert: Person, request_id: int, verdict: str, comment: str = "") -> Outcome:
        """The expert answered: record it, thank them, and tell the writer."""
        state = VERDICTS.get(verdict)
        request = self.requests.get(request_id)
        if state is None or request is None or request.expert != expert.key:
            raise ChorusError("Use the buttons on a request to answer it.")
        comment = comment.strip()[:COMMENT_MAX]
        if state == "suggested" and not comment:
            return Outcome(
                Reply("command", "What would you change? Write a comment or a better sentence."),
                form=Form("suggest", request_id),
            )
        if not self.requests.answer(request_id, state, comment or None, self.ctx.now):
            gone = "expired" if request.state == "expired" else "already answered"
            return Outcome(Reply("command", f"This request is {gone}; nothing more to do."))
        name = expert.label
        if state == "looks_right":
            told = f"{name} checked your draft: it looks right to them."
            thanks = "Thanks! I've told them it looks right to you."
        elif state == "suggested":
            told = f"{name} checked your draft and suggests a change:\n{quoted(comment)}"
            thanks = "Thanks! I've passed your suggestion on."
        else:
            told = f"{name} says your draft isn't their area. Ask someone else?"
            thanks = "Thanks for saying so; I've let them know, kindly."
        if comment and state != "suggested":
            told += f"\n{quoted(comment)}"
        again = (
            (Action("Ask someone else", f"ask {request.critique_ref}"),)
            if state == "not_mine" and request.critique_ref
            else ()
        )
        return Outcome(
            Reply("command", thanks),
            (Message(Reply("command", told, actions=again), to=request.writer),),
        )

    def stop_from(self, expert: UserKey, writer: Person) -> Reply:
        """`stop requests from @person`: that writer can't ask this expert again."""
        if writer.key.user_id == expert.user_id:
            raise ChorusError("Say whose requests to stop: `stop requests from @person`.")
        self.requests.block(expert, writer.key.user_id, self.ctx.now)
        return Reply(
            "command",
            f"Done: {writer.label} can't send you requests any more. They won't be told why.",
        )

    def summary_lines(self, key: UserKey) -> list[str]:
        """`my data`: requests made and received."""
        made = self.requests.made_by(key)
        received = self.requests.received_by(key)
        if not made and not received:
            return []
        lines = [
            f"• expert requests: {len(made)} made, {len(received)} received "
            "(a request keeps the draft until it is answered or expires)"
        ]
        zone = self._zone_of(key)
        lines += [
            f"  made {_day(r.created, zone)}: {r.state.replace('_', ' ')}"
            + (", draft kept" if r.draft else "")
            for r in made[:5]
        ]
        lines += [
            f"  received {_day(r.created, zone)}: {r.state.replace('_', ' ')}" for r in received[:5]
        ]
        return lines

    def sweep(self, now: datetime) -> list[Message]:
        """One reminder after two working days in the expert's zone; expiry after seven days,
        told to both sides. Each is claimed in the store before it is sent."""
        out: list[Message] = []
        for request in self.requests.due_expiries(now):
            if not self.requests.expire(request.id, now):
                continue
            day = _day(request.created, self._zone_of(request.writer))
            out.append(
                Message(
                    Reply(
                        "command",
                        f"Your request of {day} for a check of your draft expired after 7 days "
                        "without an answer, and I deleted the copy I had sent. Ask someone else?",
                        actions=(Action("Ask someone else", f"ask {request.critique_ref}"),)
                        if request.critique_ref
                        else (),
                    ),
                    to=request.writer,
                )
            )
            if request.expert is not None:
                zone = _zone(request.expert_tz)
                out.append(
                    Message(
                        Reply(
                            "command",
                            f"The request of {_day(request.created, zone)} to check a "
                            "colleague's draft has expired; no need to answer it now.",
                        ),
                        to=request.expert,
                    )
                )
        for request in self.requests.due_reminders(now):
            if request.expert is None or not self.requests.claim_reminder(request.id, now):
                continue
            zone = _zone(request.expert_tz)
            out.append(
                Message(
                    Reply(
                        "command",
                        "A friendly reminder: a colleague asked you on "
                        f"{_day(request.created, zone)} to check their draft. It's in the "
                        f"message with the buttons; the request is open until "
                        f"{_day(request.expires, zone)}.",
                        actions=answer_actions(request.id),
                    ),
                    to=request.expert,
                )
            )
        return out

    def checked(self, key: UserKey) -> int:
        """`progress`: drafts an expert checked."""
        return self.requests.checked_count(key)


def answer_actions(request_id: int) -> tuple[Action, ...]:
    """The expert's three buttons."""
    return (
        Action("Looks right", f"expert {request_id} looks-right", "primary"),
        Action("Suggest a change", f"expert {request_id} suggest"),
        Action("Not my area", f"expert {request_id} not-mine"),
    )


def experts_progress(ctx: Context, key: UserKey) -> list[str]:
    """`progress`: how many of the user's drafts an expert checked."""
    checked = ExpertRequests(ctx.store).checked_count(key)
    return [f"Drafts checked by an expert: {checked}"] if checked else []


def experts_data(ctx: Context, key: UserKey) -> list[str]:
    """`my data`: the expert requests the user made and received."""
    return Experts(ctx).summary_lines(key)
