"""Chorus in Slack: Bolt listeners, Block Kit, and the app factory."""
