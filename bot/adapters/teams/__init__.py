"""Chorus in Microsoft Teams: the Agents SDK app, its handlers, and Adaptive Cards."""
