"""Channel tip schedules: one per channel, daily or weekly at a local time."""

from __future__ import annotations

from datetime import datetime

from storage.queries import Queries
from storage.records import ChannelTips

UPSERT_CHANNEL_TIPS = """
    INSERT INTO channel_tips (platform, team_id, channel_id, cadence, weekday, local_time, tz,
                              enabled, set_by, created)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (platform, team_id, channel_id) DO UPDATE SET
        cadence = excluded.cadence, weekday = excluded.weekday, local_time = excluded.local_time,
        tz = excluded.tz, enabled = excluded.enabled, set_by = excluded.set_by
"""


class ChannelTipQueries(Queries):
    """Channel tip schedules."""

    def set_channel_tips(self, tips: ChannelTips, now: datetime) -> None:
        """Create or replace a channel's tip schedule."""
        self._x(
            UPSERT_CHANNEL_TIPS,
            (
                tips.platform,
                tips.team_id,
                tips.channel_id,
                tips.cadence,
                tips.weekday,
                tips.local_time,
                tips.tz,
                int(tips.enabled),
                tips.set_by,
                now,
            ),
        )

    def channel_tips(self, platform: str, team_id: str, channel_id: str) -> ChannelTips | None:
        """A channel's tip schedule, if it has one."""
        row = self._one(
            "SELECT id FROM channel_tips WHERE platform = ? AND team_id = ? AND channel_id = ?",
            (platform, team_id, channel_id),
        )
        return self.channel_tips_by_id(row[0]) if row else None

    def channel_tips_by_id(self, tips_id: int) -> ChannelTips | None:
        """A channel's tip schedule by its id."""
        row = self._one(
            "SELECT platform, team_id, channel_id, cadence, weekday, local_time, tz, enabled,"
            " set_by FROM channel_tips WHERE id = ?",
            (tips_id,),
        )
        if row is None:
            return None
        return ChannelTips(*row[:7], bool(row[7]), row[8], tips_id)

    def disable_channel_tips(self, tips_id: int) -> None:
        """Stop a channel's tips (Chorus left the channel, or it was archived)."""
        with self._tx():
            self._x("UPDATE channel_tips SET enabled = 0 WHERE id = ?", (tips_id,))
            self._x("DELETE FROM schedules WHERE kind = 'tip' AND owner = ?", (tips_id,))
