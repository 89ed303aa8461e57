"""Code scanners: keyboard-wedge (timing classifier), Linux evdev (grabbed input
device) and serial. Plain Python; callbacks come from each scanner's own thread."""

from devices.scanner.base import DEFAULT_MAX_LENGTH, Scan, ScanCallback, Scanner, capped_payload
from devices.scanner.errors import ScannerError
from devices.scanner.evdev import EvdevKeyDecoder, EvdevScanner
from devices.scanner.serial_scanner import LineAssembler, SerialScanner, SerialScannerSimulator
from devices.scanner.spec import ScannerSpec, check_scanner, open_scanner, parse_scanner_spec
from devices.scanner.wedge import Typed, WedgeDecoder, WedgeOutput

__all__ = [
    "DEFAULT_MAX_LENGTH",
    "EvdevKeyDecoder",
    "EvdevScanner",
    "LineAssembler",
    "Scan",
    "ScanCallback",
    "Scanner",
    "ScannerError",
    "ScannerSpec",
    "SerialScanner",
    "SerialScannerSimulator",
    "Typed",
    "WedgeDecoder",
    "WedgeOutput",
    "capped_payload",
    "check_scanner",
    "open_scanner",
    "parse_scanner_spec",
]
