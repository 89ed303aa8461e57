"""The kiosk's look: two themes (normal, 关怀模式) that meet the 适老化 minimums.

Minimums (checked by tests/kiosk/test_elderly_minimums.py on every screen):
touch targets >= 60x60 dip, body text >= 18 px, main actions >= 30 px, line
spacing >= 1.3, contrast >= 4.5:1. Both themes stay well above them; the
elderly theme is larger still and slower.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

MIN_TARGET_DIP = 60
MIN_BODY_PX = 18
MIN_ACTION_PX = 30
MIN_LINE_SPACING = 1.3
MIN_CONTRAST = 4.5


class Theme(NamedTuple):
    # a NamedTuple, not a dataclass: the attract screen comes up without loading
    # dataclasses (cold start)
    name: str
    body_px: int
    action_px: int
    title_px: int
    target_px: int  # smallest button edge
    line_spacing: float
    idle_seconds: float  # quiet time before the "more time?" countdown
    countdown_seconds: int
    voice: bool  # speak each screen's prompt without being asked
    #: the ID card was taken out mid-visit: time to put it back before the visit ends
    card_away_seconds: int = 15
    #: what the citizen came to read (a case's status in plain words): above body text,
    #: and in 关怀模式 half as large again, not merely the body's step up
    result_px: int = 28


NORMAL = Theme("normal", 24, 32, 44, 80, 1.4, 90.0, 20, voice=False, card_away_seconds=15,
               result_px=28)
ELDERLY = Theme("elderly", 32, 42, 54, 104, 1.5, 180.0, 40, voice=True, card_away_seconds=30,
                result_px=42)

# Dark text on a warm off-white, deep blue buttons with white text. Every pair is
# far above 4.5:1 (see contrast_ratio); states also differ in words, never colour alone.
INK = "#1a1a1a"
PAPER = "#f8f6ef"
CARD = "#ffffff"
PRIMARY = "#0a4a8f"
ON_PRIMARY = "#ffffff"
SECONDARY = "#e3e8ef"
ON_SECONDARY = "#102a43"
WARN_BG = "#fff1c2"
WARN_INK = "#4a3400"
DISABLED_BG = "#d9d9d9"
DISABLED_INK = "#3a3a3a"


def _luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 .. 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def apply_palette(app: QApplication) -> None:
    pal = QPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Window, QColor(PAPER))
        pal.setColor(group, QPalette.ColorRole.WindowText, QColor(INK))
        pal.setColor(group, QPalette.ColorRole.Base, QColor(CARD))
        pal.setColor(group, QPalette.ColorRole.Text, QColor(INK))
        pal.setColor(group, QPalette.ColorRole.Button, QColor(PRIMARY))
        pal.setColor(group, QPalette.ColorRole.ButtonText, QColor(ON_PRIMARY))
        pal.setColor(group, QPalette.ColorRole.Highlight, QColor(PRIMARY))
        pal.setColor(group, QPalette.ColorRole.HighlightedText, QColor(ON_PRIMARY))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(DISABLED_BG))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(DISABLED_INK))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(DISABLED_INK))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, QColor(PAPER))
    app.setPalette(pal)


def key_limits(theme: Theme) -> tuple[int, int]:
    """The largest a keypad key grows: (width, height) in px, border and padding included.
    Wide enough for "删除"/"Delete" in the key's text size, at most half as tall again as
    the smallest touch target."""
    return 2 * theme.target_px, theme.target_px * 3 // 2


#: The window's own sheet, the same in every mode: the frame's colours. A mode's sheet
#: (stylesheet) is set on the top bar's widgets and on each page of the screen stack,
#: never on the window: a new sheet on the window restyles every widget of every built
#: screen (hundreds), the hidden ones too, at each switch of 关怀模式 and each end of a
#: visit in it; the window restyles a hidden page when it is shown (kiosk.window).
FRAME_SHEET = f"""
QWidget#kioskRoot, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background-color: {PAPER}; color: {INK};
}}
"""


def stylesheet(theme: Theme) -> str:
    t = theme
    pad = max(8, t.target_px // 6)
    # min-width/min-height size the contents: with the padding and the 3 px border a
    # one-line button is target_px high, not target_px + 40 (which pushed the actions of
    # the elderly theme off a 768-line screen)
    inner = t.target_px - 2 * pad - 6
    # keypad keys grow with the screen only so far: a key 400 px wide (portrait) or
    # 300 x 180 (landscape) is a slab, not a key; what is left centres the keypad
    key_w, key_h = key_limits(t)
    key_w -= 2 * pad + 6  # a key's caption is short: padding all round, not twice at the sides
    key_h -= 2 * pad + 6
    return f"""
QWidget#kioskRoot, QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{
    background-color: {PAPER}; color: {INK};
}}
QLabel {{ color: {INK}; font-size: {t.body_px}px; background: transparent; }}
CameraPreview {{ font-size: {t.body_px}px; }}
QLabel[role="title"] {{ font-size: {t.title_px}px; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {t.action_px}px; font-weight: bold; }}
QLabel[role="card"] {{ background-color: {CARD}; border: 2px solid {INK};
    border-radius: 12px; padding: {pad}px; }}
QLabel[role="result"] {{ font-size: {t.result_px}px; background-color: {CARD};
    border: 2px solid {INK}; border-radius: 12px; padding: {pad}px; }}
QLabel[role="warn"] {{ background-color: {WARN_BG}; color: {WARN_INK};
    border: 3px solid {WARN_INK}; border-radius: 12px; padding: {pad}px; }}
QLabel[role="number"] {{ font-size: {t.title_px}px; font-weight: bold; background-color: {CARD};
    border: 2px solid {INK}; border-radius: 12px; padding: {pad}px; }}
QLabel[role="countdown"] {{ font-size: {t.title_px * 3}px; font-weight: bold; }}
QPushButton {{
    min-width: {inner}px; min-height: {inner}px;
    font-size: {t.body_px}px; padding: {pad}px {pad * 2}px;
    color: {ON_PRIMARY}; background-color: {PRIMARY};
    border: 3px solid {INK}; border-radius: 14px;
}}
QPushButton[role="main"] {{ font-size: {t.action_px}px; font-weight: bold; }}
QPushButton[compact="true"] {{ padding: {pad}px; }}
QPushButton[keypad="key"] {{ max-width: {key_w}px; max-height: {key_h}px; padding: {pad}px;
    min-width: {3 * t.body_px}px; }}
QPushButton[keypad="tall"] {{ max-width: {key_w}px; padding: {pad}px;
    min-width: {3 * t.action_px}px; }}
QPushButton[keypad="letter"] {{ padding: {pad}px 4px; min-width: {MIN_TARGET_DIP - 14}px; }}
QPushButton[role="secondary"] {{ color: {ON_SECONDARY}; background-color: {SECONDARY}; }}
QPushButton:checked {{ color: {ON_PRIMARY}; background-color: {INK}; }}
QPushButton:disabled {{ color: {DISABLED_INK}; background-color: {DISABLED_BG}; }}
QListWidget {{ font-size: {t.body_px}px; color: {INK}; background-color: {CARD};
    border: 2px solid {INK}; }}
QListWidget::item {{ min-height: {t.target_px}px; padding: {pad}px; }}
QListWidget::item:selected {{ color: {ON_PRIMARY}; background-color: {PRIMARY}; }}
QScrollBar:vertical {{ width: {max(MIN_TARGET_DIP, t.target_px * 3 // 4)}px;
    background-color: {CARD}; border: 2px solid {INK}; border-radius: 8px; margin: 0; }}
/* the handle filled, the track white: where the page stands is seen at once. The
   handle's least height stays small: it is the bar's least height too, and a short
   list in a page (the evaluation's reasons) would grow by it */
QScrollBar::handle:vertical {{ background-color: {PRIMARY}; min-height: 40px;
    border: 2px solid {INK}; border-radius: 8px; margin: 3px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; border: none; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
"""
