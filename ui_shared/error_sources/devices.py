"""Device errors and states: the printer, the ID card reader, the camera, the scanner.

English source sentences, marked for lupdate; the Chinese is in
resources/translations/yiwang_zh_CN.ts (context "ErrorText").
"""

from __future__ import annotations

from ui_shared.error_sources.marker import QT_TRANSLATE_NOOP

DEVICES: dict[str, str] = {
    "printer.not_connected": QT_TRANSLATE_NOOP("ErrorText", "The printer is not connected"),
    "printer.unsupported": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The printer is not connected (no USB driver)",
    ),
    "printer.io": QT_TRANSLATE_NOOP("ErrorText", "Could not talk to the printer"),
    "printer.bad_target": QT_TRANSLATE_NOOP("ErrorText", "The printer setting is wrong"),
    "printer.no_font": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No Chinese font (install fonts-wqy-microhei)",
    ),
    "printer.paper_out": QT_TRANSLATE_NOOP("ErrorText", "The printer is out of paper"),
    "printer.cover_open": QT_TRANSLATE_NOOP("ErrorText", "The printer cover is open"),
    "printer.hardware_error": QT_TRANSLATE_NOOP("ErrorText", "The printer reports a fault"),
    "printer.offline": QT_TRANSLATE_NOOP("ErrorText", "The printer is offline"),
    "printer.unknown": QT_TRANSLATE_NOOP("ErrorText", "Printer state unknown"),
    "printer.paper_near_end": QT_TRANSLATE_NOOP("ErrorText", "Paper is running out"),
    "printer.ready": QT_TRANSLATE_NOOP("ErrorText", "Printer ready"),
    "idcard.ok": QT_TRANSLATE_NOOP("ErrorText", "Done"),
    "idcard.no_content": QT_TRANSLATE_NOOP("ErrorText", "The card holds nothing for this item"),
    "idcard.find_ok": QT_TRANSLATE_NOOP("ErrorText", "Card found"),
    "idcard.terminal_checksum": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader received a damaged frame (checksum)",
    ),
    "idcard.terminal_length": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader received a damaged frame (length)",
    ),
    "idcard.command_error": QT_TRANSLATE_NOOP("ErrorText", "The reader refused the command"),
    "idcard.unauthorised": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader refused an unauthorised operation",
    ),
    "idcard.unrecognised": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader reported an unrecognised error",
    ),
    "idcard.card_auth_sam_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The card could not authenticate the reader; place the card again",
    ),
    "idcard.sam_auth_card_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader could not authenticate the card; place the card again",
    ),
    "idcard.info_verify_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card information failed verification; place the card again",
    ),
    "idcard.card_not_found_yet": QT_TRANSLATE_NOOP("ErrorText", "No card found yet"),
    "idcard.fingerprint_verify_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Fingerprint information failed verification",
    ),
    "idcard.info_length_error": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card information has a wrong length; place the card again",
    ),
    "idcard.card_type_unrecognised": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Unrecognised card type; place a resident ID card",
    ),
    "idcard.read_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Reading the card failed; place the card again",
    ),
    "idcard.random_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The card's challenge failed; place the card again",
    ),
    "idcard.sam_self_check": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader's security module failed its self-check; call a technician",
    ),
    "idcard.sam_unauthorised": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader's security module is not authorised",
    ),
    "idcard.no_card": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No card on the reader; place the ID card on it",
    ),
    "idcard.select_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Selecting the card failed; place the card again",
    ),
    "idcard.unknown_status": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader returned unknown status {sw3}",
    ),
    "idcard.timeout": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The ID card reader does not answer; check the cable",
    ),
    "idcard.disconnected": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The ID card reader was disconnected; check the cable",
    ),
    "idcard.open_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Cannot open the ID card reader port {device}",
    ),
    "idcard.no_reader": QT_TRANSLATE_NOOP("ErrorText", "No ID card reader found"),
    "idcard.no_camera": QT_TRANSLATE_NOOP("ErrorText", "No document camera found"),
    "idcard.sam_id_length": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader's security module id has a wrong length",
    ),
    "idcard.frame_length": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader sent a frame of impossible length",
    ),
    "idcard.frame_checksum": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The reader sent a damaged frame (checksum)",
    ),
    "idcard.card_data": QT_TRANSLATE_NOOP("ErrorText", "Card data invalid; place the card again"),
    "idcard.card_data_header": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid (length fields); place the card again",
    ),
    "idcard.card_data_length": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid (length mismatch); place the card again",
    ),
    "idcard.card_date_format": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid: the {field} is malformed; place the card again",
    ),
    "idcard.card_date_invalid": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid: the {field} is not a date; place the card again",
    ),
    "idcard.field.birth_date": QT_TRANSLATE_NOOP("ErrorText", "birth date"),
    "idcard.field.valid_from": QT_TRANSLATE_NOOP("ErrorText", "valid-from date"),
    "idcard.field.valid_until": QT_TRANSLATE_NOOP("ErrorText", "valid-until date"),
    "idcard.card_type_unsupported": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid: unsupported card type {flag}; place the card again",
    ),
    "idcard.id_check_digit": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid: the ID number fails its check character",
    ),
    "idcard.id_birth_mismatch": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid: the ID number does not match the birth date",
    ),
    "idcard.validity_period": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Card data invalid: the validity period ends before it starts",
    ),
    "camera.camera_error": QT_TRANSLATE_NOOP("ErrorText", "The document camera failed"),
    "camera.camera_not_found": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No document camera (or video file) found",
    ),
    "camera.camera_open_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Cannot open the camera; check the cable",
    ),
    "camera.camera_closed": QT_TRANSLATE_NOOP("ErrorText", "The camera is closed"),
    "camera.camera_read_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The camera gives no picture; check the cable",
    ),
    "camera.page_not_found": QT_TRANSLATE_NOOP("ErrorText", "No complete page found"),
    "camera.image_too_large": QT_TRANSLATE_NOOP("ErrorText", "The image {what} is too large"),
    "camera.what.file": QT_TRANSLATE_NOOP("ErrorText", "file"),
    "camera.what.pixels": QT_TRANSLATE_NOOP("ErrorText", "size"),
    "camera.image_unreadable": QT_TRANSLATE_NOOP("ErrorText", "The image cannot be used"),
    "camera.image_unreadable[io]": QT_TRANSLATE_NOOP("ErrorText", "Cannot read the image file"),
    "camera.image_unreadable[format]": QT_TRANSLATE_NOOP(
        "ErrorText", "Not an image format we know"
    ),
    "scanner.not_found": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Scanner {device} not found; check the cable",
    ),
    "scanner.permission_denied": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No permission to read scanner {device} (group 'input' or a udev rule is needed)",
    ),
    "scanner.open_failed": QT_TRANSLATE_NOOP("ErrorText", "Cannot open scanner {device}"),
    "scanner.busy": QT_TRANSLATE_NOOP("ErrorText", "Scanner {device} is in use by another program"),
    "scanner.grab_failed": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Cannot take scanner {device} for this program (not an input device?)",
    ),
    "scanner.disconnected": QT_TRANSLATE_NOOP("ErrorText", "The scanner was disconnected"),
    "scanner.bad_spec": QT_TRANSLATE_NOOP("ErrorText", "The scanner setting is wrong"),
    # the configured printer target, checked without printing (station.printer_target_check)
    "printer_target.bad_target": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The printer setting is not valid: {where}",
    ),
    "printer_target.bad_target[address]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The printer's network address {where} is not valid (it should be HOST:PORT)",
    ),
    "printer_target.ok": QT_TRANSLATE_NOOP("ErrorText", "Printer {where}"),
    "printer_target.ok[network]": QT_TRANSLATE_NOOP("ErrorText", "Network printer {where}"),
    "printer_target.ok[device]": QT_TRANSLATE_NOOP("ErrorText", "Printer device {where}"),
    "printer_target.ok[file]": QT_TRANSLATE_NOOP("ErrorText", "Printing to the file {where}"),
    "printer_target.created_on_print": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Printing to the file {where} (its folder is made at the first print)",
    ),
    "printer_target.not_a_printer": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} is not a printer device or a regular file",
    ),
    "printer_target.not_a_printer[missing]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} does not exist (is the printer unplugged?)",
    ),
    "printer_target.not_a_printer[foreign_file]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} is a file holding other data, not printer output: printing would "
        "overwrite it. Name the printer device (/dev/usb/lp*, /dev/tty*) or a new file.",
    ),
    "printer_target.not_a_printer[not_char]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} is not a printer device (a character device)",
    ),
    # a character device that is no printer (devices.printer.device_node): /dev/null took
    # every receipt and doctor said OK (found by review)
    "printer_target.not_a_printer[node_memory]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} is not a printer: a memory device ({device}) swallows what is sent and "
        "prints nothing. A USB printer is /dev/usb/lp*, a serial one /dev/tty*; the "
        "simulator prints to a regular file.",
    ),
    "printer_target.not_a_printer[node_terminal]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} is not a printer: it is a terminal or console, not a printer port. A USB "
        "printer is /dev/usb/lp*, a serial one /dev/tty*; the simulator prints to a "
        "regular file.",
    ),
    "printer_target.not_a_printer[node_other]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} is not a printer: it is the character device {device}. A USB printer is "
        "/dev/usb/lp*, a serial one /dev/tty*; the simulator prints to a regular file.",
    ),
    "printer_target.not_writable": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No permission to write to {where}",
    ),
    "printer_target.not_writable[unexaminable]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} cannot be examined ({reason})",
    ),
    "printer_target.not_writable[create]": QT_TRANSLATE_NOOP(
        "ErrorText",
        "No permission to create {name} in {folder}",
    ),
    "printer_target.not_connected": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Nothing reads from {where} ({reason}): the printer is not connected",
    ),
    "printer_target.is_directory": QT_TRANSLATE_NOOP(
        "ErrorText",
        "{where} is a folder, not a printer or a file",
    ),
    "printer_target.not_a_folder": QT_TRANSLATE_NOOP("ErrorText", "{folder} is not a folder"),
    "printer_target.no_folder": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The folder {folder} does not exist",
    ),
    # the scanner's diagnostics (devices.scanner.spec.check_scanner)
    "scanner.not_configured": QT_TRANSLATE_NOOP("ErrorText", "No scanner configured"),
    "scanner.wedge_ready": QT_TRANSLATE_NOOP(
        "ErrorText",
        "Keyboard-wedge scanner: the window recognises it by keystroke timing; nothing to test",
    ),
    "scanner.serial_ready": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The scanner port {device} opens ({baudrate} baud)",
    ),
    "scanner.evdev_ready": QT_TRANSLATE_NOOP(
        "ErrorText",
        "The scanner device {device} can be read exclusively",
    ),
}
