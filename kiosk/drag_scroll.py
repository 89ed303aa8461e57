"""One-finger drag scrolling for the kiosk's long lists and pages (the item list, the
guide's text and lists, a citizen's cases): the scroll bar alone was the only way, and
elderly citizens drag the list itself as on a phone (s12 #6).

QScroller with the left-mouse gesture (a touch screen's finger arrives as the left
button: Qt synthesises mouse events from unhandled touches), so no long press and no
second finger is needed. A drag never taps the button under the finger: the press
reaches the button at once (no delay: holding presses back and replaying them broke the
double-tap guard's event times, kiosk.event_gate), and once the finger moves far enough
to drag, the scroller sends the pressed button a release outside itself, which is no
click. No overshoot: an elderly reader should not see the page bounce."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QScroller, QScrollerProperties

#: presses are not held back (see above)
PRESS_DELAY_S = 0.0


def drag_to_scroll(area: QAbstractScrollArea) -> QScroller:
    """`area` scrolls when dragged with one finger (or the left mouse button)."""
    if isinstance(area, QAbstractItemView):  # by pixels, not by whole rows under the finger
        area.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    viewport = area.viewport()
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    props = scroller.scrollerProperties()
    metric = QScrollerProperties.ScrollMetric
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    props.setScrollMetric(metric.VerticalOvershootPolicy, off)
    props.setScrollMetric(metric.HorizontalOvershootPolicy, off)
    props.setScrollMetric(metric.MousePressEventDelay, PRESS_DELAY_S)
    scroller.setScrollerProperties(props)
    return scroller
