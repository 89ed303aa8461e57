"""The client verifies the platform's TLS certificate; ``platform.ca_bundle`` is honoured.

The reference platform is served over HTTPS with a throwaway CA and server
certificate made here with ``cryptography``."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from reference_platform.server import PlatformProcess
from sync.client import PlatformClient, SyncError, TransientError
from sync.config import StationConfig, enroll_station, save_config
from sync.engine import SyncEngine
from sync.runner import EXIT_OK, EXIT_PENDING, run_sync_process
from sync.store import Store, SyncState
from ui_shared.messages import stored_sync_text as said

from .conftest import Admin


def make_pki(d: Path) -> tuple[Path, Path, Path]:
    """(ca.pem, server.pem, server.key) for 127.0.0.1 / localhost."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Yiwang throwaway test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True,
                content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_pem, cert_pem, key_pem = d / "ca.pem", d / "server.pem", d / "server.key"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_pem.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_pem.chmod(0o600)
    return ca_pem, cert_pem, key_pem


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def platform(
    tmp_path_factory: pytest.TempPathFactory, pki: tuple[Path, Path, Path]
) -> Iterator[PlatformProcess]:
    ca, cert, key = pki
    db = tmp_path_factory.mktemp("tls-platform") / "platform.db"
    with PlatformProcess(db, ssl_certfile=cert, ssl_keyfile=key, ca_bundle=ca) as proc:
        yield proc


@pytest.fixture
def admin(platform: PlatformProcess, http: requests.Session, pki) -> Admin:
    http.verify = str(pki[0])  # the admin helper's own calls trust the test CA
    return Admin(platform, http)


@pytest.fixture(autouse=True)
def _no_proxy_nor_ca_bundle(no_proxy: None, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(var, raising=False)


def test_client_trusting_the_ca_bundle_delivers(
    platform: PlatformProcess, admin: Admin, http: requests.Session, pki, store: Store, accept,
    station_code: str,
) -> None:
    assert platform.url.startswith("https://")
    ca = str(pki[0])
    creds = PlatformClient.enroll(
        platform.url, admin.enrollment_code(), station_code, "window", session=http, verify=ca
    )
    client = PlatformClient(platform.url, creds, session=http, verify=ca)
    client.heartbeat({"queue_depth": 0})
    doc, etag = client.catalog(None)
    assert doc is not None and etag
    sub = accept()
    assert SyncEngine(store, client).run_once().delivered == 1
    assert admin.submission(sub.uuid)["manifest"] == sub.manifest()


def test_system_trust_store_refuses_the_unknown_ca(
    platform: PlatformProcess, admin: Admin, http: requests.Session, pki, store: Store, accept,
    station_code: str,
) -> None:
    creds = PlatformClient.enroll(
        platform.url, admin.enrollment_code(), station_code, "window", session=http,
        verify=str(pki[0]),
    )
    plain = requests.Session()
    plain.trust_env = False
    client = PlatformClient(platform.url, creds, session=plain, verify=True)
    with pytest.raises(TransientError) as e:
        client.heartbeat({})
    assert e.value.code == "tls" and "certificate" in str(e.value).lower()
    with pytest.raises(SyncError):
        PlatformClient.enroll(platform.url, admin.enrollment_code(), station_code, "window",
                              session=plain, verify=True)
    sub = accept()
    report = SyncEngine(store, client).run_once()
    assert (report.delivered, report.online) == (0, False)
    rec = store.get(sub.uuid)
    assert rec.sync_state is SyncState.RETRY and "TLS" in said(rec.last_error)
    plain.close()


def test_runner_honours_the_configured_ca_bundle(
    platform: PlatformProcess, admin: Admin, http: requests.Session, pki,
    data_dir: Path, store: Store, accept, station_code: str,
) -> None:
    ca = pki[0]
    (data_dir / "ca.pem").write_bytes(ca.read_bytes())
    config = StationConfig(station_code=station_code, platform_url=platform.url,
                           ca_bundle=str(data_dir / "ca.pem"))
    save_config(data_dir, config)
    enroll_station(data_dir, admin.enrollment_code(), session=http)
    sub = accept()
    # without the bundle the system trust store refuses the platform: nothing delivered
    save_config(data_dir, StationConfig(station_code=station_code, platform_url=platform.url))
    assert run_sync_process(data_dir, once=True) == EXIT_PENDING
    assert store.get(sub.uuid).sync_state is SyncState.RETRY
    store.requeue(sub.uuid)
    # with it (stored relative to the data dir), the runner delivers
    save_config(data_dir, config)
    assert run_sync_process(data_dir, once=True) == EXIT_OK
    assert store.get(sub.uuid).sync_state is SyncState.DELIVERED


def test_a_ca_bundle_pins_the_platform(
    platform: PlatformProcess, admin: Admin, http: requests.Session, pki,
    tmp_path: Path, station_code: str,
) -> None:
    """With ``platform.ca_bundle`` set, only that CA is trusted: a certificate from any
    other CA (here a second throwaway CA, standing in for a public one or an
    intercepting proxy's) is refused before anything is sent."""
    other_ca = make_pki(tmp_path)[0]
    creds = PlatformClient.enroll(
        platform.url, admin.enrollment_code(), station_code, "window", session=http,
        verify=str(pki[0]),
    )
    pinned_elsewhere = PlatformClient(platform.url, creds, session=http, verify=str(other_ca))
    with pytest.raises(TransientError) as e:
        pinned_elsewhere.heartbeat({})
    assert e.value.code == "tls"
    PlatformClient(platform.url, creds, session=http, verify=str(pki[0])).heartbeat({})
