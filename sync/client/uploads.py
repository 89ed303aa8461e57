"""Resumable blob upload (tus-style ``HEAD`` / ``PATCH`` with ``Upload-Offset``).

A mixin of :class:`sync.client.PlatformClient`: it needs the client's ``_send``
(one signed request) and ``_error`` (an answer mapped to an exception). Every
answer to a blob request is capped at one chunk's size.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import BinaryIO
from urllib.parse import quote

from sync.client.answers import BlobState, header_int
from sync.client.errors import BadAnswer, Conflict, PermanentError, SyncError, TransientError
from sync.client.transport import MAX_JSON_ANSWER, Answer
from wire.headers import UPLOAD_COMPLETE, UPLOAD_LENGTH, UPLOAD_OFFSET

__all__ = ["BLOB_ANSWER_LIMIT", "DEFAULT_CHUNK", "FRESH_STATE_SECONDS", "BlobUploads", "Progress"]

log = logging.getLogger(__name__)

DEFAULT_CHUNK = 256 * 1024
#: an answer to HEAD/PATCH is a few headers and a short JSON error at most
BLOB_ANSWER_LIMIT = DEFAULT_CHUNK
#: how long a HEAD answer may stand in for the first HEAD of ``upload_blob`` (seconds)
FRESH_STATE_SECONDS = 2.0

Progress = Callable[[int, int], None]


class _WrongGuess(Exception):
    """``upload_blob``'s first PATCH at the caller's offset met another offset (409)."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _resumable(exc: SyncError) -> bool:
    """Resume within the call only after the network cut us off (no answer at all);
    a platform that answered with a failure or asked us to wait is left alone."""
    if isinstance(exc, Conflict):
        return True
    return (
        isinstance(exc, TransientError)
        and not isinstance(exc, BadAnswer)
        and exc.status is None
        and exc.retry_after is None
    )


class BlobUploads(ABC):
    def __init__(self) -> None:
        #: incomplete blob states just read by ``blob_state`` (sha -> (monotonic, state)),
        #: so the ``upload_blob`` that usually follows skips a second HEAD round trip
        self._fresh_states: dict[str, tuple[float, BlobState]] = {}

    @abstractmethod
    def _send(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        signed: bool = True,
        limit: int = MAX_JSON_ANSWER,
    ) -> Answer: ...

    @abstractmethod
    def _error(self, answer: Answer) -> SyncError: ...

    def forget_blob_states(self) -> None:
        self._fresh_states = {}

    def blob_state(self, sha: str) -> BlobState:
        """Where the platform stands on a blob: absent, partial at an offset, or complete."""
        answer = self._send("HEAD", f"/v1/blobs/{quote(sha, safe='')}",
                            limit=BLOB_ANSWER_LIMIT)
        if answer.status == 404:
            absent = BlobState(complete=False, offset=0, exists=False)
            self._remember_state(sha, absent)
            return absent
        if answer.status != 200:
            raise self._error(answer)
        offset = header_int(answer.headers, UPLOAD_OFFSET)
        if offset is None:
            raise BadAnswer("platform answered HEAD without a valid Upload-Offset")
        state = BlobState(
            complete=str(answer.headers.get(UPLOAD_COMPLETE, "?1")).strip() != "?0",
            offset=offset,
            exists=True,
            length=header_int(answer.headers, UPLOAD_LENGTH),
        )
        self._remember_state(sha, state)
        return state

    def _remember_state(self, sha: str, state: BlobState) -> None:
        if state.complete:
            self._fresh_states.pop(sha, None)
            return
        if len(self._fresh_states) >= 64:
            self._fresh_states.clear()
        self._fresh_states[sha] = (time.monotonic(), state)

    def _fresh_state(self, sha: str) -> BlobState | None:
        """The state ``blob_state`` just read for ``sha`` (consumed), if recent enough.

        A stale offset is harmless: the platform answers 409 with its offset and the
        upload resumes from a fresh HEAD."""
        seen = self._fresh_states.pop(sha, None)
        if seen is None or time.monotonic() - seen[0] > FRESH_STATE_SECONDS:
            return None
        return seen[1]

    def upload_blob(
        self,
        sha: str,
        size: int,
        open_fn: Callable[[], BinaryIO],
        *,
        chunk_size: int = DEFAULT_CHUNK,
        progress: Progress | None = None,
        resume_attempts: int = 2,
        offset: int | None = None,
    ) -> None:
        """Upload a blob in chunks, resuming from the platform's offset.

        Reads ``open_fn()`` chunk by chunk (never the whole blob). After the network
        cut an exchange short, the platform's offset is read again and the upload
        continues from there, at most ``resume_attempts`` times within this call; an
        error answer from the platform (5xx, 429, ``Retry-After``) propagates at once,
        so the engine waits as the platform asked. The first HEAD is skipped when
        ``blob_state(sha)`` was just called (as the engine does).

        ``offset`` (e.g. 0 for a blob this station never began uploading) skips the
        first HEAD too: the first PATCH goes out at that offset. If the guess is wrong
        the platform refuses that chunk with 409 and its own offset
        (``offset_mismatch``) or ``already_complete``; the upload continues from the
        platform's answer without a HEAD and without counting a failure, so a wrong
        guess costs at most that one chunk.
        """
        failures = wrong_guesses = 0
        guess = offset  # the caller's belief, used for the first attempt only
        while True:
            try:
                if self._upload_from(sha, size, open_fn, chunk_size, progress, guess,
                                     first=failures == 0):
                    return
            except _WrongGuess as wrong:
                # the caller's offset was wrong: the platform told us its own
                wrong_guesses += 1
                if wrong_guesses > 2:
                    raise BadAnswer("platform keeps moving the upload offset") from wrong
                log.info("blob %s is at %d on the platform, not at %s; continuing there",
                         sha[:12], wrong.offset, guess)
                guess = wrong.offset
                continue
            except SyncError as exc:
                if not _resumable(exc):
                    raise
                failures += 1
                if failures > resume_attempts:
                    raise
                log.info("upload of %s interrupted (%s); resuming from the platform's offset",
                         sha[:12], exc)
            guess = None

    def _upload_from(
        self, sha: str, size: int, open_fn: Callable[[], BinaryIO], chunk_size: int,
        progress: Progress | None, guess: int | None, *, first: bool,
    ) -> bool:
        """One run of PATCHes from the platform's (or the guessed) offset; True when the
        platform holds the whole blob."""
        path = f"/v1/blobs/{quote(sha, safe='')}"
        guessed = guess is not None
        state: BlobState | None = None
        if guess is not None:
            state = BlobState(complete=False, offset=guess, exists=guess > 0)
        elif first:
            state = self._fresh_state(sha)
        if state is None:
            state = self.blob_state(sha)
            self._fresh_states.pop(sha, None)
        if state.complete:
            if progress:
                progress(size, size)
            return True
        at = state.offset
        if at > size:
            raise PermanentError(409, {"offset": at, "size": size}, code="offset_beyond_size")
        with open_fn() as f:
            f.seek(at)
            if progress:
                progress(at, size)
            while True:
                chunk = f.read(chunk_size) if at < size else b""
                if at < size and not chunk:
                    raise PermanentError(400, "local blob is shorter than its declared size",
                                         code="short_blob")
                answer = self._send(
                    "PATCH", path, body=chunk, limit=BLOB_ANSWER_LIMIT,
                    headers={
                        UPLOAD_OFFSET: str(at),
                        UPLOAD_LENGTH: str(size),
                        "Content-Type": "application/offset+octet-stream",
                    },
                )
                if answer.status >= 300:
                    error = self._error(answer)
                    if guessed and isinstance(error, Conflict):
                        if error.code == "already_complete":
                            if progress:
                                progress(size, size)
                            return True
                        if error.code == "offset_mismatch" and error.offset is not None:
                            raise _WrongGuess(error.offset) from error
                    raise error
                guessed = False
                reported = header_int(answer.headers, UPLOAD_OFFSET)
                expected = at + len(chunk)
                if reported is not None and reported != expected:
                    raise BadAnswer(f"platform answered PATCH at {at}+{len(chunk)} with "
                                    f"offset {reported}")
                at = expected
                if progress:
                    progress(at, size)
                if answer.headers.get(UPLOAD_COMPLETE) == "?1" or at >= size:
                    return True
