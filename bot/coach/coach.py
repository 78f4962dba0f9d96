"""The coach: routes a message to a critique, an answer or a command and returns a Reply."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

import regex

from bot.coach import commands
from bot.coach.context import Context
from bot.coach.dashboard import Dashboard, build_dashboard
from bot.coach.editing import EditorDesk
from bot.coach.editor import Editor
from bot.coach.reminders import reschedule_user
from bot.coach.reply import Action, Reply
from bot.coach.router import classify, command_name, split_command
from bot.coach.tips import Match, Tip, TipLibrary
from bot.coach.together import NAMES as TOGETHER_COMMANDS
from bot.coach.together import Together
from bot.coach.workspace import CoachSettings
from bot.errors import APOLOGY, ChorusError, validate
from bot.feedback import PLATFORMS, Critique, critique, get_platform
from storage import CritiqueRecord, NewCritique, Store, UserKey
from storage.deliveries import Deliveries

log = logging.getLogger(__name__)

REVIEW_FOR = regex.compile(r"^for\s+(\w+)\s*:\s*(.*)$", regex.DOTALL | regex.IGNORECASE)
NO_TIP = (
    "I don't have a tip for that yet. I'm best at drafts (paste one and I'll critique it) and "
    "at questions about posting, confidence, followers, time and platforms. Try `help`."
)
NOTHING_FITS = "I don't have a tip that answers that. The closest {count} I have:"
START_HERE = "Two small steps many people start with:"
DRAFT_INSTEAD = "Wanted feedback on a draft instead? Send `review` + it."
ALSO_RATIO = 0.6  # a second tip is worth adding when it scores this close to the best
RECHECK_PLATFORMS = ("x", "linkedin", "bluesky")
WELCOME_PROMPTS = (
    Action("Critique my LinkedIn draft", "draft"),
    Action("How do I grow my followers?", "how do I grow my followers?"),
    Action("Set a weekly goal", "goal"),
)


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


class Coach:
    """The platform-neutral brain every front end talks to."""

    def __init__(
        self,
        store: Store,
        tips: TipLibrary,
        settings: CoachSettings | None = None,
        clock: Callable[[], datetime] = utc_now,
        default_zone: tzinfo | None = None,
        editor: Editor | None = None,
        daily_token_limit: int = 50_000,
    ) -> None:
        self.store = store
        self.tips = tips
        self.settings = settings or CoachSettings()
        self.clock = clock
        self.default_zone = default_zone or datetime.now().astimezone().tzinfo or UTC
        self.desk = EditorDesk(editor, store, daily_token_limit, clock)
        self.together = Together(self)

    @property
    def editor_enabled(self) -> bool:
        """True when a language model adds editor's notes and writes answers."""
        return self.desk.enabled

    def enrich(self, user: UserKey, reply: Reply, draft: str) -> Reply:
        """Add the model's editor's notes to a critique; the offline reply if anything fails."""
        profile = self.store.find_user(user)
        if not self.desk.enabled or profile is None or reply.critique is None:
            return reply
        try:
            return self.desk.enrich(profile, reply, draft)
        except Exception:
            log.exception("editor's notes failed unexpectedly")
            return reply

    def answer_stream(self, user: UserKey, question: str) -> Iterator[str]:
        """The answer to a question as it is written; never raises."""
        matches = self.tips.search(question, limit=3)  # one search: the model's tips and ours
        offline = answer_from(matches, self.tips.start_here)
        fitting = matches if matches and matches[0].fits else []  # else the model isn't asked
        sent = False
        try:
            profile = self.store.ensure_user(user, self.clock())
            for piece in self.desk.answer(profile, question, fitting, offline):
                sent = True
                yield piece
        except Exception:
            log.exception("streamed answer failed unexpectedly")
            if not sent:
                yield offline.text

    def handle(self, user: UserKey, text: str, channel: str | None = None) -> Reply:
        """Answer one message from a user (in `channel`, for channel commands); never raises."""
        problem = validate(text)
        if problem:
            return Reply("invalid", problem)
        intent = classify(text)
        if intent.kind == "command":
            return self._safely(
                "command", lambda: self._command(user, intent.command, intent.args, channel)
            )
        if intent.kind == "question":
            return self._safely("question", lambda: self.answer(text))
        return self._safely(f"draft of {len(text)} characters", lambda: self.review(user, text))

    def command(self, user: UserKey, text: str, channel: str | None = None) -> Reply:
        """Run text that is meant as a command (a slash command, a button); never raises.

        A known command word runs even when its arguments are off, so the user hears how to
        write it; anything else is handled like a message."""
        name = command_name(text)
        if name is None:
            return self.handle(user, text, channel)
        problem = validate(text)
        if problem:
            return Reply("invalid", problem)
        args = split_command(text)[1]
        return self._safely(name, lambda: self._command(user, name, args, channel))

    def _safely(self, kind: str, work: Callable[[], Reply]) -> Reply:
        try:
            return work()
        except ChorusError as error:
            return Reply("invalid", error.message)
        except Exception:
            log.exception("coach failed on a %s", kind)
            return Reply("error", APOLOGY)

    def _command(self, user: UserKey, name: str, args: str, channel: str | None) -> Reply:
        if name == "review":
            return self._review_command(user, args)
        if name == "recheck":
            return self._recheck(user, args)
        if name in TOGETHER_COMMANDS:  # the shell: no colleagues to ask, no forms to open
            outcome = self.together.handle(Together.speaker(user, channel), f"{name} {args}")
            return outcome.reply if outcome else Reply("invalid", APOLOGY)
        return commands.COMMANDS[name](self._context(channel), user, args)

    def _context(self, channel: str | None = None) -> Context:
        return Context(self.store, self.clock(), self.default_zone, channel)

    def dashboard(self, user: UserKey) -> Dashboard:
        """The user's progress at a glance (blank, and nothing stored, for someone new)."""
        profile = self.store.find_user(user)
        return build_dashboard(self._context(), profile) if profile else Dashboard.blank()

    def known_tz(self, user: UserKey) -> str | None:
        """The user's stored time zone, if a chat platform told any process it."""
        profile = self.store.find_user(user)
        return profile.tz if profile is not None else None

    def remember_tz(self, user: UserKey, tz: str) -> None:
        """Store the user's IANA time zone when the chat platform tells us it."""
        try:
            ZoneInfo(tz)
        except (ValueError, KeyError):
            log.warning("ignoring unknown time zone %r", tz)
            return
        new = self.store.find_user(user) is None
        profile = self.store.ensure_user(user, self.clock(), tz)
        if profile.tz != tz:
            self.store.set_tz(profile, tz)
        if new or profile.tz != tz:
            reschedule_user(self._context(), replace(profile, tz=tz))

    def update_tz(self, user: UserKey, tz: str) -> None:
        """A known user's time zone changed (people who never talked to Chorus are ignored)."""
        if self.store.find_user(user) is not None:
            self.remember_tz(user, tz)

    def remember_conversation(self, key: UserKey, kind: str, owner: str, reference: str) -> None:
        """Keep how to reach this user's chat (or a channel) for nudges, summaries and tips."""
        self.store.save_reference(key.platform, key.team_id, kind, owner, reference, self.clock())

    def conversation(self, platform: str, team_id: str, kind: str, owner: str) -> str | None:
        """A stored conversation reference."""
        return self.store.reference(platform, team_id, kind, owner)

    def user_gone(self, user: UserKey) -> None:
        """The chat platform deleted or deactivated the user: schedule nothing more for them."""
        profile = self.store.find_user(user)
        if profile is not None:
            Deliveries(self.store).deactivate(profile.id)

    def welcome(self, user: UserKey) -> Reply | None:
        """A first hello with three things to try, once per user; None after that."""
        profile = self.store.ensure_user(user, self.clock())
        if not self.store.mark_welcomed(profile, self.clock()):
            return None
        return Reply(
            "command",
            "Hi, I'm Chorus, your writing coach. Paste a draft and I'll tell you what works and "
            "the three fixes that matter most. Ask me anything about posting. One tiny step a "
            "weekday comes as a nudge; `nudges off` stops them.",
            actions=WELCOME_PROMPTS,
        )

    @staticmethod
    def channel_welcome() -> Reply:
        """Hello to a channel or group chat, where drafts are never critiqued in public."""
        return Reply(
            "command",
            "Hi, I'm Chorus, a writing coach for posting in public. Mention me with a question "
            'about posting ("@Chorus how do I grow my followers?") and I\'ll answer in the '
            "thread.\n"
            "For feedback on a draft, message me in a personal chat: drafts stay private.\n"
            "`tips here weekly mon 10:00` posts a short tip here every week.",
        )

    def _review_command(self, user: UserKey, args: str) -> Reply:
        platform = None
        if m := REVIEW_FOR.match(args):
            platform, args = get_platform(m[1]).name, m[2]
        if not args.strip():
            raise ChorusError("Paste the draft after `review`, e.g. `review for x: My draft...`")
        return self.review(user, args, platform)

    def review_draft(self, user: UserKey, text: str) -> Reply:
        """Critique text the user explicitly chose (a message shortcut); never raises."""
        problem = validate(text)
        if problem:
            return Reply("invalid", problem)
        return self._safely("shortcut draft", lambda: self.review(user, text))

    def critique_again(self, user: UserKey, critique_id: int) -> Reply:
        """Show one of the user's stored critiques again in full, without counting it twice."""

        def again() -> Reply:
            record = self._stored_draft(user, critique_id)
            result = self._critique(user, record.text or "", record.platform)
            return _critique_reply(result, record.id)

        return self._safely("expanded critique", again)

    def _stored_draft(self, user: UserKey, critique_id: int) -> CritiqueRecord:
        """One of the user's own critiques whose draft text is still kept."""
        profile = self.store.find_user(user)
        record = self.store.find_critique(profile, critique_id) if profile else None
        if record is None or record.text is None:
            raise ChorusError(
                "I no longer have that draft (I delete drafts after "
                f"{self.store.retention.days} days). Paste it again?"
            )
        return record

    def first_sighting(self, source: str, event_id: str) -> bool:
        """True the first time a chat platform delivers this event (retries are False)."""
        return self.store.first_sighting(source, event_id, self.clock())

    def stored_text(self, user: UserKey, critique_id: int) -> str:
        """The text of one of the user's stored drafts; ChorusError when it is gone."""
        return self._stored_draft(user, critique_id).text or ""

    def _critique(self, user: UserKey, text: str, platform: str) -> Critique:
        settings = self.together.settings_for(user)  # the workspace's, else the environment's
        return critique(text, platform, settings.companies, settings.policy_terms)

    def _recheck(self, user: UserKey, args: str) -> Reply:
        words = args.split()
        if len(words) != 2 or not words[0].isdigit():
            raise ChorusError("Use the 'Check for...' buttons under a critique.")
        record = self._stored_draft(user, int(words[0]))
        return self.review(user, record.text or "", get_platform(words[1]).name)

    def review(
        self,
        user: UserKey,
        text: str,
        platform: str | None = None,
        adjust: Callable[[Critique], Critique] | None = None,
    ) -> Reply:
        """Critique a draft for the user's platform, store the result, and reply with it
        (`adjust` adds what a campaign checks)."""
        now = self.clock()
        profile = self.store.ensure_user(user, now)
        result = self._critique(user, text, platform or self.together.platform_for(profile))
        if adjust is not None:
            result = adjust(result)
        critique_id = self.store.record_critique(profile, _record(result, text), now)
        log.info(
            "critique platform=%s score=%d words=%d findings=%d",
            result.platform,
            result.score,
            result.stats.words,
            len(result.findings),
        )
        reply = _critique_reply(result, critique_id)
        return reply if adjust is not None else self.together.decorate(user, reply)

    def answer(self, question: str) -> Reply:
        """Answer a question from the tips library, saying which tip it used."""
        return answer_from(self.tips.search(question), self.tips.start_here)


def answer_from(matches: list[Match], start_here: tuple[Tip, ...] = ()) -> Reply:
    """The offline answer: the best tip and a close second, each named by its id.

    When no tip fits the question, it says so and offers the closest two (or, when nothing
    matched at all, the library's two first steps); `tips` holds the tips the text names."""
    if matches and matches[0].fits:
        best = matches[0]
        used = [best.tip]
        lines = [
            f"{best.tip.title}: {best.tip.step} ({best.tip.minutes} min)",
            f"Why: {best.tip.why}",
        ]
        second = matches[1] if len(matches) > 1 else None
        if second and second.fits and second.score >= best.score * ALSO_RATIO:
            used.append(second.tip)
            lines.append(f"Also ({second.tip.id}): {second.tip.step}")
        lines.append(f"(Tip: {best.tip.id}. {DRAFT_INSTEAD})")
        return Reply("answer", "\n".join(lines), tips=tuple(used))
    offered = tuple(m.tip for m in matches[:2]) or start_here[:2]
    if not offered:
        return Reply("answer", NO_TIP)
    count = "two" if len(offered) == 2 else "one"
    lead = NOTHING_FITS.format(count=count) if matches else f"{NO_TIP}\n{START_HERE}"
    lines = [lead, *(f"• {t.title}: {t.step} ({t.minutes} min) (Tip: {t.id})" for t in offered)]
    if matches:
        lines.append(DRAFT_INSTEAD)
    return Reply("answer", "\n".join(lines), tips=offered)


def summary(result: Critique) -> str:
    """One plain line that sums up a critique (notification text, screen readers)."""
    label = PLATFORMS[result.platform].label
    text = f"{result.score}/100 for {label}."
    if result.strengths:
        text += f" {result.strengths[0]}"
    first = next((f for f in result.findings if f.rule in result.priorities[:1]), None)
    if first:
        text += f" First fix: {first.message}"
    return text


def _record(result: Critique, text: str) -> NewCritique:
    return NewCritique(
        platform=result.platform,
        score=result.score,
        subscores=result.subscores,
        categories=tuple(sorted({f.category for f in result.findings})),
        hedges_per_100_words=result.stats.hedges_per_100_words,
        words=result.stats.words,
        text=text,
    )


def _critique_reply(result: Critique, critique_id: int) -> Reply:
    return Reply(
        "critique",
        summary(result),
        critique=result,
        critique_id=critique_id,
        actions=_critique_actions(critique_id, result.platform),
    )


def _critique_actions(critique_id: int, platform: str) -> tuple[Action, ...]:
    others = tuple(
        Action(f"Check for {PLATFORMS[p].label}", f"recheck {critique_id} {p}")
        for p in RECHECK_PLATFORMS
        if p != platform
    )
    return (
        Action("Helpful", f"feedback {critique_id} helpful", "primary"),
        Action("Not helpful", f"feedback {critique_id} not-helpful"),
        *others,
        Action("Set a goal", "goal"),
        Action("Ask an expert", f"ask {critique_id}"),
    )
