"""Settings per workspace: companies that need disclosure, policy terms, the default platform
and the admins, set in the app by admins, with the environment as the default."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.coach.people import Form
from bot.coach.reply import Action, Reply
from bot.errors import ChorusError
from bot.feedback import PLATFORMS, get_platform
from storage import Store, UserKey
from storage.workspace import Workspaces

LIST_MAX, ITEM_MAX = 50, 80
NOT_ADMIN = (
    "Settings are for your workspace's Chorus admins. If something should change (a company "
    "to disclose, a term to keep out of posts), ask one of them."
)
SETTINGS_HELP = (
    "`settings companies Acme, Acme Cloud` · `settings policy Falcon, Project X` · "
    "`settings platform linkedin` · `settings admin add @person` · `settings admin remove @person`"
)


@dataclass(frozen=True)
class CoachSettings:
    """What an admin configures for a workspace; the environment's values are the defaults."""

    companies: tuple[str, ...] = ()
    policy_terms: tuple[str, ...] = ()
    default_platform: str | None = None
    admins: tuple[str, ...] = ()  # CHORUS_ADMINS: admins in their workspace from the start


def parse_list(text: str) -> tuple[str, ...]:
    """'Acme, Acme Cloud' as a clean tuple (empty for 'none')."""
    if text.strip().lower() in ("none", "-", ""):
        return ()
    items = tuple(dict.fromkeys(i.strip()[:ITEM_MAX] for i in text.split(",") if i.strip()))
    if len(items) > LIST_MAX:
        raise ChorusError(f"That's {len(items)} entries; I keep up to {LIST_MAX}.")
    return items


@dataclass(frozen=True)
class WorkspaceDesk:
    """Reads and changes one store's per-workspace settings."""

    store: Store
    defaults: CoachSettings

    @property
    def workspaces(self) -> Workspaces:
        """The settings tables."""
        return Workspaces(self.store)

    def settings(self, platform: str, team_id: str) -> CoachSettings:
        """The workspace's settings; each one not set in the app is the environment's."""
        stored = self.workspaces.values(platform, team_id)
        return CoachSettings(
            tuple(stored.get("companies", self.defaults.companies)),  # type: ignore[arg-type]
            tuple(stored.get("policy_terms", self.defaults.policy_terms)),  # type: ignore[arg-type]
            stored.get("default_platform", self.defaults.default_platform),  # type: ignore[arg-type]
            self.defaults.admins,
        )

    def is_admin(self, user: UserKey, platform_admin: bool) -> bool:
        """The platform says so (Slack admins and owners), CHORUS_ADMINS names them, or an
        admin added them."""
        return (
            platform_admin or user.user_id in self.defaults.admins or self.workspaces.is_admin(user)
        )

    def show(self, user: UserKey, platform_admin: bool) -> Reply:
        """The settings, for admins only."""
        if not self.is_admin(user, platform_admin):
            return Reply("invalid", NOT_ADMIN)
        return Reply(
            "command",
            "\n".join(["Settings for this workspace:", *self.lines(user)])
            + f"\nChange them with {SETTINGS_HELP}.",
            actions=(Action("Edit settings", "settings edit", "primary"),),
        )

    def lines(self, user: UserKey) -> list[str]:
        """The settings as lines (values from the environment are marked)."""
        stored = self.workspaces.values(user.platform, user.team_id)
        current = self.settings(user.platform, user.team_id)

        def origin(name: str) -> str:
            return "" if name in stored else " (default)"

        platform = current.default_platform
        admins = self.workspaces.admins(user.platform, user.team_id)
        return [
            f"• companies that need disclosure: {', '.join(current.companies) or 'none'}"
            + origin("companies"),
            f"• policy terms: {', '.join(current.policy_terms) or 'none'}" + origin("policy_terms"),
            f"• default platform: {PLATFORMS[platform].label if platform else 'LinkedIn'}"
            + origin("default_platform"),
            f"• admins added in Chorus: {len(admins)}",
        ]

    def form(self, user: UserKey, platform_admin: bool) -> Form:
        """The settings form, filled in; only for admins."""
        if not self.is_admin(user, platform_admin):
            raise ChorusError(NOT_ADMIN)
        current = self.settings(user.platform, user.team_id)
        return Form(
            "settings",
            values={
                "companies": ", ".join(current.companies),
                "policy_terms": ", ".join(current.policy_terms),
                "default_platform": current.default_platform or "linkedin",
            },
        )

    def change(
        self, user: UserKey, platform_admin: bool, values: dict[str, str], now: datetime
    ) -> Reply:
        """Apply a change from the form or a command; admins only, every change audited."""
        if not self.is_admin(user, platform_admin):
            return Reply("invalid", NOT_ADMIN)
        parsed: dict[str, object] = {}
        if "companies" in values:
            parsed["companies"] = list(parse_list(values["companies"]))
        if "policy_terms" in values:
            parsed["policy_terms"] = list(parse_list(values["policy_terms"]))
        if "default_platform" in values:
            parsed["default_platform"] = get_platform(values["default_platform"].strip()).name
        current = self.settings(user.platform, user.team_id)
        effective = {
            "companies": list(current.companies),
            "policy_terms": list(current.policy_terms),
            "default_platform": current.default_platform or "linkedin",
        }
        changed = [
            name
            for name, value in parsed.items()
            if value != effective[name] and self.workspaces.change(user, name, value, now)
        ]
        if not changed:
            return Reply("command", "Nothing changed.")
        names = ", ".join(n.replace("_", " ") for n in changed)
        return Reply("command", f"Saved {names}. The next critique in this workspace uses them.")

    def admin(
        self, user: UserKey, platform_admin: bool, verb: str, target: str, now: datetime
    ) -> Reply:
        """Add or remove a Chorus admin of the workspace."""
        if not self.is_admin(user, platform_admin):
            return Reply("invalid", NOT_ADMIN)
        if verb == "add":
            done = self.workspaces.add_admin(user, target, now)
            return Reply(
                "command",
                "Added: they can change settings now." if done else "They're an admin already.",
            )
        done = self.workspaces.remove_admin(user, target, now)
        return Reply("command", "Removed." if done else "They weren't an admin added in Chorus.")

    def command(self, user: UserKey, platform_admin: bool, args: str, now: datetime) -> Reply:
        """`settings ...` typed as text."""
        verb, _, rest = args.strip().partition(" ")
        verb = verb.lower()
        if not verb:
            return self.show(user, platform_admin)
        names = {
            "companies": "companies",
            "company": "companies",
            "policy": "policy_terms",
            "platform": "default_platform",
        }
        if verb in names:
            return self.change(user, platform_admin, {names[verb]: rest}, now)
        raise ChorusError(f"I didn't catch that. Try {SETTINGS_HELP}.")


def export(store: Store, defaults: CoachSettings) -> dict[str, object]:
    """Every workspace's settings, admins and audit log (for `chorus settings export`)."""
    desk = WorkspaceDesk(store, defaults)
    workspaces = []
    for platform, team_id in desk.workspaces.workspaces():
        current = desk.settings(platform, team_id)
        workspaces.append(
            {
                "platform": platform,
                "team": team_id,
                "settings": {
                    "companies": list(current.companies),
                    "policy_terms": list(current.policy_terms),
                    "default_platform": current.default_platform,
                },
                "set_in_app": sorted(desk.workspaces.values(platform, team_id)),
                "admins": desk.workspaces.admins(platform, team_id),
                "changes": [
                    {
                        "at": change.at.isoformat(),
                        "by": change.actor_id,
                        "setting": change.name,
                        "from": change.old,
                        "to": change.new,
                    }
                    for change in desk.workspaces.audit(platform, team_id)
                ],
            }
        )
    return {
        "defaults": {
            "companies": list(defaults.companies),
            "policy_terms": list(defaults.policy_terms),
            "admins": list(defaults.admins),
        },
        "workspaces": workspaces,
    }
