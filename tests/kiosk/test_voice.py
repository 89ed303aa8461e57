"""Voice: Qt text-to-speech with a real engine (Qt's own "mock" engine, which speaks
nothing aloud but runs the engine's state machine), silence without one, and never a
voice for the wrong language."""

from __future__ import annotations

import logging

import pytest
from pytestqt.qtbot import QtBot

from kiosk.voice import ENV_ENGINE, Voice, default_engine


def test_an_engine_speaks_english_prompts(qtbot: QtBot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    voice = Voice("mock", chinese=False)
    voice.announce("Please take your card.")
    assert voice.available
    engine = voice._engine()
    assert isinstance(engine, QTextToSpeech) and engine.engine() == "mock"
    assert engine.locale().language().name == "English"
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=5000)
    voice.stop()


def test_without_a_mandarin_voice_the_kiosk_stays_silent(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    # Qt's mock engine has English and Nordic voices only: a Chinese prompt read by them
    # would be noise, so the voice turns itself off (once, with one log line)
    voice = Voice("mock", chinese=True)
    with caplog.at_level(logging.WARNING, logger="kiosk.voice"):
        voice.announce("请取走您的身份证。")
        voice.replay()
    assert not voice.available
    assert [r.getMessage() for r in caplog.records].count(
        "text to speech unavailable (mock): the engine has no Mandarin voice") == 1
    assert list(voice.spoken) == ["请取走您的身份证。"] * 2  # the screen still shows it
    voice.forget()
    assert not voice.spoken and not voice.last_prompt


@pytest.mark.qt_log_ignore("Text-to-speech plug-in")
def test_no_engine_is_silence_not_an_error(qtbot: QtBot) -> None:
    voice = Voice(None)
    voice.enabled = True
    voice.prompt("欢迎")
    assert not voice.available and voice.last_prompt == "欢迎"
    Voice("no-such-engine").announce("x")  # an unknown engine: silence, no exception


def test_engine_choice_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_ENGINE, "none")
    assert default_engine() is None
    monkeypatch.setenv(ENV_ENGINE, "mock")
    assert default_engine() == "mock"
    monkeypatch.delenv(ENV_ENGINE)
    monkeypatch.setenv("PATH", "/nonexistent")  # no speech-dispatcher installed
    assert default_engine() is None
