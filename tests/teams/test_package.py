"""`chorus teams package`: a zip Teams accepts, with the manifest and both icons."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
from PIL import Image

from bot.adapters.teams.package import manifest
from tests.conftest import FIXTURES
from tests.fakes.chorus_server import clean_env

BOT_ID = "00000000-1111-2222-3333-444444444444"


def chorus(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "teams", "package", *args],
        cwd=tmp_path,
        env=clean_env(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_package_has_the_manifest_and_both_icons(tmp_path: Path) -> None:
    result = chorus(tmp_path, "--bot-id", BOT_ID, "--domain", "chorus.example.com")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "chorus-teams.zip") as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        manifest = json.loads(package.read("manifest.json"))
        colour = Image.open(io.BytesIO(package.read("color.png")))
        outline = Image.open(io.BytesIO(package.read("outline.png")))
    assert manifest["id"] == manifest["bots"][0]["botId"] == BOT_ID
    assert manifest["validDomains"] == ["chorus.example.com"]
    titles = [c["title"] for c in manifest["bots"][0]["commandLists"][0]["commands"]]
    assert {"help", "review", "goal", "checkin", "progress", "nudges", "forget me"} <= set(titles)
    assert colour.size == (192, 192) and outline.size == (32, 32)
    assert outline.mode == "RGBA" and outline.getpixel((0, 0))[3] == 0  # transparent outline


def test_the_bot_id_comes_from_the_sdk_variable(tmp_path: Path) -> None:
    result = chorus(
        tmp_path, "--output", "x.zip", CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID=BOT_ID
    )
    assert result.returncode == 0 and (tmp_path / "x.zip").exists()


def test_no_or_bad_bot_id_is_a_clear_error(tmp_path: Path) -> None:
    assert "--bot-id" in chorus(tmp_path).stderr
    bad = chorus(tmp_path, "--bot-id", "not-a-guid")
    assert bad.returncode == 2 and "isn't an app id" in bad.stderr


def test_the_manifest_is_valid_for_the_current_schema_version(tmp_path: Path) -> None:
    schema_file = FIXTURES / "teams-manifest" / "MicrosoftTeams.schema-1.30.json"
    schema = json.loads(schema_file.read_text())
    for domains in ((), ("chorus.example.com",)):
        manifest_json = manifest(BOT_ID, domains)
        assert manifest_json["manifestVersion"] == "1.30"
        assert manifest_json["$schema"].endswith("/teams/v1.30/MicrosoftTeams.schema.json")
        jsonschema.Draft4Validator(schema).validate(manifest_json)
