"""Spoken prompts: Qt text-to-speech where an engine is present, silence otherwise.

Speech is optional at run time: the engine is created on first use (never at
start-up), any failure turns the voice off for good with one log line, and the
GUI never waits on it: for speech-dispatcher, whose Qt engine connects (and
spawns the daemon) in its constructor, a worker first checks that the daemon
answers (``kiosk.speechd_probe``); prompts before that answer stay unspoken
(再听一遍 repeats them). Prompts never contain personal data.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections import deque
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:  # loaded when speech-dispatcher is the engine (cold start)
    from kiosk.speechd_probe import Probe

log = logging.getLogger(__name__)
ENV_ENGINE = "YIWANG_KIOSK_TTS"  # "mock" in tests, "none" to silence, or an engine name
#: the daemon check starts this long after the kiosk is built, off its cold start
PROBE_DELAY_MS = 1500


def default_engine() -> str | None:
    chosen = os.environ.get(ENV_ENGINE)
    if chosen is not None:
        return None if chosen in ("", "none") else chosen
    # speech-dispatcher can hang with no audio device: only when its daemon is installed
    return "speechd" if shutil.which("speech-dispatcher") else None


#: voice names that speak Mandarin where the engine reports no Chinese locale for them
#: (espeak-ng's voice through speech-dispatcher is "Chinese (Mandarin, latin as Pinyin)",
#: "cmn" in some versions), and names of Chinese voices that are not Mandarin: espeak-ng
#: lists "Chinese (Cantonese)" first, and Cantonese reads Mandarin prompts wrongly
MANDARIN_NAMES = ("cmn", "mandarin")
NOT_MANDARIN = ("cantonese", "yue", "hakka", "min nan", "wu ")


def mandarin_voice_rank(name: str) -> int | None:
    """How well a voice named `name` fits Mandarin prompts (lower is better), or None."""
    lowered = name.lower()
    if any(part in lowered for part in NOT_MANDARIN):
        return None
    if not any(part in lowered for part in (*MANDARIN_NAMES, "chinese")):
        return None
    rank = 0 if any(part in lowered for part in MANDARIN_NAMES) else 2
    if "pinyin" not in lowered and "cmn" not in lowered:
        rank += 1  # "latin as English" and plain "Chinese" after the Pinyin voice
    return rank * 2 + ("+" in name)  # espeak-ng's "+variant" voices after the plain one


class Voice(QObject):
    def __init__(
        self, engine: str | None, parent: QObject | None = None, *, chinese: bool = True
    ) -> None:
        super().__init__(parent)
        self._engine_name = engine
        #: the prompts are Chinese: a voice for another language would read them as noise,
        #: so without a Mandarin voice the kiosk stays silent
        self._chinese = chinese
        self._tts: Any = None
        self._broken = engine is None
        self.enabled = False  # speak prompts unprompted (关怀模式 turns it on)
        self.last_prompt = ""
        #: what was said, newest last (for tests and the maintenance screen)
        self.spoken: deque[str] = deque(maxlen=20)
        self._probe: Probe | None = None
        if engine == "speechd":
            from kiosk.speechd_probe import Probe

            self._probe = Probe()
            QTimer.singleShot(PROBE_DELAY_MS, self.start_probe)

    def start_probe(self) -> None:
        """Ask (on a worker) whether the speech daemon answers; idempotent."""
        if self._probe is not None and not self._probe.started:
            from kiosk.speechd_probe import daemon_address

            self._probe.start(daemon_address())

    @property
    def available(self) -> bool:
        return not self._broken

    def _engine(self) -> Any:
        if self._tts is None and not self._broken and self._probe is not None:
            self.start_probe()
            if not self._probe.done.is_set():
                return None  # still asking the daemon: never wait on it here
            if not self._probe.ok:
                self._broken = True  # the probe logged why
                return None
        if self._tts is None and not self._broken:
            try:
                from PySide6.QtTextToSpeech import QTextToSpeech

                assert self._engine_name is not None  # _broken otherwise
                self._tts = QTextToSpeech(self._engine_name, self)
                if self._tts.state() == QTextToSpeech.State.Error:
                    raise RuntimeError(self._tts.errorString())
                self._pick_voice()
            except Exception as e:  # missing module, no engine, no daemon: stay silent
                log.warning("text to speech unavailable (%s): %s", self._engine_name, e)
                self._broken = True
                self._tts = None
        return self._tts

    def _pick_voice(self) -> None:
        from PySide6.QtCore import QLocale

        wanted = QLocale.Language.Chinese if self._chinese else QLocale.Language.English
        locales = [loc for loc in self._tts.availableLocales() if loc.language() == wanted]
        # mainland Chinese first (not zh_TW / zh_HK), then whatever the engine offers
        locales.sort(key=lambda loc: loc.territory() != QLocale.Country.China)
        if locales:
            self._tts.setLocale(locales[0])
            return
        if not self._chinese:
            return  # English prompts: the engine's default voice will do
        ranked = [(rank, n, voice) for n, voice in enumerate(self._tts.allVoices(None))
                  if (rank := mandarin_voice_rank(voice.name())) is not None]
        if not ranked:
            raise RuntimeError("the engine has no Mandarin voice")
        self._tts.setVoice(min(ranked, key=lambda r: (r[0], r[1]))[2])

    def prompt(self, text: str) -> None:
        """A screen's prompt: remembered for replay, spoken when the voice is on."""
        self.last_prompt = text
        if self.enabled:
            self._say(text)

    def announce(self, text: str) -> None:
        """Said aloud even with the voice off: something the citizen must not miss
        (their card left on the reader, the time running out)."""
        self.last_prompt = text
        self._say(text)

    def replay(self) -> None:
        if self.last_prompt:
            self._say(self.last_prompt)

    def _say(self, text: str) -> None:
        self.spoken.append(text)
        engine = self._engine()
        if engine is None:
            return
        try:
            engine.stop()
            engine.say(text)
        except Exception as e:
            log.warning("text to speech failed: %s", e)
            self._broken = True

    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def forget(self) -> None:
        """Part of the wipe: nothing said stays in memory."""
        self.spoken.clear()
        self.last_prompt = ""
