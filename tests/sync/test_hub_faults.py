"""A hub that cannot take a sync says why in one coded line, and nothing changes on either
side (issue 10, item 5): a read-only hub, an account without the rights, a server shutting
down, a hub database that does not store UTF-8. Against the real server of the suite."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

import pytest
from sqlalchemy import text

from console.domain.errors import ConsoleError
from console.sync import hub
from tests.sync.conftest import _with_database

pytestmark = pytest.mark.hub


def _admin(url: str):  # type: ignore[no-untyped-def]
    return hub.connect(url).connect().execution_options(isolation_level="AUTOCOMMIT")


def _refused(station, url: str) -> ConsoleError:  # type: ignore[no-untyped-def]
    before = station.digest()
    with pytest.raises(ConsoleError) as refused:
        station.app.sync.hub_sync(station.admin, url)
    assert station.digest() == before
    assert "\n" not in refused.value.render("ko") and "\n" not in refused.value.render("en")
    return refused.value


def test_a_read_only_hub_is_one_line(stations, hub_url: str) -> None:
    a, b = stations(2)
    a.app.sync.hub_sync(a.admin, hub_url)
    name = urlsplit(hub_url).path.lstrip("/")
    with _admin(hub_url) as connection:
        connection.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    assert _refused(b, hub_url).code == "hub.read_only"


def test_an_account_without_rights_is_one_line(stations, hub_url: str) -> None:
    a, b = stations(2)
    a.app.sync.hub_sync(a.admin, hub_url)  # the hub's tables belong to another account
    role = "visitor_" + uuid.uuid4().hex[:8]
    with _admin(hub_url) as connection:
        connection.execute(text(f"CREATE ROLE {role} LOGIN"))
    as_visitor = hub_url.replace("postgres:@", f"{role}@").replace("postgres@", f"{role}@")
    assert role in as_visitor
    refusal = _refused(b, as_visitor)
    assert refusal.code == "hub.no_permission", refusal.render("en")


def test_a_hub_database_that_is_not_utf8_is_refused(stations, postgres_url: str) -> None:
    (a,) = stations(1)
    name = "hub_ascii_" + uuid.uuid4().hex[:8]
    with _admin(postgres_url) as connection:
        connection.execute(text(f"CREATE DATABASE {name} ENCODING 'SQL_ASCII' "
                                "LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"))
    refusal = _refused(a, _with_database(postgres_url, name))
    assert refusal.code == "hub.encoding" and "SQL_ASCII" in refusal.render("en")


def test_a_server_shutting_down_is_one_line(hub_url: str) -> None:
    """The server ends the session (what a shutdown or an administrator does): the error the
    driver raises is told as the hub shutting down."""
    engine = hub.connect(hub_url)
    try:
        with pytest.raises(hub.HubError) as cut, engine.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
            connection.execute(text("SELECT 1"))
        refusal = hub.refusal(cut.value, hub_url)
        assert refusal.code == "hub.shutting_down", refusal.render("en")
    finally:
        engine.dispose()
