"""Issue 13's tables on both backends: expert requests, campaigns and workspace settings keep
their moments and dates, claim each reminder and nudge once, and forget a user with the rest."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from storage import Store, UserKey
from storage.campaigns import Campaigns, Counts
from storage.experts import ExpertRequests
from storage.workspace import Workspaces

NOW = datetime(2026, 11, 16, 9, 0, 30, tzinfo=UTC)
ALICE = UserKey("slack", "T1", "U_ALICE")
BOB = UserKey("slack", "T1", "U_BOB")


def test_an_expert_request_keeps_its_moments_and_is_reminded_and_expired_once(
    store: Store,
) -> None:
    requests = ExpertRequests(store)
    remind, expires = NOW + timedelta(days=2), NOW + timedelta(days=7)
    made = requests.add(
        ALICE, "U_BOB", "Europe/Berlin", None, "my draft", "right?", NOW, remind, expires
    )
    assert (made.created, made.remind_at, made.expires) == (NOW, remind, expires)
    assert made.reminded is None and made.writer == ALICE and made.expert == BOB
    assert requests.due_reminders(remind - timedelta(seconds=1)) == []
    assert [r.id for r in requests.due_reminders(remind)] == [made.id]
    assert requests.claim_reminder(made.id, remind)
    assert not requests.claim_reminder(made.id, remind)  # another sweep got there first
    assert requests.due_reminders(remind) == []
    assert [r.id for r in requests.due_expiries(expires)] == [made.id]
    assert requests.expire(made.id, expires) and not requests.expire(made.id, expires)
    gone = requests.get(made.id)
    assert gone is not None and gone.state == "expired" and gone.draft is None
    assert gone.reminded == remind and gone.answered == expires
    assert requests.open_count(ALICE) == 0 and requests.made_by(ALICE) == [gone]


def test_a_campaign_keeps_its_end_date_and_shows_counts_only(store: Store) -> None:
    campaigns = Campaigns(store)
    campaign = campaigns.start(ALICE, "C1", "Launch", date(2027, 3, 12), NOW)
    assert campaign.ends == date(2027, 3, 12) and campaign.state == "draft"
    assert campaigns.open_brief(campaign.id, "facts", "https://example.com", "devs")
    assert campaigns.join(campaign.id, "U_BOB", NOW, NOW + timedelta(hours=1))
    assert not campaigns.join(campaign.id, "U_BOB", NOW, NOW)
    assert campaigns.due_nudges(NOW) == []
    [due] = campaigns.due_nudges(NOW + timedelta(hours=1))
    assert due.user == BOB and campaigns.claim_nudge(campaign.id, "U_BOB", NOW)
    assert not campaigns.claim_nudge(campaign.id, "U_BOB", NOW)
    draft = campaigns.add_draft(campaign.id, "U_BOB", 81, "fp", NOW)
    assert campaigns.mark_posted(draft, "U_ALICE", NOW) is None  # not hers
    assert campaigns.mark_posted(draft, "U_BOB", NOW) == campaign.id
    assert campaigns.mark_posted(draft, "U_BOB", NOW + timedelta(days=1)) == campaign.id
    assert campaigns.counts(campaign.id) == Counts(1, 1, 1, (81,))
    assert campaigns.in_channel("slack", "T1", "C1") == campaigns.get(campaign.id)
    assert [c.id for c in campaigns.joined_by(BOB)] == [campaign.id]


def test_settings_and_their_audit_per_workspace(store: Store) -> None:
    workspaces = Workspaces(store)
    assert workspaces.change(ALICE, "policy_terms", ["Falcon"], NOW)
    assert not workspaces.change(ALICE, "policy_terms", ["Falcon"], NOW)
    assert workspaces.add_admin(ALICE, "U_BOB", NOW) and workspaces.is_admin(BOB)
    assert workspaces.values("slack", "T1") == {"policy_terms": ["Falcon"]}
    assert workspaces.values("slack", "T2") == {}
    [change, added] = workspaces.audit("slack", "T1")
    assert (change.actor_id, change.old, change.new, change.at) == (
        "U_ALICE",
        None,
        ["Falcon"],
        NOW.replace(microsecond=0),
    )
    assert added.name == "admin added" and added.new == "U_BOB"
    assert workspaces.workspaces() == [("slack", "T1")]


def test_forget_me_reaches_issue_13s_tables_in_the_same_transaction(store: Store) -> None:
    """The forget hooks run inside delete_user, even for someone with no user row."""
    requests, campaigns, workspaces = ExpertRequests(store), Campaigns(store), Workspaces(store)
    asked = requests.add(ALICE, "U_BOB", "UTC", None, "draft", "", NOW, NOW, NOW)
    requests.answer(asked.id, "suggested", "a comment by Bob", NOW)
    requests.block(BOB, "U_ALICE", NOW)
    campaign = campaigns.start(BOB, "C1", "Launch", date(2027, 3, 12), NOW)
    campaigns.join(campaign.id, "U_BOB", NOW, NOW)
    workspaces.add_admin(BOB, "U_BOB", NOW)
    assert store.delete_user(BOB) > 0
    answered = requests.get(asked.id)
    assert answered is not None and (answered.expert_id, answered.comment) == (None, None)
    assert not requests.blocked(BOB, "U_ALICE")
    kept = campaigns.get(campaign.id)
    assert kept is not None and kept.champion_id is None
    assert campaigns.counts(campaign.id).joined == 0
    assert not workspaces.is_admin(BOB)
    assert all(c.actor_id is None for c in workspaces.audit("slack", "T1"))
