"""Typed values: ids, durations, CIDRs, percentages, money, times, TLS versions."""

from __future__ import annotations

import ipaddress
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from mkdocs_infraspec.models.types import (
    CIDR,
    ClockTime,
    Duration,
    Identifier,
    Money,
    Percentage,
    Port,
    TLSVersion,
    slugify,
)


class Box(BaseModel):
    id: Identifier | None = None
    duration: Duration | None = None
    cidr: CIDR | None = None
    share: Percentage | None = None
    amount: Money | None = None
    time: ClockTime | None = None
    tls: TLSVersion | None = None
    port: Port | None = None


def error_of(**kwargs: Any) -> dict[str, Any]:
    with pytest.raises(ValidationError) as info:
        Box(**kwargs)
    (error,) = info.value.errors()
    return dict(error)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("30s", 30), ("5m", 300), ("1h", 3600), ("7d", 604800), ("2w", 1209600), ("1h30m", 5400),
     ("PT5M", 300), ("P7D", 604800), ("PT1H30M", 5400), ("P1W", 604800), ("0", 0), (0, 0), ("1.5h", 5400)],
)
def test_durations(text: Any, seconds: float) -> None:
    assert Box(duration=text).duration.seconds == seconds  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "hint"), [("5 minutes", "write 5m"), ("1 hour", "write 1h"), ("monthly", "ISO 8601"), ("P", "ISO 8601")])
def test_bad_durations(text: str, hint: str) -> None:
    error = error_of(duration=text)
    assert error["type"] == "infraspec_duration"
    assert hint in error["ctx"]["hint"]


def test_duration_without_unit() -> None:
    assert "add a unit" in error_of(duration=5)["ctx"]["hint"]


def test_duration_order_and_human() -> None:
    assert Duration.parse("5m") < Duration.parse("1h")
    assert Duration.parse("90m").human() == "1 h 30 min"
    assert Duration.parse("PT5M") == Duration.parse("5m")


def test_ids() -> None:
    assert Box(id="rds-main").id == "rds-main"
    error = error_of(id="RDS_Main")
    assert error["ctx"]["hint"] == "use 'rds-main'"
    for bad in ("-a", "a-", "a--b", "1abc", "a b", ""):
        error_of(id=bad)
    assert slugify("Security Group") == "security-group"
    assert slugify("Infrastructure as Code (IaC)") == "infrastructure-as-code-iac"
    assert slugify("3-tier") == "x-3-tier"


def test_cidrs() -> None:
    assert Box(cidr="10.0.0.0/16").cidr == ipaddress.ip_network("10.0.0.0/16")
    assert Box(cidr="2001:db8::/32").cidr.version == 6  # type: ignore[union-attr]
    assert "10.0.4.0/22" in error_of(cidr="10.0.4.1/22")["ctx"]["hint"]
    assert "prefix" in error_of(cidr="10.0.0.0")["msg"]
    assert error_of(cidr="10.0.0.0/33")["type"] == "infraspec_cidr"
    assert error_of(cidr="300.0.0.0/8")["type"] == "infraspec_cidr"
    assert Box(cidr="10.0.0.0/16").model_dump()["cidr"] == "10.0.0.0/16"


def test_percentages_money_times_tls_ports() -> None:
    assert Box(share="80%").share == 80.0
    assert Box(share=99.95).share == 99.95
    assert error_of(share="lots")["type"] == "infraspec_percentage"
    assert error_of(share=True)["type"] == "infraspec_percentage"
    assert Box(amount="12,500.50").amount == Decimal("12500.50")
    assert Box(amount="$1,200").amount == Decimal("1200")
    assert Box(amount="1200 USD").amount == Decimal("1200")
    assert error_of(amount=-5)["type"] == "infraspec_money"
    assert Box(time="18:00").time == "18:00"
    assert Box(time=1080).time == "18:00"  # YAML 1.1 reads 18:00 unquoted as 1080
    assert error_of(time="25:00")["type"] == "infraspec_time"
    assert Box(tls=1.2).tls == "1.2"
    assert Box(tls="TLSv1.3").tls == "1.3"
    assert error_of(tls="1.4")["type"] == "infraspec_tls"
    assert Box(port=443).port == 443
    assert Box(port="1024-2048").port == "1024-2048"
    assert error_of(port=70000)["type"] == "infraspec_port"
