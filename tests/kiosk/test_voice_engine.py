"""The kiosk's voice through a real engine: speech-dispatcher with espeak-ng, as
`./run setup` installs it. The kiosk's own Voice speaks a Mandarin prompt and the
engine reports Speaking, with a Mandarin voice (espeak-ng lists Cantonese first).

The engine runs in a child process with a time limit: speech-dispatcher without an
audio device was seen here to take 4-15 s to answer and, after a first client
spoke, to leave the next one waiting for ever. Skipped, with the reason, where
there is no engine."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.voice import mandarin_voice_rank

ROOT = Path(__file__).resolve().parents[2]
CHILD = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtTextToSpeech import QTextToSpeech
app = QApplication(sys.argv[:1])
out = {"engines": QTextToSpeech.availableEngines()}
if "speechd" in out["engines"]:
    from kiosk.voice import Voice
    voice = Voice("speechd", chinese=True)
    voice.start_probe()
    voice._probe.done.wait(40)
    voice.announce("请将身份证放在读卡器上。")
    engine = voice._engine()
    out["available"] = voice.available
    if engine is not None:
        out["voice"] = engine.voice().name()
        states = []
        engine.stateChanged.connect(lambda s: states.append(s.name))
        deadline = time.monotonic() + 10
        while engine.state() != QTextToSpeech.State.Speaking and "Speaking" not in states \
                and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        out["speaking"] = engine.state() == QTextToSpeech.State.Speaking or "Speaking" in states
        voice.stop()
print(json.dumps(out))
"""


def test_mandarin_is_chosen_over_cantonese() -> None:
    names = ["Chinese (Cantonese)", "Chinese (Cantonese)+Adam", "Hakka Chinese",
             "Chinese (Mandarin, latin as English)", "Chinese (Mandarin, latin as Pinyin)+Max",
             "Chinese (Mandarin, latin as Pinyin)", "English (Great Britain)"]
    ranked = sorted((r, n) for n in names if (r := mandarin_voice_rank(n)) is not None)
    assert ranked[0][1] == "Chinese (Mandarin, latin as Pinyin)"
    assert {n for _r, n in ranked} == {n for n in names if "Mandarin" in n}
    assert mandarin_voice_rank("cmn") == 0


@pytest.mark.slow
def test_the_kiosk_speaks_through_speech_dispatcher() -> None:
    if shutil.which("speech-dispatcher") is None:
        pytest.skip("no text-to-speech engine: speech-dispatcher is not installed "
                    "(./run setup installs it as root)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    try:
        done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                              timeout=60, env=env, cwd=ROOT)
    except subprocess.TimeoutExpired:
        pytest.skip("speech-dispatcher did not answer within 60 s (no audio device?)")
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if "speechd" not in result["engines"]:
        pytest.skip(f"Qt has no speech-dispatcher plug-in (engines: {result['engines']})")
    if not result.get("available"):
        pytest.skip("speech-dispatcher answered without a Mandarin voice")
    assert "Mandarin" in result["voice"] or "cmn" in result["voice"].lower(), result
    assert result["speaking"], result
